package org.exposure.assessor.rules;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Named places given in free text (border crossings, regions), each with its spellings. A text matches a place
 * when, folded, it equals one of the spellings or contains one as whole words ("Suifenhe port" is Suifenhe).
 */
final class PlaceIndex<T> {
    private final Map<String, T> bySpelling = new LinkedHashMap<>();

    void add(String spelling, T place) {
        String folded = Names.fold(spelling);
        if (!folded.isEmpty()) {
            bySpelling.putIfAbsent(folded, place);
        }
    }

    Optional<T> find(String text) {
        String folded = Names.fold(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        T exact = bySpelling.get(folded);
        if (exact != null) {
            return Optional.of(exact);
        }
        String padded = " " + folded + " ";
        T best = null;
        int bestLength = 0;
        for (Map.Entry<String, T> e : bySpelling.entrySet()) {
            // The longest spelling contained wins: "Hunchun Makhalino" is the rail crossing, not Hunchun-Kraskino.
            if (e.getKey().length() > bestLength && padded.contains(" " + e.getKey() + " ")) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return Optional.ofNullable(best);
    }

    boolean isEmpty() {
        return bySpelling.isEmpty();
    }
}
