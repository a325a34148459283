package org.exposure.assessor.rules;

import java.util.List;

/**
 * The CHPL and item-list lookups and the wording for a code the client gave, which may be an HS 2017 code that HS 2022 renumbered
 * or split ({@link ReferenceData#hs2022Codes}): shared by the goods lines and the payments, so both name such a
 * code the same way.
 */
final class Hs2022Codes {
    private Hs2022Codes() {
    }

    /**
     * The CHPL entry of the highest tier among the codes: an HS 2017 code split in HS 2022 is as sensitive as the
     * most sensitive code its goods may now fall under.
     */
    static ChplEntry chpl(List<String> codes, ReferenceData ref) {
        ChplEntry best = null;
        for (String code : codes) {
            ChplEntry e = ref.chpl(code).orElse(null);
            if (e != null && (best == null || e.tierNumber() < best.tierNumber())) {
                best = e;
            }
        }
        return best;
    }

    /** The entry of OFAC's §11(a)(ii) item list the first of the codes falls under, or null. */
    static CriticalItem criticalItem(List<String> codes, ReferenceData ref) {
        for (String code : codes) {
            CriticalItem item = ref.criticalItem(code).orElse(null);
            if (item != null) {
                return item;
            }
        }
        return null;
    }

    /** Whether the codes tested for {@code given} are other codes than itself. */
    static boolean correlated(String given, List<String> hs2022) {
        return !hs2022.isEmpty() && !hs2022.equals(List.of(given));
    }

    /**
     * "HS 8542.31", or for an HS 2017 code "HS 2017 8548.90, 8548.00 in HS 2022": the CHPL code it was found under,
     * else every HS 2022 code tested, so that the client sees both the code they sent and the one a finding rests on.
     */
    static String text(String given, List<String> hs2022, ChplEntry chpl) {
        if (!correlated(given, hs2022)) {
            return "HS " + dotted(given);
        }
        List<String> named = chpl != null ? List.of(chpl.hsCode()) : hs2022;
        return "HS 2017 " + dotted(given) + ", " + String.join(" or ", named.stream().map(Hs2022Codes::dotted).toList())
                + " in HS 2022";
    }

    static String dotted(String hs6) {
        return hs6.substring(0, 4) + "." + hs6.substring(4);
    }
}
