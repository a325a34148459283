package org.exposure.assessor.match;

/**
 * Thai words read as the Royal Thai General System (RTGS) writes them, as Thai names and places are spelt in English
 * (กรุงเทพ → krungthep, สยาม → sayam, ทักษิณ → thaksin), where ICU's {@code Thai-Latin} writes the letters of
 * ISO 11940 without the vowels the script leaves unwritten (krungtheph, syam). A simplified reading, syllable by
 * syllable, by the spelling rules alone: a leading vowel (เ แ โ ใ ไ), an initial consonant or cluster (กร, ปล, ...;
 * a silent ห or อ before a sonorant), the vowel signs after it, and a final consonant when the next consonant starts no
 * syllable of its own; a syllable without a written vowel gets o when closed and a when open. Tone marks are dropped
 * and a letter under the silencer ์ is not read. No dictionary: words whose syllables the spelling does not show
 * (สมาคม samakhom) may be read otherwise, which the matcher's fuzzy comparison absorbs.
 */
final class ThaiRomanization {

    private ThaiRomanization() {
    }

    // RTGS values of the consonants ก (U+0E01) to ฮ (U+0E2E), as an initial and as a final.
    private static final String[] INITIAL = {"k", "kh", "kh", "kh", "kh", "kh", "ng", "ch", "ch", "ch", "s", "ch", "y",
            "d", "t", "th", "th", "th", "n", "d", "t", "th", "th", "th", "n", "b", "p", "ph", "f", "ph", "f", "ph", "m",
            "y", "r", "rue", "l", "lue", "w", "s", "s", "s", "h", "l", "", "h"};
    private static final String[] FINAL = {"k", "k", "k", "k", "k", "k", "ng", "t", "t", "t", "t", "t", "n", "t", "t",
            "t", "t", "t", "n", "t", "t", "t", "t", "t", "n", "p", "p", "p", "p", "p", "p", "p", "m", "i", "n", "", "n",
            "", "o", "t", "t", "t", "", "n", "", ""};

    private static final char SARA_A = '\u0E30';
    private static final char MAI_HAN_AKAT = '\u0E31';
    private static final char SARA_AA = '\u0E32';
    private static final char SARA_AM = '\u0E33';
    private static final char SARA_I = '\u0E34';
    private static final char SARA_II = '\u0E35';
    private static final char SARA_UE = '\u0E36';
    private static final char SARA_UEE = '\u0E37';
    private static final char SARA_U = '\u0E38';
    private static final char SARA_UU = '\u0E39';
    private static final char MAITAIKHU = '\u0E47';
    private static final char THANTHAKHAT = '\u0E4C';
    private static final char O_ANG = '\u0E2D';
    private static final char WO_WAEN = '\u0E27';
    private static final char YO_YAK = '\u0E22';
    private static final char RO_RUA = '\u0E23';
    private static final char LO_LING = '\u0E25';
    private static final char HO_HIP = '\u0E2B';

    static boolean isConsonant(char c) {
        return c >= '\u0E01' && c <= '\u0E2E';
    }

    private static boolean isLeadingVowel(char c) {
        return c >= '\u0E40' && c <= '\u0E44';
    }

    /** A vowel sign written above, below or after its consonant (the tone marks and ็ are not). */
    private static boolean isVowelSign(char c) {
        return c == SARA_A || (c >= MAI_HAN_AKAT && c <= '\u0E3A') || c == '\u0E45';
    }

    private static boolean isToneOrMark(char c) {
        return c >= MAITAIKHU && c <= '\u0E4E';
    }

    /** Whether a consonant at {@code i} begins a syllable: a vowel sign (after any tone mark) follows it. */
    private static boolean startsSyllable(String w, int i) {
        int j = i + 1;
        while (j < w.length() && isToneOrMark(w.charAt(j)) && w.charAt(j) != THANTHAKHAT) {
            j++;
        }
        return j < w.length() && (isVowelSign(w.charAt(j)) || w.charAt(j) == O_ANG && j + 1 >= w.length());
    }

    private static boolean silenced(String w, int i) {
        return i + 1 < w.length() && w.charAt(i + 1) == THANTHAKHAT;
    }

    /** The RTGS reading of Thai text; other characters are kept as they are. */
    static String read(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!isConsonant(c) && !isLeadingVowel(c)) {
                if (!isToneOrMark(c) && !isVowelSign(c)) {
                    out.append(c);
                }
                i++;
                continue;
            }
            i = syllable(text, i, out);
        }
        return out.toString();
    }

    /** Reads the syllable starting at {@code i} into {@code out}; returns where the next one starts. */
    private static int syllable(String w, int i, StringBuilder out) {
        char lead = 0;
        if (isLeadingVowel(w.charAt(i))) {
            lead = w.charAt(i++);
            if (i >= w.length() || !isConsonant(w.charAt(i))) {
                out.append(leadAlone(lead));
                return i;
            }
        }
        char first = w.charAt(i);
        if (silenced(w, i)) {
            return i + 2; // a silent letter (its own syllable in the spelling)
        }
        String initial = INITIAL[first - '\u0E01'];
        i++;
        // ห and อ before a sonorant only mark its tone; ก ข ค ต ป ผ พ with ร ล ว are clusters.
        if (i < w.length() && isConsonant(w.charAt(i)) && !silenced(w, i)) {
            char second = w.charAt(i);
            boolean sonorant = "งญนมยรลว".indexOf(second) >= 0;
            boolean cluster = "กขคตปผพ".indexOf(first) >= 0 && (second == RO_RUA || second == LO_LING
                    || second == WO_WAEN);
            if (((first == HO_HIP || first == O_ANG && second == YO_YAK) && sonorant
                    || cluster) && (startsSyllable(w, i) || lead != 0)) {
                initial = (first == HO_HIP || first == O_ANG ? "" : initial) + INITIAL[second - '\u0E01'];
                i++;
            }
        }
        StringBuilder vowel = new StringBuilder();
        boolean written = lead != 0;
        boolean open = false; // a vowel after which the syllable ends (ะ, ำ, เ-าะ, ...)
        while (i < w.length() && (isVowelSign(w.charAt(i)) || isToneOrMark(w.charAt(i)))) {
            char v = w.charAt(i++);
            if (isVowelSign(v)) {
                written = true;
                vowel.append(v);
                open |= v == SARA_A || v == SARA_AM;
            }
        }
        String v = vowel.toString();
        String sound;
        // Vowels written with a consonant letter: -อ, เ-อ, เ-ีย, เ-ือ, -ัว, -ือ, เ-ย.
        char next = i < w.length() ? w.charAt(i) : 0;
        if (lead == 0 && v.isEmpty() && next == O_ANG) {
            sound = "o";
            i++;
        } else if (lead == '\u0E40' && v.isEmpty() && next == O_ANG) {
            sound = "oe";
            i++;
        } else if (lead == '\u0E40' && v.equals(String.valueOf(SARA_II)) && next == YO_YAK) {
            sound = "ia";
            i++;
        } else if (lead == '\u0E40' && v.equals(String.valueOf(SARA_UEE)) && next == O_ANG) {
            sound = "uea";
            i++;
        } else if (lead == 0 && v.equals(String.valueOf(MAI_HAN_AKAT)) && next == WO_WAEN) {
            sound = "ua";
            i++;
        } else if (lead == 0 && v.equals(String.valueOf(SARA_UEE)) && next == O_ANG) {
            sound = "ue";
            i++;
        } else if (lead == 0 && v.isEmpty() && next == WO_WAEN && i + 1 < w.length() && isConsonant(w.charAt(i + 1))
                && !startsSyllable(w, i + 1)) {
            sound = "ua";
            i++;
        } else {
            sound = vowel(lead, v);
        }
        if (sound == null) {
            // No written vowel: o in a closed syllable (คน khon), a in an open one (สบาย sabai).
            boolean closes = i < w.length() && isConsonant(w.charAt(i)) && !startsSyllable(w, i);
            sound = closes ? "o" : "a";
            written = closes;
        }
        out.append(initial).append(sound);
        if (open || !written && sound.equals("a")) {
            return i;
        }
        // A final consonant: the next consonant when it begins no syllable of its own.
        if (i < w.length() && isConsonant(w.charAt(i)) && !startsSyllable(w, i)) {
            char f = w.charAt(i);
            if (silenced(w, i)) {
                return i + 2;
            }
            boolean silentY = f == YO_YAK && sound.endsWith("i");
            if (!silentY && !(f == WO_WAEN && sound.endsWith("o"))) {
                out.append(FINAL[f - '\u0E01']);
            }
            i++;
            return skipSilenced(w, i);
        }
        return i;
    }

    /**
     * After a final, the letters the silencer ์ cancels: one consonant (ศักดิ์ is sak, จันทร์ chan: ทร), or one with
     * its vowel (สิทธิ์ sit).
     */
    private static int skipSilenced(String w, int i) {
        for (int k = i; k < w.length() && k < i + 3; k++) {
            char c = w.charAt(k);
            if (c == THANTHAKHAT) {
                return k > i ? k + 1 : i;
            }
            if (!isConsonant(c) && !isVowelSign(c)) {
                return i;
            }
        }
        return i;
    }

    private static String leadAlone(char lead) {
        return switch (lead) {
            case '\u0E40' -> "e";
            case '\u0E41' -> "ae";
            case '\u0E42' -> "o";
            default -> "ai";
        };
    }

    /** The sound of a leading vowel and the signs after the consonant; null when none is written. */
    private static String vowel(char lead, String signs) {
        String s = signs.replace(String.valueOf(MAITAIKHU), "");
        return switch (lead) {
            case '\u0E40' -> switch (s) {
                case "\u0E32" -> "ao";
                case "\u0E32\u0E30" -> "o";
                case "\u0E34" -> "oe";
                default -> "e";
            };
            case '\u0E41' -> "ae";
            case '\u0E42' -> "o";
            case '\u0E43', '\u0E44' -> "ai";
            default -> {
                if (s.isEmpty()) {
                    yield null;
                }
                yield switch (s.charAt(0)) {
                    case SARA_A, MAI_HAN_AKAT, SARA_AA, '\u0E45' -> s.length() > 1 && s.charAt(1) == SARA_AM ? "am" : "a";
                    case SARA_AM -> "am";
                    case SARA_I, SARA_II -> "i";
                    case SARA_UE, SARA_UEE -> "ue";
                    case SARA_U, SARA_UU -> "u";
                    default -> "";
                };
            }
        };
    }
}
