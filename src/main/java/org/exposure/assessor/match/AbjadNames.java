package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Personal names in Arabic script and in Hebrew read as the lists spell them ({@link ScriptReadings}' systems
 * {@code arabic-names} and {@code hebrew-names}), and Ethiopic names as they are usually written
 * ({@code ethiopic-names}).
 * <p>
 * These scripts write consonants and long vowels only, so ICU's reading is a consonant skeleton (عبد الرحمن →
 * bd alrhmn) that the lists' vowelled spellings ("Abdul Rahman") meet only through the skeleton comparison. Here
 * every word of a table of common name words ({@code match/arabic-name-words.txt}, {@code
 * match/hebrew-name-words.txt}) is written in its usual spelling, and any other word is vocalised by rule:
 * <ul>
 *   <li>Alef (in any form) is a; و and ي between consonants or after a consonant at the end are the long vowels u and
 *       i, elsewhere the consonants w and y; final ى (alef maqsura) a, final ة a, final ه after a consonant ah.</li>
 *   <li>A short vowel (a in Arabic script, e in Hebrew) is written after a consonant that begins a syllable: the
 *       first letter of a word, or one that follows a consonant, when a consonant comes next. A consonant after a
 *       vowel and before a consonant closes its syllable (احمد → ahmad, تكريتي → takriti). After alef, the
 *       consonant before a final consonant takes i, the pattern of Khalid, Hamid, Nasir, Qadir.</li>
 *   <li>In a name with a letter only Persian, Pashto or Urdu use (ی ک گ پ چ ژ ...), ث ذ ض ظ are read s z z z as
 *       those languages say them; otherwise th dh d z.</li>
 * </ul>
 * Compounds: عبد followed by a word with the article (or joined to it: عبدالغنی) is "abdul" and the word without
 * its article (abdul ghani; عبد الله abdullah); a word of the table's {@code +} lines (الله, الدين, الرحمن, ...)
 * after another word is joined to it with the article's vowel u (عصمت الله esmatullah, بشیرالدین bashiruddin);
 * any other article is written apart (التكريتي → al takriti).
 * <p>
 * Hebrew, by the same syllable rule with e as the short vowel: ו between consonants o, at the start or doubled v; י
 * between consonants i, at the start y; ב כ פ are b k p at the start of a word and v kh f elsewhere; צ tz, ח ch; a
 * final ה a; א and ע carry a vowel (a, or the ו or י after them: אורי ori); the consonant before the last takes e
 * after a short vowel too (שמש shemesh, the pattern of many two-syllable words); the table's {@code -} lines are
 * surname endings written as in Latin (-מן man, -ברג berg).
 * <p>
 * Ethiopic: ICU's {@code Ethiopic-Latin} reading with the vowels as names are spelt: the first order ä as e
 * (መለስ → meles), but a at the start of a word and after ʾ or ʿ (አበበ → abebe); the fourth order ā as a; the sixth order ǝ, a vowel that is
 * mostly not spoken, dropped, and written i only after the first consonant of a word when a consonant follows (ፍትዊ →
 * fitwi, ግርማይ → girmay).
 */
final class AbjadNames {

    private static final String ARABIC_WORDS = "/match/arabic-name-words.txt";
    private static final String HEBREW_WORDS = "/match/hebrew-name-words.txt";

    private final Map<String, String> arabic = new HashMap<>();
    /** The second elements joined to the word before: folded word with its article → suffix (ullah, uddin). */
    private final Map<String, String> arabicSeconds = new LinkedHashMap<>();
    private final Map<String, String> hebrew = new HashMap<>();
    /** Hebrew surname endings, longest first: folded ending → Latin. */
    private final Map<String, String> hebrewEndings = new LinkedHashMap<>();

    AbjadNames() {
        for (String line : ResourceLines.of(ARABIC_WORDS)) {
            String[] kv = entry(line);
            if (kv[0].startsWith("+")) {
                arabicSeconds.putIfAbsent(foldArabic(kv[0].substring(1)), kv[1]);
            } else {
                arabic.putIfAbsent(foldArabic(kv[0]), kv[1]);
            }
        }
        List<String[]> endings = new ArrayList<>();
        for (String line : ResourceLines.of(HEBREW_WORDS)) {
            String[] kv = entry(line);
            if (kv[0].startsWith("-")) {
                endings.add(new String[] {foldHebrew(kv[0].substring(1)), kv[1]});
            } else {
                hebrew.putIfAbsent(foldHebrew(kv[0]), kv[1]);
            }
        }
        endings.sort((a, b) -> b[0].length() - a[0].length());
        for (String[] e : endings) {
            hebrewEndings.putIfAbsent(e[0], e[1]);
        }
    }

    /** A table line {@code word = spelling spelling ...} as the word and its first spelling. */
    private static String[] entry(String line) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            throw new IllegalStateException("not a name word line: " + line);
        }
        String word = line.substring(0, eq).strip();
        String spelling = line.substring(eq + 1).strip().split("\\s+")[0];
        return new String[] {word, spelling};
    }

    // ---------------------------------------------------------------------------------------------------- Arabic

    /** The name's Arabic-script words as the lists spell them, other text kept; null when it has none. */
    String arabic(String name) {
        List<String> words = words(name, true);
        if (words.isEmpty()) {
            return null;
        }
        boolean persian = hasPersianLetter(name);
        List<String> split = new ArrayList<>(words.size() + 2);
        for (String w : words) {
            splitArabic(w, split);
        }
        StringBuilder out = new StringBuilder(name.length() * 2);
        boolean any = false;
        for (int i = 0; i < split.size(); i++) {
            String w = split.get(i);
            if (!isArabic(w)) {
                out.append(' ').append(w);
                continue;
            }
            any = true;
            String f = foldArabic(w);
            if (f.equals("عبد") && i + 1 < split.size() && isArabic(split.get(i + 1))) {
                String next = foldArabic(split.get(i + 1));
                if (next.equals("الله")) {
                    out.append(" abdullah");
                } else {
                    String rest = next.startsWith("ال") && next.length() > 3 ? next.substring(2) : next;
                    out.append(" abdul ").append(word(rest, persian));
                }
                i++;
                continue;
            }
            String second = arabicSeconds.get(f);
            if (second != null && i > 0 && out.length() > 0 && out.charAt(out.length() - 1) != ' '
                    && isArabic(split.get(i - 1))) {
                out.append(second); // joined to the word before: esmat + ullah
                continue;
            }
            if (f.startsWith("ال") && f.length() > 3 && !arabic.containsKey(f)) {
                out.append(" al ").append(word(f.substring(2), persian));
                continue;
            }
            out.append(' ').append(word(f, persian));
        }
        return any ? out.toString().strip() : null;
    }

    /** عبدالغنی → عبد الغنی; بشیرالدین → بشیر الدین: the joined spellings of compounds split at their article. */
    private void splitArabic(String w, List<String> out) {
        String f = foldArabic(w);
        if (f.length() > 5 && f.startsWith("عبدال")) {
            out.add("عبد");
            out.add(f.substring(3));
            return;
        }
        for (String second : arabicSeconds.keySet()) {
            if (f.length() >= second.length() + 2 && f.endsWith(second)) {
                out.add(f.substring(0, f.length() - second.length()));
                out.add(second);
                return;
            }
        }
        out.add(w);
    }

    /** One folded word: its usual spelling, or vocalised by rule. */
    private String word(String folded, boolean persian) {
        String known = arabic.get(folded);
        if (known == null && folded.length() > 1 && (folded.endsWith("ي") || folded.endsWith("ى"))) {
            // Persian writes موسی and Egyptian على with one letter where the table has the other: try both.
            char other = folded.endsWith("ي") ? 'ى' : 'ي';
            known = arabic.get(folded.substring(0, folded.length() - 1) + other);
        }
        return known != null ? known : vocaliseArabic(folded, persian);
    }

    /**
     * Vowel marks and tatweel dropped, letter variants folded: أ إ آ ٱ → ا, ی ې ے → ي, ک → ك, ۀ → ة, ہ → ه: the
     * tables' key, and what is vocalised. ى (alef maqsura) is kept, as a final one reads a (موسى musa); the lookup
     * tries a final ي for it and the reverse ({@link #word}).
     */
    static String foldArabic(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) {
                continue; // harakat, superscript alef, tatweel
            }
            b.append(switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> 'ا';
                case 'ی', 'ې', 'ے' -> 'ي';
                case 'ک' -> 'ك';
                case 'ۀ' -> 'ة';
                case 'ہ' -> 'ه';
                default -> c;
            });
        }
        return b.toString();
    }

    private static boolean hasPersianLetter(String s) {
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case 'ی', 'ک', 'گ', 'پ', 'چ', 'ژ', 'ۀ', 'ے', 'ٹ', 'ڈ', 'ڑ', 'ں', 'ھ', 'ہ', 'ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ځ',
                        'څ', 'ګ', 'ڼ', 'ې', 'ۍ' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /** Letter kinds of the vocaliser. */
    private static final int CONSONANT = 0;
    private static final int ALEF = 1;
    private static final int WAW = 2;
    private static final int YEH = 3;
    /** ة: a at the end, t inside a word. */
    private static final int TEH_MARBUTA = 4;
    /** ه: after a consonant at the end a vowel (ah), else h. */
    private static final int HEH = 5;
    /** ى: a at the end, else as ي. */
    private static final int ALEF_MAKSURA = 6;
    /** ې ے: the vowel e. */
    private static final int E = 7;

    private static int arabicKind(char c) {
        return switch (c) {
            case 'ا' -> ALEF;
            case 'و' -> WAW;
            case 'ي', 'ۍ' -> YEH;
            case 'ة' -> TEH_MARBUTA;
            case 'ه', 'ھ' -> HEH;
            case 'ى' -> ALEF_MAKSURA;
            default -> CONSONANT;
        };
    }

    /** The Latin consonant of an Arabic-script letter ("" for ع and the hamzas, which carry a vowel only). */
    private static String arabicConsonant(char c, boolean persian) {
        return switch (c) {
            case 'ب' -> "b";
            case 'پ' -> "p";
            case 'ت', 'ٹ', 'ټ', 'ط' -> "t";
            case 'ث' -> persian ? "s" : "th";
            case 'ج' -> "j";
            case 'چ' -> "ch";
            case 'ح' -> "h";
            case 'خ' -> "kh";
            case 'د', 'ڈ', 'ډ' -> "d";
            case 'ذ' -> persian ? "z" : "dh";
            case 'ر', 'ڑ', 'ړ' -> "r";
            case 'ز', 'ظ', 'ځ' -> "z";
            case 'ژ', 'ږ' -> "zh";
            case 'س', 'ص', 'څ' -> "s";
            case 'ش', 'ښ' -> "sh";
            case 'ض' -> persian ? "z" : "d";
            case 'غ' -> "gh";
            case 'ف' -> "f";
            case 'ق' -> "q";
            case 'ك' -> "k";
            case 'گ', 'ګ' -> "g";
            case 'ل' -> "l";
            case 'م' -> "m";
            case 'ن', 'ں', 'ڼ' -> "n";
            case 'ه', 'ھ' -> "h";
            case 'و' -> "w";
            case 'ي', 'ى' -> "y";
            default -> ""; // ع ء ؤ ئ and anything else: a consonant with no Latin letter
        };
    }

    /** An Arabic-script word (folded) vocalised by the rules of the class comment: تكريتي → takriti. */
    static String vocaliseArabic(String w, boolean persian) {
        int n = w.length();
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            kind[i] = arabicKind(w.charAt(i));
        }
        // Which of و ي ى ه are vowels here; the rest count as consonants below.
        boolean[] vowel = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            boolean prevConsonant = i > 0 && !vowel[i - 1];
            boolean nextVowelish = !last && (kind[i + 1] == ALEF || kind[i + 1] == E
                    || (kind[i + 1] == TEH_MARBUTA && i + 1 == n - 1));
            vowel[i] = switch (kind[i]) {
                case ALEF, E -> true;
                case WAW, YEH -> i > 0 && prevConsonant && !nextVowelish;
                case ALEF_MAKSURA -> last || (i > 0 && prevConsonant && !nextVowelish);
                case TEH_MARBUTA -> last;
                case HEH -> last && prevConsonant && i > 0;
                default -> false;
            };
        }
        StringBuilder out = new StringBuilder(n * 2);
        boolean vowelBefore = false; // the letter before ended in a vowel, long or inserted
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            boolean last = i == n - 1;
            if (vowel[i]) {
                out.append(switch (kind[i]) {
                    case ALEF -> "a";
                    case E -> "e";
                    case WAW -> "u";
                    case YEH -> c == 'ۍ' ? "ai" : "i";
                    case ALEF_MAKSURA -> last ? "a" : "i";
                    case TEH_MARBUTA -> "a";
                    case HEH -> "ah";
                    default -> "";
                });
                vowelBefore = true;
                continue;
            }
            out.append(kind[i] == TEH_MARBUTA ? "t" : arabicConsonant(c, persian));
            boolean wasAfterVowel = vowelBefore;
            vowelBefore = false;
            if (last || vowel[i + 1] || w.charAt(i + 1) == 'ھ') {
                continue; // a vowel follows, or the word ends; ھ marks an aspirate (bh, dh)
            }
            if (i == 0 || !wasAfterVowel) {
                out.append('a'); // begins a syllable before a consonant
                vowelBefore = true;
            } else if (i + 1 == n - 1 && kind[i - 1] == ALEF) {
                out.append('i'); // CaaCiC: khalid, qadir
                vowelBefore = true;
            }
        }
        return out.toString();
    }

    private static boolean isArabic(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.UnicodeScript.of(w.charAt(i)) == Character.UnicodeScript.ARABIC) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------- Hebrew

    /** The name's Hebrew words as usually spelt in Latin, other text kept; null when it has none. */
    String hebrew(String name) {
        List<String> words = words(name, false);
        StringBuilder out = new StringBuilder(name.length() * 2);
        boolean any = false;
        for (String w : words) {
            String f = foldHebrew(w);
            if (f.isEmpty() || Character.UnicodeScript.of(f.charAt(0)) != Character.UnicodeScript.HEBREW) {
                out.append(' ').append(w);
                continue;
            }
            any = true;
            String known = hebrew.get(f);
            if (known == null) {
                known = hebrewByRule(f);
            }
            out.append(' ').append(known);
        }
        return any ? out.toString().strip() : null;
    }

    private String hebrewByRule(String f) {
        for (Map.Entry<String, String> e : hebrewEndings.entrySet()) {
            if (f.length() > e.getKey().length() + 1 && f.endsWith(e.getKey())) {
                String stem = f.substring(0, f.length() - e.getKey().length());
                String known = hebrew.get(stem);
                return (known != null ? known : vocaliseHebrew(stem)) + e.getValue();
            }
        }
        return vocaliseHebrew(f);
    }

    /** Points dropped, final letters as their ordinary forms, geresh kept (it changes the letter before it). */
    static String foldHebrew(String w) {
        StringBuilder b = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= 0x0591 && c <= 0x05C7 && c != 0x05F3) {
                continue; // cantillation marks and points
            }
            b.append(switch (c) {
                case 'ך' -> 'כ';
                case 'ם' -> 'מ';
                case 'ן' -> 'נ';
                case 'ף' -> 'פ';
                case 'ץ' -> 'צ';
                case '\'' -> '׳';
                default -> c;
            });
        }
        return b.toString();
    }

    /** A Hebrew word (folded) vocalised by the rules of the class comment. */
    static String vocaliseHebrew(String w) {
        int n = w.length();
        boolean[] vowel = new boolean[n];
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            boolean prevConsonant = i > 0 && !vowel[i - 1];
            boolean last = i == n - 1;
            boolean doubled = !last && w.charAt(i + 1) == c;
            vowel[i] = switch (c) {
                case 'א', 'ע' -> false; // vowel carriers: handled as silent consonants
                case 'ו', 'י' -> i > 0 && prevConsonant && !doubled && (i < 1 || w.charAt(i - 1) != c);
                case 'ה' -> last && prevConsonant && i > 0;
                default -> false;
            };
        }
        StringBuilder out = new StringBuilder(n * 2);
        boolean vowelBefore = false;
        boolean shortBefore = false; // that vowel was an inserted e, not a letter
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            boolean last = i == n - 1;
            if (c == '׳') {
                continue;
            }
            if (vowel[i]) {
                out.append(c == 'ו' ? "o" : c == 'י' ? "i" : "a");
                vowelBefore = true;
                shortBefore = false;
                continue;
            }
            if (i > 0 && w.charAt(i - 1) == c && (c == 'ו' || c == 'י')) {
                continue; // וו and יי are one consonant
            }
            boolean geresh = !last && w.charAt(i + 1) == '׳';
            out.append(switch (c) {
                case 'ב' -> i == 0 ? "b" : "v";
                case 'ג' -> geresh ? "j" : "g";
                case 'ד' -> "d";
                case 'ה' -> "h";
                case 'ו' -> "v";
                case 'ז' -> geresh ? "zh" : "z";
                case 'ח' -> "ch";
                case 'ט' -> "t";
                case 'י' -> "y";
                case 'כ' -> i == 0 ? "k" : "kh";
                case 'ל' -> "l";
                case 'מ' -> "m";
                case 'נ' -> "n";
                case 'ס' -> "s";
                case 'פ' -> i == 0 ? "p" : "f";
                case 'צ' -> geresh ? "ch" : "tz";
                case 'ק' -> "k";
                case 'ר' -> "r";
                case 'ש' -> "sh";
                case 'ת' -> "t";
                default -> ""; // א ע: a vowel carrier, no Latin letter
            });
            boolean wasAfterVowel = vowelBefore;
            boolean wasAfterShort = shortBefore;
            vowelBefore = false;
            shortBefore = false;
            int next = geresh ? i + 2 : i + 1;
            if (next >= n || vowel[next]) {
                continue;
            }
            char nc = w.charAt(next);
            if ((c == 'א' || c == 'ע') && (nc == 'ו' || nc == 'י')) {
                continue; // אורי uri, אילן ilan: the carrier's vowel is the letter after it
            }
            // Hebrew's many two-syllable nouns and names of the pattern CeCeC (shemesh, melekh): the consonant before
            // the last one takes e after a short vowel too, not only after a consonant.
            if (i == 0 || !wasAfterVowel || (next == n - 1 && wasAfterShort)) {
                out.append(c == 'א' || c == 'ע' ? 'a' : 'e');
                vowelBefore = true;
                shortBefore = true;
            }
        }
        return out.toString();
    }

    // -------------------------------------------------------------------------------------------------- Ethiopic

    /**
     * ICU's {@code Ethiopic-Latin} reading (with its vowel letters: a the first order, ā the fourth, ǝ the sixth)
     * respelt as names usually are: see the class comment.
     */
    static String ethiopic(String icu) {
        StringBuilder out = new StringBuilder(icu.length());
        int letterInWord = 0;
        for (int i = 0; i < icu.length(); i++) {
            char c = icu.charAt(i);
            char prev = i > 0 ? icu.charAt(i - 1) : ' ';
            if (!Character.isLetter(c) && c != 'ʾ' && c != 'ʿ' && Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
                letterInWord = 0;
                continue;
            }
            switch (c) {
                case 'ǝ' -> {
                    boolean nextConsonant = i + 1 < icu.length() && Character.isLetter(icu.charAt(i + 1))
                            && "aāeēiīoōuǝ".indexOf(icu.charAt(i + 1)) < 0;
                    if (letterInWord == 1 && nextConsonant) {
                        out.append('i');
                    }
                }
                case 'a' -> out.append(letterInWord == 0 || prev == 'ʾ' || prev == 'ʿ' ? 'a' : 'e');
                case 'ʾ', 'ʿ' -> {
                    // glottal stop and pharyngeal: not written in names
                }
                default -> out.append(c);
            }
            if (c != 'ʾ' && c != 'ʿ') {
                letterInWord++;
            }
        }
        return out.toString();
    }

    // ----------------------------------------------------------------------------------------------------- misc

    /**
     * The words of a name: runs of letters and marks of the script ({@code arabicScript}: Arabic, else Hebrew, with
     * the Hebrew geresh and gershayim) and runs of other letters and digits, every other character a separator
     * (spaces, hyphens, the zero-width non-joiner Persian writes between the parts of a compound).
     */
    private static List<String> words(String name, boolean arabicScript) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean part = Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || (!arabicScript && (c == '׳' || c == '״' || c == '\'' || c == '"')) || c == 0x0640;
            if (part) {
                cur.append(c);
            } else if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        if (!arabicScript) {
            out.replaceAll(w -> w.replace("״", "").replace("\"", ""));
        }
        return out;
    }
}
