package org.exposure.assessor.lists;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Country names and codes as the lists write them, to ISO 3166 alpha-2 where derivable. */
public final class Countries {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = new HashMap<>();
    /** Results by raw value: lists repeat the same few hundred spellings thousands of times. */
    private static final Map<String, String> CACHE = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
    private static final java.util.regex.Pattern QUOTES = java.util.regex.Pattern.compile("['’‘`.]");
    private static final java.util.regex.Pattern NON_ALNUM = java.util.regex.Pattern.compile("[^A-Z0-9]+");
    private static final java.util.regex.Pattern PARENTHESISED = java.util.regex.Pattern.compile("\\(.*?\\)");

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        String[][] extra = {
                {"RUSSIA", "RU"}, {"RUSSIAN FEDERATION", "RU"}, {"IRAN", "IR"}, {"IRAN ISLAMIC REPUBLIC OF", "IR"},
                {"NORTH KOREA", "KP"}, {"KOREA NORTH", "KP"}, {"DPRK", "KP"},
                {"DEMOCRATIC PEOPLES REPUBLIC OF KOREA", "KP"}, {"KOREA DEMOCRATIC PEOPLES REPUBLIC OF", "KP"},
                {"SOUTH KOREA", "KR"}, {"KOREA SOUTH", "KR"}, {"REPUBLIC OF KOREA", "KR"}, {"KOREA REPUBLIC OF", "KR"},
                {"SYRIA", "SY"}, {"SYRIAN ARAB REPUBLIC", "SY"}, {"BURMA", "MM"}, {"MYANMAR", "MM"},
                {"VIETNAM", "VN"}, {"VIET NAM", "VN"}, {"TURKEY", "TR"}, {"TURKIYE", "TR"},
                {"UNITED STATES", "US"}, {"UNITED STATES OF AMERICA", "US"}, {"USA", "US"},
                {"UNITED KINGDOM", "GB"}, {"UK", "GB"}, {"UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND", "GB"},
                {"GREAT BRITAIN", "GB"},
                {"CONGO DEMOCRATIC REPUBLIC OF THE", "CD"}, {"DEMOCRATIC REPUBLIC OF THE CONGO", "CD"},
                {"DEMOCRATIC REPUBLIC OF CONGO", "CD"}, {"CONGO KINSHASA", "CD"},
                {"CONGO REPUBLIC OF THE", "CG"}, {"REPUBLIC OF THE CONGO", "CG"}, {"CONGO BRAZZAVILLE", "CG"},
                {"IVORY COAST", "CI"}, {"COTE DIVOIRE", "CI"}, {"LAOS", "LA"}, {"LAO PEOPLES DEMOCRATIC REPUBLIC", "LA"},
                {"MOLDOVA", "MD"}, {"REPUBLIC OF MOLDOVA", "MD"}, {"TANZANIA", "TZ"},
                {"UNITED REPUBLIC OF TANZANIA", "TZ"}, {"VENEZUELA", "VE"}, {"BOLIVIA", "BO"},
                {"PALESTINE", "PS"}, {"STATE OF PALESTINE", "PS"}, {"WEST BANK", "PS"}, {"GAZA", "PS"},
                {"PALESTINIAN TERRITORIES", "PS"}, {"CZECH REPUBLIC", "CZ"}, {"CZECHIA", "CZ"},
                {"MACEDONIA", "MK"}, {"NORTH MACEDONIA", "MK"}, {"THE FORMER YUGOSLAV REPUBLIC OF MACEDONIA", "MK"},
                {"HONG KONG", "HK"}, {"MACAU", "MO"}, {"MACAO", "MO"}, {"TAIWAN", "TW"}, {"KOSOVO", "XK"},
                {"CURACAO", "CW"}, {"BOSNIA AND HERZEGOVINA", "BA"}, {"BOSNIA HERZEGOVINA", "BA"},
                {"ST KITTS AND NEVIS", "KN"}, {"SAINT KITTS AND NEVIS", "KN"}, {"ST LUCIA", "LC"},
                {"ST VINCENT AND THE GRENADINES", "VC"}, {"BRUNEI", "BN"}, {"BRUNEI DARUSSALAM", "BN"},
                {"CABO VERDE", "CV"}, {"CAPE VERDE", "CV"}, {"ESWATINI", "SZ"}, {"SWAZILAND", "SZ"},
                {"GAMBIA THE", "GM"}, {"THE GAMBIA", "GM"}, {"BAHAMAS THE", "BS"}, {"MICRONESIA", "FM"},
                {"VATICAN CITY", "VA"}, {"HOLY SEE", "VA"}, {"TIMOR LESTE", "TL"}, {"EAST TIMOR", "TL"},
                {"UNITED ARAB EMIRATES", "AE"}, {"UAE", "AE"}, {"NETHERLANDS", "NL"}, {"THE NETHERLANDS", "NL"},
                {"CHINA", "CN"}, {"PEOPLES REPUBLIC OF CHINA", "CN"}, {"BELARUS", "BY"}, {"KYRGYZSTAN", "KG"},
                {"KYRGYZ REPUBLIC", "KG"}, {"SLOVAK REPUBLIC", "SK"}, {"BRITISH VIRGIN ISLANDS", "VG"},
                {"VIRGIN ISLANDS BRITISH", "VG"}, {"CRIMEA", "UA"}, {"REGION CRIMEA", "UA"},
                {"PALESTINIAN", "PS"}, {"COTE D IVOIRE", "CI"}, {"SAINT VINCENT AND THE GRENADINES", "VC"},
                {"ISLE OF MAN", "IM"}, {"CHINA HONG KONG SPECIAL ADMINISTRATIVE REGION", "HK"},
                {"HONG KONG SPECIAL ADMINISTRATIVE REGION", "HK"}, {"MACAO SPECIAL ADMINISTRATIVE REGION", "MO"},
        };
        for (String[] e : extra) {
            BY_NAME.put(key(e[0]), e[1]);
        }
    }

    private Countries() {
    }

    private static String key(String name) {
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        s = QUOTES.matcher(s.toUpperCase(Locale.ROOT).replace("&", " AND ")).replaceAll("");
        return NON_ALNUM.matcher(s).replaceAll(" ").strip();
    }

    /**
     * ISO alpha-2 for a country code or name, or the value as written (stripped) when it cannot be derived;
     * null for blank.
     */
    public static String toIso(String raw) {
        String v = EntryBuilder.clean(raw);
        if (v == null) {
            return null;
        }
        return CACHE.computeIfAbsent(v, Countries::derive);
    }

    private static String derive(String v) {
        String upper = v.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && ISO.contains(upper)) {
            return upper;
        }
        String k = key(v);
        String code = BY_NAME.get(k);
        if (code == null && v.contains("(")) {
            code = BY_NAME.get(key(PARENTHESISED.matcher(v).replaceAll(" ")));
            if (code == null) {
                code = BY_NAME.get(key(v.replace("(", " ").replace(")", " ")));
            }
        }
        if (code == null && k.startsWith("THE ")) {
            code = BY_NAME.get(k.substring(4));
        }
        if (code == null && v.startsWith("Region: ")) {
            String region = toIso(v.substring("Region: ".length()));
            code = region != null && region.length() == 2 ? region : null;
        }
        int comma = v.indexOf(", ");
        if (code == null && comma > 0) {
            // "Man, Isle of", "Virgin Islands, British", "North Macedonia, The Republic of"
            String inverted = key(v.substring(comma + 2) + " " + v.substring(0, comma));
            code = BY_NAME.get(inverted);
            if (code == null) {
                code = BY_NAME.get(inverted.replaceFirst("^(THE )?(REPUBLIC OF )?", ""));
            }
        }
        return code != null ? code : v;
    }
}
