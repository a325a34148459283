package org.exposure.assessor.intake.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The formats of the codes a subject carries, and how they are normalised once valid. */
public final class Codes {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern HS_SEPARATORS = Pattern.compile("[.\\s]");
    private static final Pattern HS6 = Pattern.compile("\\d{6}");
    // EU Annex I / Wassenaar: category digit, product group A-E, three digits, optional sub-items (3A001.a.2).
    private static final Pattern DUAL_USE = Pattern.compile("[0-9][A-E][0-9]{3}(\\.[a-z0-9]+)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern HS_CHAPTER = Pattern.compile("0[1-9]|[1-8][0-9]|9[0-7]");

    private Codes() {
    }

    public static boolean isCountry(String value) {
        return value != null && ISO_COUNTRIES.contains(value.strip().toUpperCase(Locale.ROOT));
    }

    public static String country(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    /** Accepts 8542.31, 854231 and 8542 31. */
    public static boolean isHsCode(String value) {
        return value != null && HS6.matcher(hsCode(value)).matches();
    }

    public static String hsCode(String value) {
        return value == null ? null : HS_SEPARATORS.matcher(value.strip()).replaceAll("");
    }

    public static boolean isDualUseCode(String value) {
        return value != null && DUAL_USE.matcher(value.strip()).matches();
    }

    /** Upper-cases category and group, keeps sub-items in lower case as written in Annex I: 3A001.a.2. */
    public static String dualUseCode(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.substring(0, 5).toUpperCase(Locale.ROOT) + v.substring(5).toLowerCase(Locale.ROOT);
    }

    public static boolean isBic(String value) {
        return value != null && BIC.matcher(value.strip().toUpperCase(Locale.ROOT)).matches();
    }

    public static boolean isHsChapter(String value) {
        return value != null && HS_CHAPTER.matcher(value.strip()).matches();
    }
}
