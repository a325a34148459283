package org.exposure.assessor.match;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of {@link MatchIdentifier}, the canonical form of each and the checks a value must pass to be one; and
 * which kind a list's own name for an identifier is.
 * <p>
 * A kind is <em>unique</em> when one value names one party the world over and a check digit (or, for a BIC, its
 * registered country) catches most mistyped values: BIC, IMO, INN, OGRN, USCC and LEI. Two sides with the same value
 * of such a kind are the same party whatever their names. The other kinds (registration, passport, national id and
 * tax numbers) are numbered per country and register without a check the matcher could run: the same value is a sign,
 * not a proof.
 */
public final class Identifiers {

    private Identifiers() {
    }

    /** What a value identifies a party by. */
    public enum Kind {
        /** ISO 9362 business identifier code of a bank (SWIFT code). */
        BIC(true),
        /** IMO number of a ship or of a ship's owner or manager. */
        IMO(true),
        /** Russian taxpayer number (INN). */
        INN(true),
        /** Russian primary state registration number (OGRN, or OGRNIP of a sole proprietor). */
        OGRN(true),
        /** Chinese unified social credit code. */
        USCC(true),
        /** ISO 17442 legal entity identifier. */
        LEI(true),
        /** A company register's number, of any country. */
        REGISTRATION(false),
        PASSPORT(false),
        NATIONAL_ID(false),
        /** A tax or VAT number other than an INN. */
        TAX_ID(false),
        /** Any other; kept as given but never compared, for no two parties mean the same by it. */
        OTHER(false);

        private final boolean unique;

        Kind(boolean unique) {
            this.unique = unique;
        }

        /** Whether one value names one party the world over and carries a check (see the class comment). */
        public boolean unique() {
            return unique;
        }

        /** The kind named {@code name} (any case), or null. */
        public static Kind of(String name) {
            if (name == null) {
                return null;
            }
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** ISO 3166 alpha-2 codes, and Kosovo's XK, which SWIFT gives its banks. */
    private static final Set<String> COUNTRIES;

    static {
        java.util.HashSet<String> c = new java.util.HashSet<>(Set.of(Locale.getISOCountries()));
        c.add("XK");
        COUNTRIES = Set.copyOf(c);
    }

    /** Characters of a USCC in the order of their values (GB 32100-2015: no I, O, S, V or Z). */
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] INN10 = {2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN11 = {7, 2, 4, 10, 3, 5, 9, 4, 6, 8};
    private static final int[] INN12 = {3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8};

    /**
     * {@code value} in the canonical form of {@code kind}: upper case, without the spaces, dots, hyphens and slashes
     * that lists and people write inside numbers; an IMO number without its {@code IMO} prefix.
     */
    public static String canonical(Kind kind, String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!Character.isWhitespace(ch) && ch != '.' && ch != '-' && ch != '/' && ch != '\u00a0') {
                b.append(Character.toUpperCase(ch));
            }
        }
        String s = b.toString();
        if (kind == Kind.IMO && s.startsWith("IMO")) {
            s = s.substring(3);
        }
        if (kind == Kind.OTHER) {
            return value.strip().toUpperCase(Locale.ROOT);
        }
        return s;
    }

    /**
     * Why a canonical value is not one of {@code kind}, or null when it is: the kind's shape and check digit for the
     * unique kinds; for the others 4 to 40 letters and digits, at least one of them a digit (what no register
     * numbers by is no identifier to compare); anything not blank for {@link Kind#OTHER}.
     */
    public static String problem(Kind kind, String v) {
        return switch (kind) {
            case BIC -> bic(v);
            case IMO -> v.matches("[0-9]{7}") ? (imo(v) ? null : "check digit does not match")
                    : "an IMO number is 7 digits";
            case INN -> v.matches("[0-9]{10}|[0-9]{12}") ? (inn(v) ? null : "check digit does not match")
                    : "an INN is 10 or 12 digits";
            case OGRN -> v.matches("[0-9]{13}|[0-9]{15}") ? (ogrn(v) ? null : "check digit does not match")
                    : "an OGRN is 13 digits (OGRNIP 15)";
            case USCC -> uscc(v);
            case LEI -> v.matches("[0-9A-Z]{18}[0-9]{2}") ? (mod97(v) == 1 ? null : "check digits do not match")
                    : "an LEI is 18 letters or digits and 2 check digits";
            case REGISTRATION, PASSPORT, NATIONAL_ID, TAX_ID -> v.matches("[0-9A-Z]{4,40}") && v.matches(".*[0-9].*")
                    ? null : "must be 4 to 40 letters and digits, at least one a digit";
            case OTHER -> v.isBlank() || v.length() > 200 ? "must be 1 to 200 characters" : null;
        };
    }

    /** The identifier of {@code kind} written {@code value}, when it is one; else null. */
    public static MatchIdentifier valid(Kind kind, String value) {
        if (kind == null || value == null) {
            return null;
        }
        String v = canonical(kind, value);
        return problem(kind, v) == null ? new MatchIdentifier(kind.name(), v) : null;
    }

    /** Whether the kind named {@code kind} is one of the unique kinds ({@link Kind#unique}). */
    static boolean unique(String kind) {
        return switch (kind) {
            case "BIC", "IMO", "INN", "OGRN", "USCC", "LEI" -> true;
            default -> false;
        };
    }

    /**
     * The part of a valid identifier that names the party: a BIC's first 8 characters (the institution; the other
     * three are its branch), else the whole value.
     */
    static String key(MatchIdentifier id) {
        return "BIC".equals(id.kind()) && id.value().length() == 11 ? id.value().substring(0, 8) : id.value();
    }

    private static String bic(String v) {
        if (!v.matches("[0-9A-Z]{4}[A-Z]{2}[0-9A-Z]{2}([0-9A-Z]{3})?")) {
            return "a BIC is 4 letters or digits, a country code, 2 letters or digits, and an optional branch of 3";
        }
        return COUNTRIES.contains(v.substring(4, 6)) ? null : "country code " + v.substring(4, 6) + " is no ISO 3166 country";
    }

    /** IMO ship number: the digits weighted 7..2, the sum's last digit is the seventh. */
    private static boolean imo(String v) {
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            sum += (v.charAt(i) - '0') * (7 - i);
        }
        return sum % 10 == v.charAt(6) - '0';
    }

    /** The Russian tax service's INN checks: one check digit of 10, two of 12. */
    private static boolean inn(String v) {
        if (v.length() == 10) {
            return innDigit(v, INN10) == v.charAt(9) - '0';
        }
        return innDigit(v, INN11) == v.charAt(10) - '0' && innDigit(v, INN12) == v.charAt(11) - '0';
    }

    private static int innDigit(String v, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (v.charAt(i) - '0') * weights[i];
        }
        return sum % 11 % 10;
    }

    /** OGRN: the first 12 digits mod 11 (OGRNIP: the first 14 mod 13), mod 10, is the last. */
    private static boolean ogrn(String v) {
        int n = v.length() - 1;
        long head = Long.parseLong(v.substring(0, n));
        return head % (n == 12 ? 11 : 13) % 10 == v.charAt(n) - '0';
    }

    /** GB 32100-2015: 18 characters of its alphabet, a region code of 6 digits, the last a mod 31 check. */
    private static String uscc(String v) {
        if (v.length() != 18 || !v.substring(2, 8).matches("[0-9]{6}")) {
            return "a USCC is 18 characters, the 3rd to 8th digits";
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int x = USCC_CHARS.indexOf(v.charAt(i));
            if (x < 0) {
                return "character " + v.charAt(i) + " is not one of a USCC";
            }
            if (i < 17) {
                sum += x * USCC_WEIGHTS[i];
            }
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == v.charAt(17) ? null : "check character does not match";
    }

    /** ISO 7064 mod 97-10 of letters and digits, letters counting 10 (A) to 35 (Z). */
    private static int mod97(String v) {
        int r = 0;
        for (int i = 0; i < v.length(); i++) {
            int x = Character.digit(v.charAt(i), 36);
            r = x >= 10 ? (r * 100 + x) % 97 : (r * 10 + x) % 97;
        }
        return r;
    }

    /** The lists' own names of identifiers (lower case, without a trailing dot or colon) by kind. */
    private static final Map<String, Kind> LISTED = Map.ofEntries(
            Map.entry("swift/bic", Kind.BIC), Map.entry("swiftbic", Kind.BIC), Map.entry("biccode", Kind.BIC),
            Map.entry("bic", Kind.BIC), Map.entry("swift", Kind.BIC), Map.entry("swift code", Kind.BIC),
            Map.entry("swift/bic code", Kind.BIC),
            Map.entry("imo", Kind.IMO), Map.entry("imonumber", Kind.IMO), Map.entry("imo number", Kind.IMO),
            Map.entry("vessel registration identification", Kind.IMO), Map.entry("company number imo", Kind.IMO),
            Map.entry("identification number imo", Kind.IMO),
            Map.entry("inncode", Kind.INN), Map.entry("inn", Kind.INN),
            Map.entry("ogrncode", Kind.OGRN), Map.entry("ogrn", Kind.OGRN),
            Map.entry("unified social credit code (uscc)", Kind.USCC), Map.entry("uscc", Kind.USCC),
            Map.entry("united social credit code certificate (usccc)", Kind.USCC),
            Map.entry("legal entity number", Kind.LEI), Map.entry("leicode", Kind.LEI), Map.entry("lei", Kind.LEI),
            Map.entry("registration number", Kind.REGISTRATION), Map.entry("registration id", Kind.REGISTRATION),
            Map.entry("registrationnumber", Kind.REGISTRATION),
            Map.entry("business registration number", Kind.REGISTRATION),
            Map.entry("commercial registry number", Kind.REGISTRATION), Map.entry("company number", Kind.REGISTRATION),
            Map.entry("chamber of commerce number", Kind.REGISTRATION),
            Map.entry("business number", Kind.REGISTRATION), Map.entry("enterprise number", Kind.REGISTRATION),
            Map.entry("economic register number", Kind.REGISTRATION),
            Map.entry("central registration system number", Kind.REGISTRATION),
            Map.entry("trade license no", Kind.REGISTRATION), Map.entry("c.r. no", Kind.REGISTRATION),
            Map.entry("passport", Kind.PASSPORT), Map.entry("passport no", Kind.PASSPORT),
            Map.entry("passportnumber", Kind.PASSPORT), Map.entry("passport number", Kind.PASSPORT),
            Map.entry("diplomatic passport", Kind.PASSPORT), Map.entry("national passport", Kind.PASSPORT),
            Map.entry("numéro de passeport", Kind.PASSPORT), Map.entry("número de pasaporte", Kind.PASSPORT),
            Map.entry("national id no", Kind.NATIONAL_ID), Map.entry("national identifier", Kind.NATIONAL_ID),
            Map.entry("national identification number", Kind.NATIONAL_ID),
            Map.entry("national identity card", Kind.NATIONAL_ID), Map.entry("idnumber", Kind.NATIONAL_ID),
            Map.entry("cedula no", Kind.NATIONAL_ID), Map.entry("personal id card", Kind.NATIONAL_ID),
            Map.entry("national identification card", Kind.NATIONAL_ID),
            Map.entry("tax id no", Kind.TAX_ID), Map.entry("taxnumber", Kind.TAX_ID),
            Map.entry("v.a.t. number", Kind.TAX_ID), Map.entry("vatcode", Kind.TAX_ID),
            Map.entry("tax identification number", Kind.TAX_ID));

    /** The kind a list's own name for an identifier stands for, or null when it is none the matcher compares. */
    public static Kind listedKind(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        while (t.endsWith(".") || t.endsWith(":")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return LISTED.get(t);
    }

    /**
     * The identifier a list gives as {@code type} (its own name for it) with {@code value}, issued by
     * {@code country} (ISO alpha-2, or null), as the matcher compares it; null when the type is none the matcher
     * compares, or the value fails the check of its kind.
     * <p>
     * A Russian tax number that checks as an INN is one, else a tax number; a Russian registration number that checks
     * as an OGRN is one, a Chinese one that checks as a USCC is one, else a registration number. An IMO number may
     * come under another type ("Identification Number IMO 5342883", the company numbers the IMO gives owners). A BIC,
     * IMO, INN, OGRN, USCC or LEI that fails its check is dropped, not kept as another kind: a value the list calls
     * such but that is none is a typing error, which would match nothing or, worse, another party.
     */
    public static MatchIdentifier listed(String type, String value, String country) {
        if (type == null || value == null) {
            return null;
        }
        Kind kind = listedKind(type);
        String v = value.strip();
        if (v.regionMatches(true, 0, "IMO ", 0, 4) && (kind == null || !kind.unique())) {
            return valid(Kind.IMO, v);
        }
        if (kind == null) {
            return null;
        }
        if (kind == Kind.TAX_ID && "RU".equals(country) || kind == Kind.INN) {
            MatchIdentifier inn = valid(Kind.INN, v);
            if (inn != null || kind == Kind.INN) {
                return inn;
            }
        }
        if (kind == Kind.REGISTRATION && "RU".equals(country)) {
            MatchIdentifier ogrn = valid(Kind.OGRN, v);
            if (ogrn != null) {
                return ogrn;
            }
        }
        if (kind == Kind.REGISTRATION && "CN".equals(country)) {
            MatchIdentifier uscc = valid(Kind.USCC, v);
            if (uscc != null) {
                return uscc;
            }
        }
        MatchIdentifier id = valid(kind, v);
        if (id == null && !kind.unique()) {
            // The CSL writes a document's dates before its number ("2014-08-30, 2009-08-31, K475336") and lists
            // add where a number is kept in parentheses ("3848561 (New York)"): the number is the rest.
            String rest = v.replaceAll("\\s*\\([^)]*\\)\\s*$", "");
            int comma = rest.lastIndexOf(',');
            id = valid(kind, comma >= 0 ? rest.substring(comma + 1) : rest);
        }
        return id;
    }
}
