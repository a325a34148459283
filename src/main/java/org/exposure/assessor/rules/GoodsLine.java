package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exposure.assessor.domain.Consignee;
import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.GoodsSubject;
import org.exposure.assessor.domain.Party;

/**
 * The fact the GOODS rules reason over: one movement of goods of one HS code, either a GOODS subject itself or one
 * export of a supplier. The lookups into the reference data (CHPL tier, restricted or transshipment destination)
 * are made here once, so that the rules read as the catalogue does.
 */
public final class GoodsLine {
    private final String path;
    private final String hsCode;
    private final ChplEntry chpl;
    private final String dualUseCode;
    private final String originCountry;
    private final String destinationCountry;
    private final String destinationRegion;
    private final Party endUser;
    private final Boolean noReexportClause;
    private final Consignee consignee;
    private final String borderCrossing;
    private final BigDecimal valueUsd;
    private final Boolean endUseStatement;
    private final String restrictedDestination;
    private final boolean transshipmentDestination;
    private final String destinationLabel;
    private final BorderCrossing crossing;
    private final String farEastRegion;
    private final boolean farEastByConsignee;

    private GoodsLine(String path, String hsCode, String dualUseCode, String originCountry, String destinationCountry,
                      String destinationRegion, Party endUser, Boolean noReexportClause, Consignee consignee,
                      String borderCrossing, BigDecimal valueUsd, Boolean endUseStatement, ReferenceData ref) {
        this.path = path;
        this.hsCode = hsCode;
        this.chpl = ref.chpl(hsCode).orElse(null);
        this.dualUseCode = dualUseCode;
        this.originCountry = originCountry;
        this.destinationCountry = destinationCountry;
        this.destinationRegion = destinationRegion;
        this.endUser = endUser;
        this.noReexportClause = noReexportClause;
        this.consignee = consignee;
        this.borderCrossing = borderCrossing;
        this.valueUsd = valueUsd;
        this.endUseStatement = endUseStatement;
        this.restrictedDestination = restriction(destinationCountry, destinationRegion, endUser, ref);
        this.transshipmentDestination = ref.isTransshipmentCountry(destinationCountry);
        this.destinationLabel = destinationCountry == null ? "an undeclared destination" : ref.countryLabel(destinationCountry);
        this.crossing = ref.borderCrossing(borderCrossing).orElse(null);
        this.farEastRegion = farEast(consignee, destinationCountry, destinationRegion, ref);
        this.farEastByConsignee = farEastRegion != null && consignee != null
                && (consignee.country() == null || "RU".equals(consignee.country()))
                && ref.farEastDefenseRegion(consignee.region()).isPresent();
    }

    public static GoodsLine of(GoodsSubject goods, ReferenceData ref) {
        return new GoodsLine("subject", goods.hsCode(), goods.dualUseCode(), goods.originCountry(),
                goods.destinationCountry(), goods.destinationRegion(), goods.endUser(), goods.noReexportClause(),
                null, null, null, null, ref);
    }

    /**
     * An export seen as goods. The consignee stands for the end user unless it is an intermediary (forwarder,
     * trading or logistics company): then the end user is unknown, which is exactly the red flag.
     */
    public static GoodsLine of(Export export, int index, String supplierCountry, ReferenceData ref) {
        Consignee c = export.consignee();
        Party endUser = c == null || (c.kind() != null && c.kind().isIntermediary())
                ? null
                : new Party(c.name(), c.country(), c.region(), c.sanctioned());
        return new GoodsLine("exports[" + index + "]", export.hsCode(), export.dualUseCode(), supplierCountry,
                export.destinationCountry(), export.destinationRegion(), endUser, export.noReexportClause(), c,
                export.borderCrossing(), export.valueUsd(), export.endUseStatement(), ref);
    }

    /** The consignee's region, or the destination region, when it is a Far East defence-industry region of Russia. */
    private static String farEast(Consignee consignee, String destinationCountry, String destinationRegion, ReferenceData ref) {
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

    private static String restriction(String country, String region, Party endUser, ReferenceData ref) {
        if (ref.isRestrictedCountry(country)) {
            return "destination " + ref.countryLabel(country);
        }
        String regionLabel = ref.restrictedRegion(country, region).orElse(null);
        if (regionLabel != null) {
            return "destination region " + regionLabel;
        }
        if (endUser != null) {
            if (ref.isRestrictedCountry(endUser.country())) {
                return "end user in " + ref.countryLabel(endUser.country());
            }
            String endUserRegion = ref.restrictedRegion(endUser.country(), endUser.region()).orElse(null);
            if (endUserRegion != null) {
                return "end user in " + endUserRegion;
            }
        }
        return null;
    }

    /** Where in the subject this line comes from: "subject" or "exports[i]". */
    public String getPath() {
        return path;
    }

    public String getHsCode() {
        return hsCode;
    }

    /** The HS code as people write it, e.g. 8542.31. */
    public String getHsCodeDotted() {
        return hsCode.substring(0, 4) + "." + hsCode.substring(4);
    }

    public boolean isChpl() {
        return chpl != null;
    }

    /**
     * The CHPL entry of the code, or null. Not named getChpl(): with isChpl() beside it, the DRL property "chpl"
     * would resolve to whichever of the two reflection lists first, an order the JVM does not guarantee (it
     * changed between two builds of this project and broke every rule using "chpl").
     */
    public ChplEntry getChplEntry() {
        return chpl;
    }

    /** 1 to 4 for CHPL codes, 0 otherwise. */
    public int getChplTierNumber() {
        return chpl == null ? 0 : chpl.tierNumber();
    }

    public String getChplTier() {
        return chpl == null ? null : chpl.tier();
    }

    public String getDualUseCode() {
        return dualUseCode;
    }

    public String getOriginCountry() {
        return originCountry;
    }

    public String getDestinationCountry() {
        return destinationCountry;
    }

    /** The destination region as submitted (free text), or null. */
    public String getDestinationRegion() {
        return destinationRegion;
    }

    /** "Kazakhstan (KZ)", or "an undeclared destination". */
    public String getDestinationLabel() {
        return destinationLabel;
    }

    public Party getEndUser() {
        return endUser;
    }

    public boolean isEndUserKnown() {
        return endUser != null && endUser.hasName();
    }

    public boolean isEndUserInDestination() {
        return isEndUserKnown() && destinationCountry != null && destinationCountry.equals(endUser.country());
    }

    public boolean isEndUserSanctioned() {
        return endUser != null && Boolean.TRUE.equals(endUser.sanctioned());
    }

    /**
     * A party of this movement that the submitter marked as blocked, in words: the end user, or an intermediary
     * consignee (which never stands for the end user, but is as much a party to the deal). Null when there is none.
     */
    public String getSanctionedParty() {
        if (isEndUserSanctioned()) {
            return "the end user " + named(endUser.name());
        }
        if (consignee != null && Boolean.TRUE.equals(consignee.sanctioned())) {
            String kind = consignee.kind() == null ? "" : " (" + consignee.kind().name().toLowerCase().replace('_', ' ') + ")";
            return "the consignee " + named(consignee.name()) + kind;
        }
        return null;
    }

    private static String named(String name) {
        return name == null ? "(unnamed)" : name;
    }

    public Boolean getNoReexportClause() {
        return noReexportClause;
    }

    public Consignee getConsignee() {
        return consignee;
    }

    public String getBorderCrossing() {
        return borderCrossing;
    }

    public BigDecimal getValueUsd() {
        return valueUsd;
    }

    public Boolean getEndUseStatement() {
        return endUseStatement;
    }

    /** Where the end user or consignee of this line is in the subject, as the screening of parties names it. */
    public String getPartyPath() {
        return "subject".equals(path) ? "endUser" : path + ".consignee";
    }

    /** The first two digits: the HS chapter. */
    public String getHsChapter() {
        return hsCode.substring(0, 2);
    }

    /** The reference border crossing the submitted borderCrossing names, or null. */
    public BorderCrossing getBorderCrossingMatch() {
        return crossing;
    }

    /** The Russian Far East defence-industry region the goods go to (consignee or destination region), or null. */
    public String getFarEastDefenseRegion() {
        return farEastRegion;
    }

    /**
     * True when {@link #getFarEastDefenseRegion()} comes from the consignee's own region, false when it comes from
     * the destination region (or there is none).
     */
    public boolean isFarEastDefenseRegionOfConsignee() {
        return farEastByConsignee;
    }

    public boolean isConsigneeIntermediary() {
        return consignee != null && consignee.kind() != null && consignee.kind().isIntermediary();
    }

    public boolean isRestrictedDestination() {
        return restrictedDestination != null;
    }

    /** Why the destination is restricted, in words ("destination Russia (RU)", "end user in Crimea (UA)"); null if it is not. */
    public String getRestrictedReason() {
        return restrictedDestination;
    }

    public boolean isTransshipmentDestination() {
        return transshipmentDestination;
    }

    /** The facts of this line that a reviewer needs to see, as stored with every finding about it. */
    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", path);
        e.put("hsCode", hsCode);
        if (chpl != null) {
            e.put("chplTier", chpl.tier());
            e.put("chplLabel", chpl.label());
        }
        put(e, "dualUseCode", dualUseCode);
        put(e, "originCountry", originCountry);
        put(e, "destinationCountry", destinationCountry);
        put(e, "restrictedDestination", restrictedDestination);
        if (transshipmentDestination) {
            e.put("transshipmentCountry", destinationCountry);
        }
        if (endUser != null) {
            Map<String, Object> eu = new LinkedHashMap<>();
            put(eu, "name", endUser.name());
            put(eu, "country", endUser.country());
            put(eu, "region", endUser.region());
            put(eu, "sanctioned", endUser.sanctioned());
            e.put("endUser", eu);
        }
        if (consignee != null) {
            Map<String, Object> ce = new LinkedHashMap<>();
            put(ce, "name", consignee.name());
            put(ce, "country", consignee.country());
            put(ce, "region", consignee.region());
            put(ce, "kind", consignee.kind() == null ? null : consignee.kind().name());
            e.put("consignee", ce);
        }
        put(e, "borderCrossing", borderCrossing);
        if (crossing != null) {
            e.put("borderCrossingMatched", crossing.label());
        }
        put(e, "farEastDefenseRegion", farEastRegion);
        put(e, "valueUsd", valueUsd);
        put(e, "endUseStatement", endUseStatement);
        put(e, "noReexportClause", noReexportClause);
        return e;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
