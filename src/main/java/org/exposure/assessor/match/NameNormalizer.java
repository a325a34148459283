package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.ibm.icu.text.Transliterator;

/**
 * Turns a name in any script into lower-case Latin ASCII tokens.
 * <ol>
 *   <li>Non-ASCII text goes through the ICU transliterator {@value #TRANSLITERATION}: Russian Cyrillic by the
 *       BGN/PCGN table (Сергей → sergey, Щукин → shchukin, closer to the English spellings on the lists than ICU's
 *       default ISO 9), other Cyrillic, Greek, Arabic, Hebrew, Georgian, Armenian, Indic, Hangul and kana by
 *       {@code Any-Latin}, Han by ICU 77's {@code Han-Latin} (pinyin, one syllable a token: 习近平 → xi jin ping;
 *       tone marks go with {@code Latin-ASCII}), then every accent folded to ASCII. Greek ντ/μπ/γκ/β are read
 *       as d/b/g/v first ({@link #greekDigraphs}).</li>
 *   <li>Case folding; apostrophes and modifier letters (ʿ ʾ ’) dropped, so {@code Yel'tsin} is {@code yeltsin};
 *       any other non-alphanumeric character separates tokens. Dotted initials are joined:
 *       {@code L.X.C.} is {@code lxc}, {@code Co.,Ltd.} is {@code co ltd}. English numbers in words are read as digits
 *       ({@link NumberWords}: "Fourty-four" is {@code 44}).</li>
 *   <li>Legal-form words and phrases from {@code lists/legal-forms.txt} (LLC, PJSC, OOO, GMBH, "JOINT STOCK
 *       COMPANY", "YOUXIAN GONGSI", …) are removed wherever they stand and kept as {@link
 *       NormalizedName#legalForms()}; titles from {@code lists/name-titles.txt} ("President", "Dr") are removed.
 *       Neither is removed when nothing else would be left, and titles other than "the" not when only common words
 *       would be left ("General Technology" is a company's name).</li>
 * </ol>
 * Thread-safe: ICU transliterators are not shared between threads.
 */
public final class NameNormalizer {

    /** ICU transform applied to non-ASCII names. */
    public static final String TRANSLITERATION = "Russian-Latin/BGN; Any-Latin; Latin-ASCII";

    private static final String LEGAL_FORMS = "/match/legal-forms.txt";
    private static final String TITLES = "/match/name-titles.txt";

    private final ThreadLocal<Transliterator> transliterator =
            ThreadLocal.withInitial(() -> Transliterator.getInstance(TRANSLITERATION));
    private final Map<String, List<Phrase>> legalForms;
    private final Map<String, List<Phrase>> titles;
    private final ScriptReadings scripts = new ScriptReadings();

    private record Phrase(List<String> tokens, String group) {
    }

    /** The system of the one reading a name in Latin script has. */
    public static final String LATIN = "latin";

    /**
     * One Latin reading of a name: the system that read it ({@value #LATIN} for a name in Latin script, e.g.
     * {@code bgn-pcgn}, {@code pinyin}, {@code korean-rr}, {@code hepburn} otherwise, see {@link ScriptReadings})
     * and the name normalised in it.
     */
    public record Reading(String system, NormalizedName name) {
    }

    public NameNormalizer() {
        this.legalForms = load(LEGAL_FORMS, true);
        this.titles = load(TITLES, false);
    }

    /** Normalises one name in its first reading ({@link #readings}); null or blank gives an empty name. */
    public NormalizedName normalize(String name) {
        if (name == null || name.isBlank()) {
            return new NormalizedName(name == null ? "" : name, List.of(), List.of(), false);
        }
        return finish(name, tokenize(name), isAbjad(name));
    }

    /**
     * Every reading of a name, the one {@link #normalize} gives first, each with a different token sequence: one for
     * a name in Latin script; for other scripts also those of {@link ScriptReadings} (Korean by Revised Romanization
     * and McCune–Reischauer, Japanese by Hepburn, Cyrillic by ISO 9 and ICAO, ...).
     */
    public List<Reading> readings(String name) {
        if (name == null || name.isBlank() || isAscii(name)) {
            return List.of(new Reading(LATIN, normalize(name)));
        }
        ScriptReadings.Scripts sc = ScriptReadings.scripts(name);
        String system = ScriptReadings.primarySystem(sc);
        boolean abjad = isAbjad(name);
        String latin = latin(name);
        NormalizedName primary = finish(name, tokens(latin), abjad);
        if (LATIN.equals(system)) {
            return List.of(new Reading(LATIN, primary));
        }
        List<Reading> out = new ArrayList<>(4);
        out.add(new Reading(system, primary));
        for (ScriptReadings.Variant v : scripts.variants(name, sc, latin)) {
            NormalizedName n = finish(name, tokenize(v.text()), abjad);
            if (n.isEmpty()) {
                continue;
            }
            boolean seen = false;
            for (Reading r : out) {
                seen |= r.name().tokens().equals(n.tokens());
            }
            if (!seen) {
                out.add(new Reading(v.system(), n));
            }
        }
        return List.copyOf(out);
    }

    /** Legal forms and titles taken off the tokens of a name. */
    private NormalizedName finish(String name, List<String> words, boolean abjad) {
        List<String> tokens = NumberWords.read(words);
        List<String> forms = new ArrayList<>();
        List<String> rest = removePhrases(tokens, legalForms, forms);
        if (!rest.isEmpty()) {
            tokens = rest;
        } else {
            forms.clear();
        }
        List<String> removedTitles = new ArrayList<>();
        rest = removePhrases(tokens, titles, removedTitles);
        if (!rest.isEmpty() && (!allCommon(rest) || onlyArticles(removedTitles))) {
            tokens = rest;
        }
        return new NormalizedName(name, tokens, forms, abjad);
    }

    /** Transliteration, case folding and punctuation only: no legal-form or title removal. */
    public List<String> tokenize(String name) {
        return tokens(latin(name));
    }

    /**
     * A name's first Latin reading: Chinese personal names as written ({@link ScriptReadings#chineseNames}), Greek
     * digraphs, then {@value #TRANSLITERATION}.
     */
    private String latin(String name) {
        String s = name;
        if (!isAscii(s)) {
            ScriptReadings.Scripts sc = ScriptReadings.scripts(s);
            if (sc.han && !sc.kana && !sc.hangul) {
                s = scripts.chineseNames(s);
            }
            s = greekDigraphs(s);
            s = transliterator.get().transliterate(s);
        }
        return s;
    }

    private static List<String> tokens(String latin) {
        String s = latin.toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.') {
                b.append(c);
            } else if (c == '\'' || c == '`' || c == '\u2019' || c == '\u2018' || c == '\u00b4'
                    || Character.getType(c) == Character.MODIFIER_LETTER
                    || Character.getType(c) == Character.NON_SPACING_MARK) {
                // dropped without separating: apostrophes, ayin/hamza, leftover combining marks
            } else if (Character.isLetterOrDigit(c)) {
                b.append(c); // a letter the transliterator left as is: keep it rather than lose it
            } else {
                b.append(' ');
            }
        }
        List<String> out = new ArrayList<>();
        int n = b.length();
        for (int start = 0; start < n; ) {
            while (start < n && b.charAt(start) == ' ') {
                start++;
            }
            int end = start;
            boolean dots = false;
            while (end < n && b.charAt(end) != ' ') {
                dots |= b.charAt(end) == '.';
                end++;
            }
            if (end > start) {
                if (!dots) {
                    out.add(b.substring(start, end));
                } else {
                    dotted(b, start, end, out);
                }
            }
            start = end;
        }
        return out;
    }

    /** A chunk with dots: initials joined ({@code l.x.c.} is {@code lxc}), else split at the dots. */
    private static void dotted(CharSequence b, int start, int end, List<String> out) {
        List<String> parts = new ArrayList<>();
        boolean allSingle = true;
        for (int i = start; i < end; ) {
            while (i < end && b.charAt(i) == '.') {
                i++;
            }
            int j = i;
            while (j < end && b.charAt(j) != '.') {
                j++;
            }
            if (j > i) {
                parts.add(b.subSequence(i, j).toString());
                allSingle &= j - i == 1;
            }
            i = j;
        }
        if (allSingle && parts.size() > 1) {
            out.add(String.join("", parts)); // L.X.C. -> lxc
        } else {
            out.addAll(parts);
        }
    }

    /**
     * Whether every token is a {@linkplain CommonWords common word}: what a title would leave is then not a person's
     * name but a company's ("GENERAL TECHNOLOGY LIMITED" is not General Technology, a person), so the title stays.
     */
    private static boolean allCommon(List<String> tokens) {
        for (String t : tokens) {
            if (!CommonWords.contains(t)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the titles removed are only the article "the", which is no person's title ("The Group" is "group"). */
    private static boolean onlyArticles(List<String> removed) {
        for (String t : removed) {
            if (!"THE".equals(t)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> removePhrases(List<String> tokens, Map<String, List<Phrase>> byFirst,
                                              List<String> removed) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        outer:
        while (i < tokens.size()) {
            for (Phrase p : byFirst.getOrDefault(tokens.get(i), List.of())) {
                int n = p.tokens.size();
                if (i + n <= tokens.size() && tokens.subList(i, i + n).equals(p.tokens)) {
                    removed.add(p.group);
                    i += n;
                    continue outer;
                }
            }
            out.add(tokens.get(i));
            i++;
        }
        return out;
    }

    /** Phrases by their first token, longest first. */
    private Map<String, List<Phrase>> load(String resource, boolean grouped) {
        List<Phrase> out = new ArrayList<>();
        for (String line : ResourceLines.of(resource)) {
            String phrase = line;
            String group = null;
            int eq = line.lastIndexOf('=');
            if (grouped && eq > 0) {
                phrase = line.substring(0, eq).strip();
                group = line.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            }
            List<String> tokens = tokenize(phrase);
            if (!tokens.isEmpty()) {
                out.add(new Phrase(tokens, group == null ? String.join(" ", tokens).toUpperCase(Locale.ROOT) : group));
            }
        }
        out.sort(Comparator.comparingInt((Phrase p) -> p.tokens.size()).reversed());
        Map<String, List<Phrase>> byFirst = new HashMap<>();
        for (Phrase p : out) {
            byFirst.computeIfAbsent(p.tokens.get(0), k -> new ArrayList<>()).add(p);
        }
        return Map.copyOf(byFirst);
    }

    /**
     * Modern Greek writes d, b and g as ντ, μπ and γκ, and β is v; ICU transliterates them letter by letter as
     * in ancient Greek (Βλαντίμιρ → blantimir). Here ντ, μπ, γκ become d, b, g at the start of a word and nd, mb, ng
     * inside it, β becomes v (Βλαντίμιρ → vlandimir).
     */
    static String greekDigraphs(String s) {
        boolean greek = false;
        for (int i = 0; i < s.length() && !greek; i++) {
            greek = Character.UnicodeScript.of(s.charAt(i)) == Character.UnicodeScript.GREEK;
        }
        if (!greek) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? Character.toLowerCase(s.charAt(i + 1)) : 0;
            char lower = Character.toLowerCase(c);
            boolean start = i == 0 || !Character.isLetter(s.charAt(i - 1));
            String rep = null;
            if (lower == 'ν' && next == 'τ') {
                rep = start ? "d" : "nd";
            } else if (lower == 'μ' && next == 'π') {
                rep = start ? "b" : "mb";
            } else if (lower == 'γ' && next == 'κ') {
                rep = start ? "g" : "ng";
            } else if (lower == 'β') {
                rep = "v";
                i--; // one letter, not two
            }
            if (rep != null) {
                b.append(Character.isUpperCase(c) ? rep.toUpperCase(Locale.ROOT) : rep);
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAbjad(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (cp >= 0x80) {
                Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
                if (sc == Character.UnicodeScript.ARABIC || sc == Character.UnicodeScript.HEBREW
                        || sc == Character.UnicodeScript.SYRIAC || sc == Character.UnicodeScript.THAANA) {
                    return true;
                }
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
