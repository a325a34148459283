package org.exposure.assessor.match;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import com.ibm.icu.text.Transliterator;

/**
 * The Latin readings of a name written in another script besides the one {@link NameNormalizer#TRANSLITERATION}
 * gives, each named by its system. Every reading is Latin text that the normaliser then tokenises as any Latin name.
 * <ul>
 *   <li><b>Chinese</b> ({@code pinyin}): a run of two or three Han characters, or of four beginning with a known
 *       two-character surname (欧阳, 司马, …), is read as a person's name is written: the surname (ICU's
 *       {@code Han-Latin/Names}, which knows surname readings such as 单 shan), then the given name's syllables run
 *       together: 习近平 → "xi jinping". Longer runs (companies, places, transcribed foreign names) keep one syllable
 *       a word, as ICU reads them ({@code pinyin-syllables}); a name read as a person's also gets that reading.</li>
 *   <li><b>Chinese companies</b> ({@code han-company}): a Han name (of more than three characters, a person's
 *       name's shape) holding a generic word of company names of
 *       {@code match/company-terms-han.txt} (有限公司, 科技, 数控, 设备, ..., simplified or traditional, longest first)
 *       is read as such companies write their English names: the generic words translated (有限公司 co ltd, 数控
 *       cnc), the places of the table as written in English or as pinyin words (香港 hong kong, 东莞 dongguan, an
 *       administrative suffix 市 省 区 县 dropped), the other characters (the brand) read as pinyin and run together,
 *       a run of up to three characters one word, a longer run cut in twos: 东莞圣寅数控设备有限公司 → dongguan
 *       shengyin cnc equipment co ltd. A second reading takes each word's second rendering where it has one
 *       (中国 sino, 科技 science and technology). A one-character word (厂 factory) counts only at the end of a run of
 *       Han or before another word, and a place only where no brand character comes before it, so that brands
 *       keep their characters. See {@link #hanCompany}.</li>
 *   <li><b>Korean</b> (Hangul): a name of two to four syllables beginning with a surname of
 *       {@code match/korean-surnames.txt} gets, for each usual spelling of the surname, its given name by Revised
 *       Romanization ({@code korean-rr}: 김정은 → kim jeong eun), by McCune–Reischauer without breves, ㅈ written j
 *       as the lists write North Korean names ({@code korean-mr}: kim jong un), and as South Koreans usually spell
 *       their names, ㅓ and ㅡ as u ({@code korean-common}: park ji sung); each split by syllable and run together
 *       (jong un / jongun). Any other Hangul text is read by Revised Romanization a word at a time
 *       ({@code korean-rr}) and, for transcribed foreign names, without the vowel ㅡ Korean inserts between
 *       consonants ({@code korean-loanword}: 블라디미르 → bladimir).</li>
 *   <li><b>Japanese</b> ({@code hepburn}): text with kanji or kana is segmented by Lucene's Kuromoji, whose
 *       dictionary (IPADIC) knows the readings of many names (山田太郎 → ヤマダ タロウ), read by Hepburn with long
 *       vowels folded (yamada taro). Only when every word's reading is known: a kanji word the dictionary does
 *       not know leaves the name with its other readings.</li>
 *   <li><b>Cyrillic</b>: ISO 9 ({@code iso9}, ICU's {@code Cyrillic-Latin}, accents folded), the ICAO Doc 9303
 *       passport table ({@code icao}: Юрий → iurii) and the common English spellings of the BGN/PCGN reading
 *       ({@code english}: -iy and -yy endings as -y, ks as x, a final -dr as -der: Aleksandr → alexander,
 *       Dmitriy → dmitry).</li>
 *   <li><b>Hebrew</b>: {@code hebrew-names} ({@link AbjadNames}), the common Israeli given names and surnames of
 *       {@code match/hebrew-name-words.txt} in their usual spelling and other words vocalised by rule (ו o or v, י i
 *       or y, e between consonants: דוד כהן → david cohen, שמש → shemesh); {@code hebrew-vav}: ICU's consonants with
 *       vav as the consonant v (דוד → dvd), besides ICU's w.</li>
 *   <li><b>Arabic script</b> (Arabic, Persian, Pashto, Urdu): {@code arabic-names} ({@link AbjadNames}), the words of
 *       {@code match/arabic-name-words.txt} in their usual spelling, Abd compounds as abdul and the name (عبد الرحمن →
 *       abdul rahman), -ullah and -uddin compounds joined (عصمت الله → esmatullah), other words vocalised by rule
 *       (تكريتي → takriti); {@code arabic-common}: ICU's consonants with the article ال written apart, as the lists
 *       write it (التكريتي → al tkryty, AL-TIKRITI), for the Arabic spellings with the article apart (SAIF-AL-DIN)
 *       that {@code arabic-names} joins. ICU writes the consonants, and the consonant-skeleton comparison of abjad
 *       names ({@link TokenSimilarity#skeleton}) pairs them with the usual spellings. An Arabic-script name has two
 *       readings, three when it has an article.</li>
 *   <li><b>Ethiopic</b> (Amharic, Tigrinya): {@code ethiopic-names}, ICU's reading with the sixth-order vowel ǝ,
 *       mostly not spoken, dropped or written i, and the first order as e (ፍትዊ → fitwi, መለስ → meles), where ICU
 *       writes fǝtǝwi and malas.</li>
 *   <li><b>Khmer</b> ({@code khmer}) and <b>Burmese</b> ({@code burmese}): by the letter tables of
 *       {@link BrahmicReadings} (ICU has no Khmer transliterator and reads Burmese with every inherent vowel).</li>
 *   <li><b>Thai</b> ({@code thai-rtgs}): by the Royal Thai General System as {@link ThaiRomanization} reads it
 *       (กรุงเทพ → krungthep), besides ICU's ISO 11940 letters (krungtheph).</li>
 *   <li><b>Thai and Burmese companies</b> ({@code thai-company}, {@code burmese-company}): a name holding a generic
 *       word of {@code match/company-terms-thai-burmese.txt} (บริษัท, จำกัด, ကုမ္ပဏီ, လီမိတက်, ...) with those words
 *       replaced by their English renderings, a Thai brand read by RTGS, a Burmese one by ICU: บริษัท สยามเทรดดิ้ง
 *       จำกัด → company siam trading limited. See {@link #thaiBurmeseCompany}.</li>
 * </ul>
 * Thread-safe: the transliterators and tokenizers are per thread.
 */
final class ScriptReadings {

    /** One reading: its system and its Latin text. */
    record Variant(String system, String text) {
    }

    private static final String SURNAMES = "/match/korean-surnames.txt";
    private static final String HAN_TERMS = "/match/company-terms-han.txt";
    private static final String THAI_BURMESE_TERMS = "/match/company-terms-thai-burmese.txt";
    /** Administrative suffixes dropped after a place of the han-company table (深圳市 → shenzhen). */
    private static final Set<Integer> PLACE_SUFFIXES = Set.of((int) '省', (int) '市', (int) '区', (int) '區',
            (int) '县', (int) '縣');
    /** The Arabic article at the start of a word of at least two more letters (التكريتي: al tkryty). */
    private static final Pattern ARABIC_ARTICLE =
            Pattern.compile("(^|[\\s\\-])ال(?=\\p{IsArabic}{2,})");
    /** Chinese two-character surnames: a four-character name beginning with one is surname + two given syllables. */
    static final Set<String> CHINESE_COMPOUND_SURNAMES = Set.of("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官",
            "司徒", "东方", "東方", "皇甫", "尉迟", "尉遲", "公孙", "公孫", "慕容", "令狐", "夏侯", "轩辕", "軒轅", "长孙",
            "長孫", "宇文", "端木", "独孤", "獨孤", "南宫", "南宮", "西门", "西門", "澹台", "申屠", "闻人", "聞人");

    // Revised Romanization and McCune–Reischauer (ASCII) of the 19 initials, 21 vowels and 28 finals of a syllable.
    private static final String[] RR_INITIAL = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj",
            "ch", "k", "t", "p", "h"};
    private static final String[] MR_INITIAL = {"k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj",
            "ch", "k", "t", "p", "h"};
    /** MR voices ㄱ ㄷ ㅂ inside a word (between voiced sounds): Il-sung's s stays, Kil-bok's b does not. */
    private static final String[] MR_INITIAL_VOICED = {"g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "",
            "j", "jj", "ch", "k", "t", "p", "h"};
    private static final String[] RR_VOWEL = {"a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"};
    private static final String[] MR_VOWEL = {"a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
    /** South Korean names as usually spelt: ㅓ u (Sung, Jung), ㅕ yu (Hyun), ㅡ u (Un), otherwise RR. */
    private static final String[] COMMON_VOWEL = {"a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oe",
            "yo", "u", "wo", "we", "wi", "yu", "u", "ui", "i"};
    private static final String[] FINAL = {"", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
            "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"};
    private static final int HANGUL_FIRST = 0xAC00;
    private static final int HANGUL_LAST = 0xD7A3;
    private static final int RIEUL_INITIAL = 5;
    private static final int EU_VOWEL = 18;
    private static final int IEUNG_INITIAL = 11;
    private static final int RIEUL_FINAL = 8;

    /** ICAO Doc 9303 (7th edition) transliteration of Cyrillic in machine-readable passports. */
    private static final Map<Character, String> ICAO = icao();

    private final Map<String, List<String>> koreanSurnames;
    private final AbjadNames abjadNames = new AbjadNames();
    /** ICU's readings with their vowel letters kept (Ethiopic ā ǝ), for {@link AbjadNames#ethiopic}. */
    private final ThreadLocal<Transliterator> anyLatin =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));
    private final ThreadLocal<Transliterator> latinAscii =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Latin-ASCII"));
    /** The generic words and places of Chinese company names, each form (simplified and traditional) a key. */
    private final Map<String, HanTerm> hanTerms;
    /** The longest form of {@link #hanTerms}, in characters. */
    private final int hanTermMax;
    /** The generic words of Thai and Burmese company names and their English renderings. */
    private final Map<String, List<String>> thaiBurmeseTerms;
    private final int thaiBurmeseTermMax;
    private final ThreadLocal<Transliterator> iso9 =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Cyrillic-Latin; Latin-ASCII"));
    private final ThreadLocal<Transliterator> hanNames =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin/Names; Latin-ASCII"));
    private final ThreadLocal<Transliterator> han =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Han-Latin; Latin-ASCII"));
    /** Traditional characters as simplified ones, to find the table's words in a form it does not list. */
    private final ThreadLocal<Transliterator> simplified =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private final ThreadLocal<Transliterator> kana =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Katakana-Latin; Hiragana-Latin; Latin-ASCII"));
    /**
     * Kuromoji loads its dictionary (about 0.7 s) on first use: only names with kanji or kana pay it, and a JVM
     * whose lists hold none never does. A tokenizer is not thread-safe; the dictionary is shared.
     */
    private final ThreadLocal<JapaneseTokenizer> japanese =
            ThreadLocal.withInitial(() -> new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL));

    ScriptReadings() {
        this.koreanSurnames = loadSurnames();
        this.hanTerms = loadHanTerms();
        int max = 0;
        for (String k : hanTerms.keySet()) {
            max = Math.max(max, k.codePointCount(0, k.length()));
        }
        this.hanTermMax = max;
        this.thaiBurmeseTerms = loadRenderings(THAI_BURMESE_TERMS);
        this.thaiBurmeseTermMax = thaiBurmeseTerms.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** A word of {@code match/company-terms-han.txt}: its English renderings, and whether it is a place. */
    record HanTerm(List<String> renderings, boolean place) {
    }

    /** What a name holds, by script. */
    static final class Scripts {
        boolean han;
        boolean kana;
        boolean hangul;
        boolean cyrillic;
        boolean hebrew;
        boolean arabic;
        boolean khmer;
        boolean myanmar;
        boolean ethiopic;
        boolean thai;
        /** Any other script but Latin (Arabic, Greek, Thai, ...). */
        boolean other;
    }

    static Scripts scripts(String s) {
        Scripts out = new Scripts();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> out.han = true;
                case HIRAGANA, KATAKANA -> out.kana = true;
                case HANGUL -> out.hangul = true;
                case CYRILLIC -> out.cyrillic = true;
                case HEBREW -> out.hebrew = true;
                case ARABIC -> {
                    out.arabic = true;
                    out.other = true;
                }
                case KHMER -> {
                    out.khmer = true;
                    out.other = true;
                }
                case THAI -> {
                    out.thai = true;
                    out.other = true;
                }
                case MYANMAR -> {
                    out.myanmar = true;
                    out.other = true;
                }
                case ETHIOPIC -> {
                    out.ethiopic = true;
                    out.other = true;
                }
                case LATIN, COMMON, INHERITED -> {
                }
                default -> out.other = true;
            }
            if (cp == 0x30FC) {
                out.kana = true; // the prolonged sound mark is of the Common script
            }
        }
        return out;
    }

    /** The system of the one reading {@link NameNormalizer#TRANSLITERATION} gives a non-Latin name. */
    static String primarySystem(Scripts sc) {
        if (sc.hangul) {
            return "icu-hangul";
        }
        if (sc.kana) {
            return "icu-kana";
        }
        if (sc.han) {
            return "pinyin";
        }
        if (sc.cyrillic) {
            return "bgn-pcgn";
        }
        return sc.hebrew || sc.other ? "icu" : NameNormalizer.LATIN;
    }

    /**
     * Chinese personal names in {@code s} read as written ({@code 习近平} → {@code xi jinping}); other Han text is
     * left for the transliterator. Only when the text has Han and neither kana nor Hangul (Japanese and Korean
     * names get their own readings).
     */
    String chineseNames(String s) {
        StringBuilder out = null;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN) {
                if (out != null) {
                    out.appendCodePoint(cp);
                }
                i += Character.charCount(cp);
                continue;
            }
            int end = i;
            int count = 0;
            while (end < s.length() && Character.UnicodeScript.of(s.codePointAt(end)) == Character.UnicodeScript.HAN) {
                end += Character.charCount(s.codePointAt(end));
                count++;
            }
            String run = s.substring(i, end);
            String read = personalName(run, count);
            if (read != null && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                out.append(read != null ? " " + read + " " : run);
            }
            i = end;
        }
        return out == null ? s : out.toString();
    }

    /** A run of Han characters read as a person's name, or null when it does not have a name's shape. */
    private String personalName(String run, int count) {
        int surnameChars;
        if ((count == 3 || count == 4)
                && CHINESE_COMPOUND_SURNAMES.contains(run.substring(0, run.offsetByCodePoints(0, 2)))) {
            surnameChars = 2;
        } else if (count == 2 || count == 3) {
            surnameChars = 1;
        } else {
            return null;
        }
        int cut = run.offsetByCodePoints(0, surnameChars);
        String surname = join(hanNames.get().transliterate(run.substring(0, cut)));
        String given = join(han.get().transliterate(run.substring(cut)));
        if (!ascii(surname) || !ascii(given) || surname.isEmpty() || given.isEmpty()) {
            return null; // a character without a reading
        }
        return surname + " " + given;
    }

    /** The readings besides the primary one, in order of preference. */
    List<Variant> variants(String name, Scripts sc, String primaryLatin) {
        Map<String, String> out = new LinkedHashMap<>(); // text -> system, first system kept
        if (sc.hangul) {
            korean(name, out);
        }
        if (sc.han && !sc.hangul && !sc.kana) {
            // The person-name reading is the primary one; syllables as ICU reads them are the lists' other usage.
            String syllables = han.get().transliterate(name);
            if (!syllables.equals(primaryLatin)) {
                out.putIfAbsent(syllables, "pinyin-syllables");
            }
            for (String company : hanCompany(name)) {
                out.putIfAbsent(company, "han-company");
            }
        }
        if (sc.han && !sc.hangul) {
            String jp = japanese(name);
            if (jp != null) {
                out.putIfAbsent(jp, "hepburn");
            }
        } else if (sc.kana && !sc.hangul) {
            // Kana alone needs no dictionary (which would split たろう into たろ and う): read as written.
            out.putIfAbsent(kana(name), "hepburn");
        }
        if (sc.cyrillic) {
            out.putIfAbsent(iso9.get().transliterate(name), "iso9");
            out.putIfAbsent(icao(name), "icao");
            String english = english(primaryLatin);
            if (english != null) {
                out.putIfAbsent(english, "english");
            }
        }
        if (sc.thai || sc.myanmar) {
            for (String company : thaiBurmeseCompany(name)) {
                // A Thai brand by RTGS, as Thai companies spell their names; a Burmese one as ICU reads it.
                out.putIfAbsent(sc.thai ? ThaiRomanization.read(company) : company,
                        sc.thai ? "thai-company" : "burmese-company");
            }
        }
        if (sc.thai) {
            out.putIfAbsent(ThaiRomanization.read(name), "thai-rtgs");
        }
        if (sc.arabic) {
            String names = abjadNames.arabic(name);
            if (names != null) {
                out.putIfAbsent(names, "arabic-names");
            }
            String article = ARABIC_ARTICLE.matcher(name).replaceAll("$1ال ");
            if (!article.equals(name)) {
                out.putIfAbsent(article, "arabic-common");
            }
        }
        if (sc.khmer) {
            out.putIfAbsent(BrahmicReadings.khmer(name), "khmer");
        }
        if (sc.myanmar) {
            out.putIfAbsent(BrahmicReadings.burmese(name), "burmese");
            out.putIfAbsent(BrahmicReadings.burmeseSyllables(name), "burmese-syllables");
        }
        if (sc.hebrew) {
            String names = abjadNames.hebrew(name);
            if (names != null) {
                out.putIfAbsent(names, "hebrew-names");
            }
        }
        if (sc.hebrew && primaryLatin.indexOf('w') >= 0) {
            out.putIfAbsent(primaryLatin.replace('w', 'v').replace('W', 'V'), "hebrew-vav");
        }
        if (sc.ethiopic) {
            out.putIfAbsent(latinAscii.get().transliterate(AbjadNames.ethiopic(anyLatin.get().transliterate(name))),
                    "ethiopic-names");
        }
        List<Variant> list = new ArrayList<>(out.size());
        out.forEach((text, system) -> list.add(new Variant(system, text)));
        return list;
    }

    // ------------------------------------------------------------------------------------------ Chinese companies

    /**
     * The han-company readings of a name: none when it holds no generic word of the table; else the name with each
     * generic word and place replaced by its first English rendering, and, when a word has a second rendering, once
     * more with the second ones. The other Han characters (the brand) are read as pinyin and run together in words
     * as companies romanise them: a run of up to three characters is one word (圣寅 → shengyin), a longer one is
     * cut in twos from its start, an odd one's last word taking three (a brand of four characters is two words of
     * two, as it usually is). A place of the table is its own word when a run of brand characters does not come
     * before it in the same run of Han, and its administrative suffix (市, 省, 区, 县) is dropped. A name of three
     * Han characters or fewer gets none: it has a person's shape, and given names can be such words (王建设).
     */
    List<String> hanCompany(String name) {
        int[] cps = name.codePoints().toArray();
        int han = 0;
        for (int cp : cps) {
            han += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 1 : 0;
        }
        if (han <= 3) {
            return List.of(); // a person's name has that shape, and given names are words too (建设, 国华)
        }
        int[] simple = simplifiedCodePoints(name, cps.length);
        StringBuilder first = new StringBuilder(name.length() * 4);
        StringBuilder second = new StringBuilder(name.length() * 4);
        StringBuilder brand = new StringBuilder();
        boolean generic = false;
        boolean alternative = false;
        int i = 0;
        while (i < cps.length) {
            if (Character.UnicodeScript.of(cps[i]) != Character.UnicodeScript.HAN) {
                flushBrand(brand, first, second);
                first.appendCodePoint(cps[i]);
                second.appendCodePoint(cps[i]);
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < cps.length && Character.UnicodeScript.of(cps[runEnd]) == Character.UnicodeScript.HAN) {
                runEnd++;
            }
            int len = 0;
            HanTerm term = null;
            for (int l = Math.min(hanTermMax, runEnd - i); l >= 1 && term == null; l--) {
                HanTerm t = hanTerm(cps, simple, i, l);
                if (t == null || (t.place() && brand.length() > 0)
                        || (l == 1 && i + 1 < runEnd && !startsTerm(cps, simple, i + 1, runEnd))) {
                    continue; // a place inside a brand is the brand's; a one-character word only ends a name
                }
                term = t;
                len = l;
            }
            if (term == null) {
                brand.appendCodePoint(cps[i]);
                i++;
                continue;
            }
            flushBrand(brand, first, second);
            List<String> r = term.renderings();
            first.append(' ').append(r.get(0)).append(' ');
            second.append(' ').append(r.get(r.size() - 1)).append(' ');
            generic |= !term.place();
            alternative |= r.size() > 1;
            i += len;
            if (term.place() && i < runEnd && PLACE_SUFFIXES.contains(cps[i])) {
                i++;
            }
        }
        flushBrand(brand, first, second);
        if (!generic) {
            return List.of();
        }
        String a = first.toString().replaceAll("\\s+", " ").strip();
        if (!alternative) {
            return List.of(a);
        }
        String b = second.toString().replaceAll("\\s+", " ").strip();
        return a.equals(b) ? List.of(a) : List.of(a, b);
    }

    /** The name's code points with traditional characters simplified, or null when that changes their number. */
    private int[] simplifiedCodePoints(String name, int count) {
        int[] simple = simplified.get().transliterate(name).codePoints().toArray();
        return simple.length == count ? simple : null;
    }

    private HanTerm hanTerm(int[] cps, int[] simple, int from, int length) {
        HanTerm t = hanTerms.get(new String(cps, from, length));
        if (t == null && simple != null) {
            t = hanTerms.get(new String(simple, from, length));
        }
        return t;
    }

    /** Whether a generic word of two characters or more begins at {@code from}. */
    private boolean startsTerm(int[] cps, int[] simple, int from, int runEnd) {
        for (int l = Math.min(hanTermMax, runEnd - from); l >= 2; l--) {
            HanTerm t = hanTerm(cps, simple, from, l);
            if (t != null && !t.place()) {
                return true;
            }
        }
        return false;
    }

    /** Brand characters read as pinyin words (see {@link #hanCompany}), written to both readings. */
    private void flushBrand(StringBuilder brand, StringBuilder first, StringBuilder second) {
        if (brand.length() == 0) {
            return;
        }
        String[] syllables = han.get().transliterate(brand.toString()).replaceAll("['’]", "").strip().split("\\s+");
        brand.setLength(0);
        StringBuilder words = new StringBuilder(" ");
        int n = syllables.length;
        if (n <= 3) {
            words.append(String.join("", syllables));
        } else {
            for (int k = 0; k < n; k += 2) {
                boolean lastOfOdd = n - k == 3;
                words.append(syllables[k]).append(syllables[k + 1]);
                if (lastOfOdd) {
                    words.append(syllables[k + 2]);
                    k++;
                }
                words.append(' ');
            }
        }
        words.append(' ');
        first.append(words);
        second.append(words);
    }

    // ------------------------------------------------------------------------------- Thai and Burmese companies

    /**
     * The thai-company or burmese-company readings of a name: none when it holds no generic word of
     * {@code match/company-terms-thai-burmese.txt}; else the name with each such word replaced by its first English
     * rendering, and, when one has a second, once more with the second ones. Neither script separates words, so a
     * word is looked for anywhere, longest first, but not where it would take a syllable apart: not before a vowel
     * sign or mark (of a syllable that goes on) nor after a Thai vowel written before its consonant. The rest (the
     * brand) stays in its script, for ICU's {@code Thai-Latin} or {@code Myanmar-Latin} to read as in the first
     * reading.
     */
    List<String> thaiBurmeseCompany(String name) {
        StringBuilder first = new StringBuilder(name.length() + 16);
        StringBuilder second = new StringBuilder(name.length() + 16);
        boolean found = false;
        boolean alternative = false;
        int i = 0;
        while (i < name.length()) {
            List<String> renderings = null;
            int len = 0;
            if (i == 0 || !isThaiPrefixVowel(name.charAt(i - 1))) {
                for (int l = Math.min(thaiBurmeseTermMax, name.length() - i); l >= 1 && renderings == null; l--) {
                    List<String> r = thaiBurmeseTerms.get(name.substring(i, i + l));
                    if (r != null && (i + l == name.length() || !continuesSyllable(name.charAt(i + l)))) {
                        renderings = r;
                        len = l;
                    }
                }
            }
            if (renderings == null) {
                first.append(name.charAt(i));
                second.append(name.charAt(i));
                i++;
                continue;
            }
            first.append(' ').append(renderings.get(0)).append(' ');
            second.append(' ').append(renderings.get(renderings.size() - 1)).append(' ');
            found = true;
            alternative |= renderings.size() > 1;
            i += len;
        }
        if (!found) {
            return List.of();
        }
        String a = first.toString().replaceAll("\\s+", " ").strip();
        String b = second.toString().replaceAll("\\s+", " ").strip();
        return !alternative || a.equals(b) ? List.of(a) : List.of(a, b);
    }

    /** A Thai vowel written before the consonant it follows in speech (เ แ โ ใ ไ). */
    private static boolean isThaiPrefixVowel(char c) {
        return c >= '\u0E40' && c <= '\u0E44';
    }

    /** A character that belongs to the syllable before it: a vowel sign or mark, or Thai's ะ า ำ ๅ. */
    private static boolean continuesSyllable(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || c == '\u0E30' || c == '\u0E32' || c == '\u0E33' || c == '\u0E45';
    }

    /** A table of FORM = RENDERING | RENDERING lines. */
    private static Map<String, List<String>> loadRenderings(String resource) {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : ResourceLines.of(resource)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(resource + ": no '=' in " + line);
            }
            List<String> renderings = new ArrayList<>();
            for (String r : line.substring(eq + 1).split("\\|")) {
                if (!r.isBlank()) {
                    renderings.add(r.strip());
                }
            }
            if (out.put(line.substring(0, eq).strip(), List.copyOf(renderings)) != null) {
                throw new IllegalStateException(resource + ": " + line.substring(0, eq).strip() + " twice");
            }
        }
        return Map.copyOf(out);
    }

    private static Map<String, HanTerm> loadHanTerms() {
        Map<String, HanTerm> out = new HashMap<>();
        boolean places = false;
        for (String line : ResourceLines.of(HAN_TERMS)) {
            if (line.startsWith("[")) {
                places = line.equals("[places]");
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalStateException(HAN_TERMS + ": no '=' in " + line);
            }
            List<String> renderings = new ArrayList<>();
            for (String r : line.substring(eq + 1).split("\\|")) {
                if (!r.isBlank()) {
                    renderings.add(r.strip());
                }
            }
            HanTerm term = new HanTerm(List.copyOf(renderings), places);
            for (String form : line.substring(0, eq).strip().split("\\s+")) {
                if (out.put(form, term) != null) {
                    throw new IllegalStateException(HAN_TERMS + ": " + form + " twice");
                }
            }
        }
        return Map.copyOf(out);
    }

    // ---------------------------------------------------------------------------------------------------- Korean

    private void korean(String name, Map<String, String> out) {
        List<String> words = new ArrayList<>();
        for (String w : name.strip().split("[\\s,·・.\\-]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        String all = String.join("", words);
        boolean allHangul = !all.isEmpty() && all.chars().allMatch(ScriptReadings::isSyllable);
        int syllables = all.length();
        if (allHangul && syllables >= 2 && syllables <= 4 && words.size() <= 3) {
            String surname = syllables >= 3 && koreanSurnames.containsKey(all.substring(0, 2)) ? all.substring(0, 2)
                    : koreanSurnames.containsKey(all.substring(0, 1)) ? all.substring(0, 1) : null;
            if (surname != null && surname.length() < syllables) {
                String given = all.substring(surname.length());
                for (String system : List.of("korean-rr", "korean-mr", "korean-common")) {
                    List<String> parts = new ArrayList<>();
                    for (int k = 0; k < given.length(); k++) {
                        parts.add(syllable(given.charAt(k), system, k > 0));
                    }
                    // The given name run together with the usual spelling of the surname only: the matcher pairs
                    // run-together tokens anyway, and each reading is a lookup more for every Korean query.
                    List<String> spellings = koreanSurnames.get(surname);
                    for (int k = 0; k < spellings.size(); k++) {
                        out.putIfAbsent(spellings.get(k) + " " + String.join(" ", parts), system);
                        if (k == 0 && parts.size() > 1) {
                            out.putIfAbsent(spellings.get(k) + " " + String.join("", parts), system);
                        }
                    }
                }
                return;
            }
        }
        StringBuilder rr = new StringBuilder();
        StringBuilder loan = new StringBuilder();
        for (String w : words) {
            rr.append(' ');
            loan.append(' ');
            for (int k = 0; k < w.length(); k++) {
                char c = w.charAt(k);
                if (!isSyllable(c)) {
                    rr.append(c);
                    loan.append(c);
                    continue;
                }
                rr.append(syllable(c, "korean-rr", k > 0));
                loan.append(loanword(c, k == 0 ? 0 : w.charAt(k - 1)));
            }
        }
        out.putIfAbsent(rr.toString().strip(), "korean-rr");
        out.putIfAbsent(loan.toString().strip().replace("ll", "l"), "korean-loanword");
    }

    static boolean isSyllable(int c) {
        return c >= HANGUL_FIRST && c <= HANGUL_LAST;
    }

    /** One Hangul syllable by {@code system}; {@code inside}: not the first of its word (MR voicing). */
    static String syllable(char c, String system, boolean inside) {
        int s = c - HANGUL_FIRST;
        int initial = s / (21 * 28);
        int vowel = (s / 28) % 21;
        int fin = s % 28;
        String[] initials = switch (system) {
            case "korean-mr" -> inside ? MR_INITIAL_VOICED : MR_INITIAL;
            default -> RR_INITIAL;
        };
        String[] vowels = switch (system) {
            case "korean-mr" -> MR_VOWEL;
            case "korean-common" -> COMMON_VOWEL;
            default -> RR_VOWEL;
        };
        return initials[initial] + vowels[vowel] + FINAL[fin];
    }

    /**
     * A syllable of a transcribed foreign word: Korean writes a consonant cluster or a final consonant with the
     * vowel ㅡ (eu) after it (블라디미르 for Vladimir, 스 for s); here that vowel is dropped.
     */
    private static String loanword(char c, char previous) {
        int s = c - HANGUL_FIRST;
        int initial = s / (21 * 28);
        int vowel = (s / 28) % 21;
        int fin = s % 28;
        if (vowel == EU_VOWEL && initial != IEUNG_INITIAL && (fin == 0 || fin == RIEUL_FINAL)) {
            return RR_INITIAL[initial] + FINAL[fin];
        }
        String head = RR_INITIAL[initial];
        if (initial == RIEUL_INITIAL && isSyllable(previous) && (previous - HANGUL_FIRST) % 28 == RIEUL_FINAL) {
            head = "l"; // ㄹㄹ is an l
        }
        return head + RR_VOWEL[vowel] + FINAL[fin];
    }

    private Map<String, List<String>> loadSurnames() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : ResourceLines.of(SURNAMES)) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            List<String> spellings = List.of(line.substring(eq + 1).strip().split("\\s+"));
            out.put(line.substring(0, eq).strip(), spellings);
        }
        return Map.copyOf(out);
    }

    // -------------------------------------------------------------------------------------------------- Japanese

    /** Hepburn reading of Japanese text by Kuromoji, long vowels folded; null when a word's reading is not known. */
    String japanese(String name) {
        JapaneseTokenizer t = japanese.get();
        StringBuilder out = new StringBuilder();
        try {
            t.setReader(new StringReader(name));
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = t.addAttribute(ReadingAttribute.class);
            t.reset();
            boolean ok = true;
            while (t.incrementToken()) {
                String surface = term.toString();
                String r = reading.getReading();
                if (r == null) {
                    Scripts sc = scripts(surface);
                    if (sc.han) {
                        ok = false; // a kanji word without a known reading
                    }
                    r = surface; // kana (or Latin) read as written
                }
                out.append(' ').append(r);
            }
            t.end();
            if (!ok) {
                return null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                t.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String latin = kana.get().transliterate(out.toString().strip()).toLowerCase(Locale.ROOT);
        return foldLongVowels(latin);
    }

    /** Hepburn without long vowels, as names are written in English: tarou, oono, yuuko → taro, ono, yuko. */
    static String foldLongVowels(String s) {
        return s.replace("ou", "o").replace("oo", "o").replace("uu", "u");
    }

    /** Kana read by Hepburn, long vowels folded. */
    String kana(String name) {
        return foldLongVowels(kana.get().transliterate(name).toLowerCase(Locale.ROOT));
    }

    // -------------------------------------------------------------------------------------------------- Cyrillic

    static String icao(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String r = ICAO.get(Character.toLowerCase(c));
            b.append(r != null ? r : String.valueOf(c));
        }
        return b.toString();
    }

    /** The BGN/PCGN reading as English writes Russian names; null when that changes nothing. */
    static String english(String bgn) {
        StringBuilder b = new StringBuilder();
        boolean changed = false;
        for (String w : bgn.toLowerCase(Locale.ROOT).split("\\s+")) {
            String e = w;
            if (e.endsWith("iy") || e.endsWith("yy")) {
                e = e.substring(0, e.length() - 2) + "y";
            }
            e = e.replace("ks", "x");
            if (e.endsWith("dr")) {
                e = e.substring(0, e.length() - 1) + "er";
            }
            changed |= !e.equals(w);
            b.append(b.length() == 0 ? "" : " ").append(e);
        }
        return changed ? b.toString() : null;
    }

    private static Map<Character, String> icao() {
        String[][] table = {
                {"а", "a"}, {"б", "b"}, {"в", "v"}, {"г", "g"}, {"д", "d"}, {"е", "e"}, {"ё", "e"}, {"ж", "zh"},
                {"з", "z"}, {"и", "i"}, {"й", "i"}, {"к", "k"}, {"л", "l"}, {"м", "m"}, {"н", "n"}, {"о", "o"},
                {"п", "p"}, {"р", "r"}, {"с", "s"}, {"т", "t"}, {"у", "u"}, {"ф", "f"}, {"х", "kh"}, {"ц", "ts"},
                {"ч", "ch"}, {"ш", "sh"}, {"щ", "shch"}, {"ъ", "ie"}, {"ы", "y"}, {"ь", ""}, {"э", "e"}, {"ю", "iu"},
                {"я", "ia"}, {"і", "i"}, {"ї", "i"}, {"є", "ie"}, {"ґ", "g"}, {"ў", "u"}};
        Map<Character, String> m = new HashMap<>();
        for (String[] row : table) {
            m.put(row[0].charAt(0), row[1]);
        }
        return Map.copyOf(m);
    }

    // ----------------------------------------------------------------------------------------------------- misc

    private static String join(String syllables) {
        return syllables.replaceAll("[\\s'’]+", "");
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
