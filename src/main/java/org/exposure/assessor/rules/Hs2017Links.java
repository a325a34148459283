package org.exposure.assessor.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code rules/reference/hs2017-to-hs2022.csv}: each HS 2017 code that HS 2022 does not have, with the HS 2022
 * codes it is tested as ({@link ReferenceData#hs2022Codes}). A row that is not two six-digit codes and a UN
 * relationship stops the ruleset, naming the file and line.
 */
final class Hs2017Links {
    static final String FILE = "reference/hs2017-to-hs2022.csv";

    private Hs2017Links() {
    }

    static Map<String, List<String>> load(ReferenceData.Rows read) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        read.each(FILE, (r, at) -> {
            String from = r.get("hs2017");
            String to = r.get("hs2022");
            if (!from.matches("\\d{6}") || !to.matches("\\d{6}") || !r.get("un_relationship").matches("[1n]:[1n]")) {
                throw new RulesetException(at + " expects two six-digit codes and a relationship such as 1:1 or n:1, got "
                        + from + "," + to + "," + r.get("un_relationship"));
            }
            List<String> codes = out.computeIfAbsent(from, c -> new ArrayList<>());
            if (codes.contains(to)) {
                throw new RulesetException(at + " links " + from + " to " + to + " again");
            }
            codes.add(to);
        });
        for (String from : out.keySet()) {
            if (out.values().stream().anyMatch(codes -> codes.contains(from))) {
                // A code both removed and a destination would be tested as itself by some and not by others.
                throw new RulesetException("rules/" + FILE + " lists " + from + " as an HS 2017 code that HS 2022 lacks,"
                        + " and as an HS 2022 code");
            }
        }
        out.replaceAll((from, codes) -> List.copyOf(codes));
        return Map.copyOf(out);
    }
}
