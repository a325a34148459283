package org.exposure.assessor.rules;

import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.Party;

/** Where goods go, looked up in the reference data: restrictions, the Russian Federation, Far East defence regions. */
final class GoodsRoute {
    private GoodsRoute() {
    }

    /** The consignee's region, or the destination region, when it is a Far East defence-industry region of Russia. */
    static String farEast(Consignee consignee, String destinationCountry, String destinationRegion, ReferenceData ref) {
        if (consignee != null && (consignee.country() == null || "RU".equals(consignee.country()))) {
            String region = ref.farEastDefenseRegion(consignee.region()).orElse(null);
            if (region != null) {
                return region;
            }
        }
        if ("RU".equals(destinationCountry)) {
            return ref.farEastDefenseRegion(destinationRegion).orElse(null);
        }
        return null;
    }

    record Found(Restriction restriction, String reason) {
    }

    /**
     * The restriction of the destination (country, then region), else of the end user's place, with the reason in
     * words ("destination Russia (RU)", "end user in Crimea (UA)"): definite ones, or with {@code definite} false
     * the partly occupied oblasts.
     */
    static Found restriction(String country, String region, Party endUser, ReferenceData ref, boolean definite) {
        Restriction r = definite ? ref.restriction(country).orElse(null) : null;
        if (r != null) {
            return new Found(r, "destination " + r.label());
        }
        r = ref.restriction(country, region).filter(x -> x.isDefinite() == definite).orElse(null);
        if (r != null) {
            return new Found(r, "destination region " + r.label());
        }
        if (endUser != null) {
            r = definite ? ref.restriction(endUser.country()).orElse(null) : null;
            if (r == null) {
                r = ref.restriction(endUser.country(), endUser.region()).filter(x -> x.isDefinite() == definite).orElse(null);
            }
            if (r != null) {
                return new Found(r, "end user in " + r.label());
            }
        }
        return null;
    }

    /** Why the goods go to the Russian Federation, or null: its destination, end user or consignee there. */
    static String russia(String country, Party endUser, Consignee consignee, ReferenceData ref) {
        if ("RU".equals(country)) {
            return "destination " + ref.countryLabel("RU");
        }
        if (endUser != null && "RU".equals(endUser.country())) {
            return "end user " + GoodsLine.named(endUser.name()) + " in " + ref.countryLabel("RU");
        }
        if (consignee != null && "RU".equals(consignee.country())) {
            return "consignee " + GoodsLine.named(consignee.name()) + " in " + ref.countryLabel("RU");
        }
        return null;
    }

    /** Who and what Art. 12g of EU Reg. 833/2014 reaches: an EU exporter, its goods, a non-partner destination. */
    record Art12g(boolean euExporter, boolean goods, boolean partnerDestination) {
    }

    static Art12g art12g(String exporterCountry, boolean chpl, String hsCode, String destinationCountry, ReferenceData ref) {
        java.util.Set<String> eu = ref.codes(Parameters.EU_MEMBER_STATES);
        return new Art12g(exporterCountry != null && eu.contains(exporterCountry),
                chpl || ref.codes(Parameters.ART_12G_CHAPTERS).contains(hsCode.substring(0, 2)),
                destinationCountry != null
                        && (ref.codes(Parameters.ART_12G_PARTNERS).contains(destinationCountry) || eu.contains(destinationCountry)));
    }
}
