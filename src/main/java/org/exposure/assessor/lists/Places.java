package org.exposure.assessor.lists;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The city in a place as the lists write it. */
public final class Places {
    private static final Pattern COMMA = Pattern.compile(",");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");

    private Places() {
    }

    /**
     * The city of a place of birth ({@code Leningrad, Russia}; {@code Nahia, Giza, Egypt}): its first part, less
     * what is in parentheses; null when the place is a country alone ({@code Egypt}) or nothing.
     */
    public static String cityOfPlace(String place) {
        String p = EntryBuilder.oneLine(place);
        if (p == null) {
            return null;
        }
        String[] parts = COMMA.split(p);
        String first = EntryBuilder.oneLine(PARENTHESISED.matcher(parts[0]).replaceAll(" "));
        if (first == null || (parts.length == 1 && Countries.toIso(first) != null
                && Countries.toIso(first).length() == 2)) {
            return null;
        }
        return EntryBuilder.oneLine(first);
    }

    /**
     * The city of an address line that holds the city with its state or postal code ({@code Moscow 125130},
     * {@code London EC3N 1DY}, {@code Cancun, Quintana Roo}): the part before the first comma less its words that
     * hold a digit (postal codes); null when nothing is left.
     */
    public static String cityOfAddressLine(String line) {
        String l = EntryBuilder.oneLine(line);
        if (l == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        for (String w : SPACES.split(COMMA.split(l)[0].strip())) {
            if (!w.isEmpty() && w.chars().noneMatch(Character::isDigit)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
