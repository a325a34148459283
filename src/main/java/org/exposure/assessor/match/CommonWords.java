package org.exposure.assessor.match;

import java.util.HashSet;
import java.util.Set;

/**
 * Words that cannot identify a party on their own ({@code /match/common-words.txt}): what kind of business it is
 * ("trading", "technology", "holding") and everyday words ("other", "mother", "golden"). The rarity weights cannot
 * see them as common when the lists seldom use them ("other" is in few listed names), so a match carried by such
 * words alone is discounted ({@link NameSimilarity}).
 */
final class CommonWords {
    private static final String RESOURCE = "/match/common-words.txt";
    private static final Set<String> WORDS = load();

    private CommonWords() {
    }

    static boolean contains(String token) {
        return WORDS.contains(token);
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        for (String line : ResourceLines.of(RESOURCE)) {
            for (String w : line.split("\\s+")) {
                out.add(w);
            }
        }
        return Set.copyOf(out);
    }
}
