package org.exposure.assessor.match;

/**
 * Latin readings of Khmer and Burmese (Myanmar) names, which ICU's transliterators do not read (Khmer) or read
 * letter by letter with every inherent vowel spelt out (Burmese: ဗလာဒီမီယာ → balardemeyar). Both scripts write a
 * consonant with an inherent vowel, dependent vowel signs after it and subscript consonants for clusters; names of
 * people and companies, foreign ones above all, are romanised without the inherent vowel inside a cluster.
 * <ul>
 *   <li><b>Khmer</b> ({@code khmer}): the consonants and vowels of the UNGEGN romanisation (ASCII, one value per
 *       letter: the register of the consonant, which changes a vowel's sound, is not followed; ី ុ ែ as names
 *       usually spell them, i u e), the subscript sign ្ joining the next consonant, register and other diacritics
 *       dropped, a bare consonant read as the final of a syllable that has its vowel and otherwise with the inherent
 *       a: វ្លាឌីមៀរ ពូទីន → vladimier putin, ហ៊ុន សែន → hun sen, សម → sam.</li>
 *   <li><b>Burmese</b> ({@code burmese}): the consonants as the Myanmar Language Commission's romanisation writes
 *       them (ဗ b, သ th, ...), vowel signs a, i, u, e, ai, o, the killed final (်) read as a rhyme with the
 *       consonant before it (င် in, န် an, တ် at, က် et, ...), the inherent a dropped before another consonant inside
 *       a word and kept at its end: ဗလာဒီမီယာ ပူတင် → bladimiya putin.</li>
 * </ul>
 * Tables of letters (facts of the two writing systems), no dictionary: a reading is a spelling a list may hold, and
 * the matcher's fuzzy comparison does the rest.
 */
final class BrahmicReadings {

    private BrahmicReadings() {
    }

    // -------------------------------------------------------------------------------------------------------- Khmer

    private static final int KHMER_FIRST = 0x1780;
    /** U+1780..U+17A2: consonants. */
    private static final String[] KHMER_CONSONANTS = {"k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d",
            "th", "d", "th", "n", "t", "th", "t", "th", "n", "b", "ph", "p", "ph", "m", "y", "r", "l", "v", "s", "s",
            "s", "h", "l", ""};
    /** U+17A3..U+17B3: independent vowels. */
    private static final String[] KHMER_INDEPENDENT = {"a", "a", "e", "ei", "o", "ou", "ou", "ov", "rue", "rue", "lue",
            "lue", "ae", "ai", "ao", "ao", "au"};
    /** U+17B6..U+17C5: dependent vowel signs (ី as i, ុ as u, ែ as e: the usual spellings of names). */
    private static final String[] KHMER_VOWELS = {"a", "e", "i", "oe", "eu", "u", "u", "uo", "aeu", "oea", "ie", "e",
            "e", "ai", "ao", "au"};
    private static final char KHMER_COENG = '\u17D2';

    static boolean isKhmer(int cp) {
        return cp >= 0x1780 && cp <= 0x17FF;
    }

    /** The Khmer letters of {@code s} read as Latin; anything else is kept as it is. */
    static String khmer(String s) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        int n = s.length();
        // Whether the syllable being read has its vowel and no final consonant yet: a bare consonant then closes it.
        boolean open = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x1780 && c <= 0x17A2) {
                out.append(KHMER_CONSONANTS[c - KHMER_FIRST]);
                int next = nextKhmerLetter(s, i + 1);
                boolean vowelFollows = next < n && isKhmerVowelSign(s.charAt(next));
                boolean coeng = next < n && s.charAt(next) == KHMER_COENG;
                if (vowelFollows || coeng) {
                    open = false; // the onset of a syllable whose vowel (or cluster) follows
                } else if (open) {
                    open = false; // the final consonant: សម sam, ហ៊ុន hun
                } else {
                    out.append('a'); // a bare onset carries the inherent vowel
                    open = true;
                }
            } else if (c >= 0x17A3 && c <= 0x17B3) {
                out.append(KHMER_INDEPENDENT[c - 0x17A3]);
                open = true;
            } else if (c >= 0x17B6 && c <= 0x17C5) {
                out.append(KHMER_VOWELS[c - 0x17B6]);
                open = true;
            } else if (c == '\u17C6' || c == '\u17C7') {
                if (!open && out.length() > 0 && !isVowelLetter(out.charAt(out.length() - 1))) {
                    out.append('o'); // on a bare consonant, with its vowel: ភ្នំ phnom
                }
                out.append(c == '\u17C6' ? 'm' : 'h'); // nikahit, reahmuk: a final of their own
                open = false;
            } else if (isKhmer(c)) {
                // coeng, register shifters, bantoc and other signs: no letter of their own; khan and bariyoosan end
                if (c == '\u17D4' || c == '\u17D5') {
                    out.append(' ');
                    open = false;
                }
            } else {
                out.append(c);
                open = false;
            }
        }
        return out.toString();
    }

    /** The index of the next character that is not a register or other silent diacritic. */
    private static int nextKhmerLetter(String s, int from) {
        int j = from;
        while (j < s.length() && (s.charAt(j) == '\u17C9' || s.charAt(j) == '\u17CA' || s.charAt(j) == '\u17CB'
                || s.charAt(j) == '\u17CC' || s.charAt(j) == '\u17CD' || s.charAt(j) == '\u17CE'
                || s.charAt(j) == '\u17CF' || s.charAt(j) == '\u17D0' || s.charAt(j) == '\u17D1'
                || s.charAt(j) == '\u17D3' || s.charAt(j) == '\u17DD')) {
            j++;
        }
        return j;
    }

    private static boolean isVowelLetter(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static boolean isKhmerVowelSign(char c) {
        return (c >= 0x17B6 && c <= 0x17C5) || c == '\u17C6' || c == '\u17C7';
    }

    // ------------------------------------------------------------------------------------------------------ Burmese

    private static final int MYANMAR_FIRST = 0x1000;
    /** U+1000..U+1021: consonants. */
    private static final String[] MYANMAR_CONSONANTS = {"k", "kh", "g", "g", "ng", "s", "s", "z", "z", "ny", "ny",
            "t", "ht", "d", "d", "n", "t", "ht", "d", "d", "n", "p", "ph", "b", "b", "m", "y", "r", "l", "w", "th",
            "h", "l", ""};
    private static final char ASAT = '\u103A';
    private static final char VIRAMA = '\u1039';

    static boolean isMyanmar(int cp) {
        return cp >= 0x1000 && cp <= 0x109F;
    }

    /** The Burmese letters of {@code s} read as Latin, the syllables of a word run together (foreign names). */
    static String burmese(String s) {
        return burmese(s, "");
    }

    /**
     * The Burmese letters of {@code s} read as Latin, the syllables of a word written apart as Burmese personal
     * names are in Latin script (မင်းအောင်လှိုင် → min aung hlaing).
     */
    static String burmeseSyllables(String s) {
        return burmese(s, " ");
    }

    private static String burmese(String s, String between) {
        StringBuilder out = new StringBuilder(s.length() * 2);
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!isMyanmarConsonant(c)) {
                if (c >= 0x1023 && c <= 0x102A) {
                    out.append(switch (c) { // independent vowels
                        case '\u1023', '\u1024' -> "i";
                        case '\u1025', '\u1026' -> "u";
                        case '\u1027' -> "e";
                        default -> "o";
                    });
                } else if (!isMyanmar(c)) {
                    out.append(c);
                }
                i++;
                continue;
            }
            // One syllable: a consonant, its medials and vowel signs, and a killed final consonant if any.
            if (i > 0 && isMyanmar(s.charAt(i - 1))) {
                out.append(between);
            }
            StringBuilder onset = new StringBuilder(MYANMAR_CONSONANTS[c - MYANMAR_FIRST]);
            String vowel = null;
            String coda = null;
            int j = i + 1;
            while (j < n) {
                char d = s.charAt(j);
                if (d == '\u103B' || d == '\u103C') {
                    onset.append('y'); // medial y, medial r (read y)
                } else if (d == '\u103D') {
                    onset.append('w');
                } else if (d == '\u103E') {
                    onset.insert(0, 'h');
                } else if (d == '\u102B' || d == '\u102C') {
                    vowel = vowel == null ? "a" : vowel.equals("e") ? "aw" : vowel;
                } else if (d == '\u102D' || d == '\u102E') {
                    vowel = vowel != null && vowel.equals("u") ? "o" : "i";
                } else if (d == '\u102F' || d == '\u1030') {
                    vowel = vowel != null && vowel.equals("i") ? "o" : "u";
                } else if (d == '\u1031') {
                    vowel = vowel == null ? "e" : vowel;
                } else if (d == '\u1032') {
                    vowel = "ai";
                } else if (d == '\u1036') {
                    coda = "n"; // anusvara
                } else if (d == '\u1037' || d == '\u1038') {
                    // tones: no letter
                } else if (isMyanmarConsonant(d) && killed(s, j + 1)) {
                    coda = rhyme(d, vowel);
                    j = s.indexOf(ASAT, j) + 1;
                    break;
                } else if (d == VIRAMA) {
                    j++; // a stacked pair (ကုမ္ပဏီ kumpani): this consonant closes the syllable before, no vowel
                    break;
                } else {
                    break;
                }
                j++;
            }
            if (coda != null && vowel == null && onset.length() > 1 && onset.charAt(onset.length() - 1) == 'w'
                    && (coda.equals("an") || coda.equals("at"))) {
                // medial w with a killed n, m or t: the rhyme is u (ထွန်း htun, ကွတ် kut)
                onset.setLength(onset.length() - 1);
                coda = "u" + coda.substring(1);
            }
            out.append(onset);
            if (coda != null && vowel == null) {
                out.append(coda.equals("n") ? "an" : coda);
            } else {
                if (vowel != null) {
                    out.append(vowel);
                } else {
                    // The inherent a: dropped before another consonant of the same word (a cluster of a foreign
                    // name, ဗလာ bla), written at the end of a word.
                    boolean wordEnds = j >= n || !isMyanmarConsonant(s.charAt(j));
                    if (wordEnds) {
                        out.append('a');
                    }
                }
                if (coda != null) {
                    // ောင် aung, ိုင် aing, ောက် auk, ိုက် aik; otherwise the vowel and the final's letter
                    boolean back = vowel != null && (vowel.equals("aw") || vowel.equals("o"));
                    if (back && (coda.equals("n") && finalAt(s, j) == '\u1004' || coda.equals("t")
                            && finalAt(s, j) == '\u1000')) {
                        out.setLength(out.length() - vowel.length());
                        out.append(vowel.equals("aw") ? "au" : "ai").append(coda.equals("n") ? "ng" : "k");
                    } else {
                        out.append(coda);
                    }
                }
            }
            i = j;
        }
        return out.toString().replace("(", " ").replace(")", " ");
    }

    /** Whether the consonant before {@code at} is killed: an asat follows, perhaps after the creaky-tone dot. */
    private static boolean killed(String s, int at) {
        int k = at;
        if (k < s.length() && s.charAt(k) == '\u1037') {
            k++;
        }
        return k < s.length() && s.charAt(k) == ASAT;
    }

    /** The killed final consonant of the syllable that ends before {@code end} (its asat at end - 1). */
    private static char finalAt(String s, int end) {
        int k = end - 2;
        if (k >= 0 && s.charAt(k) == '\u1037') {
            k--;
        }
        return k >= 0 ? s.charAt(k) : 0;
    }

    /** A killed final consonant read as the rhyme it makes with an inherent vowel (or its letter after a vowel). */
    private static String rhyme(char consonant, String vowel) {
        String r = switch (consonant) {
            case '\u1004' -> "in"; // င်
            case '\u1014', '\u1019' -> "an"; // န် မ်
            case '\u1010', '\u1015' -> "at"; // တ် ပ်
            case '\u1000' -> "et"; // က်
            case '\u1005' -> "it"; // စ်
            case '\u100A' -> "i"; // ည်
            case '\u101A' -> "e"; // ယ်
            default -> MYANMAR_CONSONANTS[consonant - MYANMAR_FIRST];
        };
        if (vowel == null) {
            return r;
        }
        return r.equals("in") || r.equals("an") ? "n" : r.substring(r.length() - 1);
    }

    private static boolean isMyanmarConsonant(char c) {
        return c >= 0x1000 && c <= 0x1021;
    }
}
