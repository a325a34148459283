package org.exposure.assessor.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Folding for place names given in free text: case, accents, punctuation and generic words do not count. */
final class Names {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Set<String> GENERIC = Set.of(
            "oblast", "oblast'", "region", "province", "republic", "autonomous", "city", "of", "the", "krai", "kray");

    private Names() {
    }

    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder();
        for (String token : NON_ALNUM.split(plain.toLowerCase(Locale.ROOT))) {
            if (!token.isEmpty() && !GENERIC.contains(token)) {
                if (out.length() > 0) {
                    out.append(' ');
                }
                out.append(token);
            }
        }
        return out.toString();
    }

    /** English name of an ISO 3166-1 alpha-2 code, e.g. "Kazakhstan"; the code itself when Java does not know it. */
    static String countryName(String iso2) {
        if (iso2 == null) {
            return null;
        }
        String name = new Locale("", iso2).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(iso2) ? iso2 : name;
    }
}
