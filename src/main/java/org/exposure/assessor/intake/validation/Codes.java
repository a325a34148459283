package org.exposure.assessor.intake.validation;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The formats of the codes a subject carries, and how they are normalised once valid. */
public final class Codes {
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern HS_SEPARATORS = Pattern.compile("[.\\s]");
    private static final Pattern HS_DIGITS = Pattern.compile("\\d{6}(\\d{2}){0,2}");
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

    /**
     * Accepts an HS-6 code (8542.31, 854231, 8542 31) and the 8- and 10-digit national tariff codes built on it (EU
     * CN 8542.31.00, US HTS 8542.31.0000, 85423100, 8542 31 00, 8542.31.00.00): dots and spaces are ignored, and
     * 6, 8 or 10 digits must remain. 7 or 9 digits are neither: a digit is missing or one too many, and cutting
     * such a code to six could assess goods the client did not mean.
     */
    public static boolean isHsCode(String value) {
        return value != null && HS_DIGITS.matcher(digits(value)).matches();
    }

    /** The HS-6 code of a valid code: its first six digits. */
    public static String hsCode(String value) {
        if (value == null) {
            return null;
        }
        String digits = digits(value);
        return digits.length() > 6 && isHsCode(value) ? digits.substring(0, 6) : digits;
    }

    /** Whether a valid code is a national tariff code (8 or 10 digits), which {@link #hsCode} cuts to its HS-6. */
    public static boolean isNationalTariffCode(String value) {
        return isHsCode(value) && digits(value).length() > 6;
    }

    private static String digits(String value) {
        return HS_SEPARATORS.matcher(value.strip()).replaceAll("");
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
