package org.exposure.assessor.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * OFAC's item list under EO 14024 §11(a)(ii) ({@code rules/reference/eo14114-items.csv}): HS headings or subheadings,
 * each in one of the determination's categories. A category may be listed without any code when none could be
 * sourced; it is then named as unfilled, never guessed.
 */
final class CriticalItems {
    private final Map<String, CriticalItem> byCode;
    private final List<String> unfilled;

    private CriticalItems(Map<String, CriticalItem> byCode, List<String> unfilled) {
        this.byCode = Map.copyOf(byCode);
        this.unfilled = List.copyOf(unfilled);
    }

    static CriticalItems load(ReferenceData.Rows read) {
        Map<String, CriticalItem> byCode = new HashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        Set<String> filled = new LinkedHashSet<>();
        read.each(ReferenceData.ITEMS, (r, at) -> {
            String category = r.get("category");
            if (category.isBlank()) {
                throw new RulesetException(at + " has no category");
            }
            categories.add(category);
            String code = r.get("hs").replaceAll("[.\\s]", "");
            if (code.isEmpty()) {
                return;
            }
            if (!code.matches("\\d{4}|\\d{6}")) {
                throw new RulesetException(at + " expects an HS heading (4 digits) or subheading (6), got " + r.get("hs"));
            }
            CriticalItem previous = byCode.put(code, new CriticalItem(code, category));
            if (previous != null) {
                throw new RulesetException(at + " lists " + code + " again (already under " + previous.category() + ")");
            }
            filled.add(category);
        });
        List<String> unfilled = new ArrayList<>(categories);
        unfilled.removeAll(filled);
        return new CriticalItems(byCode, unfilled);
    }

    /** The item a six-digit HS code falls under: its own subheading, else its heading. */
    Optional<CriticalItem> find(String hs6) {
        if (hs6 == null || hs6.length() < 4) {
            return Optional.empty();
        }
        CriticalItem item = byCode.get(hs6);
        return Optional.ofNullable(item != null ? item : byCode.get(hs6.substring(0, 4)));
    }

    /** Categories of the determination for which the file holds no code. */
    List<String> unfilled() {
        return unfilled;
    }
}
