package org.exposure.assessor.match;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Similarity of two tokens, built on commons-text's Jaro-Winkler: sharpened for short tokens
 * ({@code 1 - (1 - jw) * max(1, 6 / shorterLength)}, so {@code snow/snoe} drops from 0.88 to 0.82 while
 * {@code gazprom/gasprom} stays at 0.92), less {@value #LENGTH_PENALTY} per letter of length difference beyond one
 * ({@code khalil/khalilzadeh} 0.91 → 0.75); tokens with a digit (numbers, codes such as {@code yv2716}) only match
 * exactly; a one-letter token matches a token with that initial at 0.9; tokens of at most four letters need the
 * same (for four, the same folded) spelling, or, against a longer token, to be one letter from it; spelling
 * variants are {@link #fold folded}; a shared prefix earns Jaro-Winkler's bonus only when the rests are alike
 * ({@link #jaroWinkler}).
 * Pairs under {@value #MIN_TOKEN} count as unmatched. For names from an abjad (Arabic, Hebrew) the consonant
 * {@link #skeleton skeletons} are compared too ({@code mhmd} = {@code mohamed}).
 */
public final class TokenSimilarity {

    static final double MIN_TOKEN = 0.75;
    static final double FOLD_DISCOUNT = 0.97;
    static final double LENGTH_PENALTY = 0.04;
    static final int SHORT = 4;
    static final double PREFIX_REST = 0.7;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();
    /** Levenshtein distance up to one edit (-1 beyond). */
    private static final LevenshteinDistance ONE_EDIT = new LevenshteinDistance(1);

    private TokenSimilarity() {
    }

    /** Similarity of two tokens in 0..1 (0 below {@value #MIN_TOKEN}). */
    public static double token(String a, String b, boolean abjad) {
        return token(a, fold(a), b, fold(b), abjad);
    }

    /** As {@link #token(String, String, boolean)} with the tokens' folded forms already computed. */
    static double token(String a, String fa, String b, String fb, boolean abjad) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (hasDigit(a) || hasDigit(b)) {
            return 0.0; // numbers and codes (YV2716, 61st) are the same or not
        }
        return similar(a, fa, b, fb, abjad);
    }

    /** As {@link #token(String, String, String, String, boolean)} for two different tokens without a digit. */
    static double similar(String a, String fa, String b, String fb, boolean abjad) {
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? 0.9 : 0.0;
        }
        boolean foldedDiffer = fa != a || fb != b; // fold returns the token itself when nothing folds
        if (!abjad && Math.min(a.length(), b.length()) <= SHORT) {
            // Short tokens are acronyms and short names: one letter in three is the whole difference between BYD
            // and BID. Two tokens of at most three letters are the same or not; of four, the same folded spelling
            // (abou / abu) also counts; a short token and a longer one only one letter apart (stom / storm).
            int longer = Math.max(a.length(), b.length());
            if (longer < SHORT) {
                return 0.0;
            }
            if (longer == SHORT) {
                return fa.equals(fb) ? FOLD_DISCOUNT : 0.0;
            }
            if (ONE_EDIT.apply(a, b) < 0 && ONE_EDIT.apply(fa, fb) < 0) {
                return 0.0;
            }
        }
        double s = 0;
        if (!foldedDiffer && !abjad && bound(Math.min(a.length(), b.length()), Math.max(a.length(), b.length()))
                - lengthPenalty(a, b) < MIN_TOKEN) {
            return 0.0; // lengths too different
        }
        if (bound(a, b) - lengthPenalty(a, b) >= MIN_TOKEN) {
            s = sharpen(jaroWinkler(a, b), Math.min(a.length(), b.length())) - lengthPenalty(a, b);
        }
        if (foldedDiffer) {
            double f = fa.equals(fb) ? 1.0
                    : bound(fa, fb) - lengthPenalty(fa, fb) < MIN_TOKEN ? 0.0
                    : sharpen(jaroWinkler(fa, fb), Math.min(fa.length(), fb.length())) - lengthPenalty(fa, fb);
            s = Math.max(s, FOLD_DISCOUNT * f);
        }
        if (abjad) {
            String sa = skeleton(a);
            String sb = skeleton(b);
            if (!sa.isEmpty() && sa.equals(sb)) {
                s = Math.max(s, sa.length() >= 2 ? 0.9 : 0.85);
            } else if (sa.length() >= 3 && sb.length() >= 3) {
                s = Math.max(s, 0.9 * sharpen(JW.apply(sa, sb), Math.min(sa.length(), sb.length()) + 2));
            }
        }
        return s < MIN_TOKEN ? 0.0 : s;
    }

    /**
     * Jaro-Winkler, but its bonus for a shared prefix only when what follows the prefix is alike too: a shared
     * beginning alone does not make two long words the same ("kazakhmys" / "kazakhst…"). When the rests after the
     * common prefix (both of at least three letters) have a Jaro-Winkler under {@value #PREFIX_REST}, the plain Jaro
     * similarity is used.
     */
    static double jaroWinkler(String a, String b) {
        double jw = JW.apply(a, b);
        int max = Math.min(4, Math.min(a.length(), b.length()));
        int prefix = 0;
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        if (prefix == 0 || a.length() - prefix < 3 || b.length() - prefix < 3) {
            return jw;
        }
        int common = prefix;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        String restA = a.substring(common);
        String restB = b.substring(common);
        if (restA.isEmpty() || restB.isEmpty() || JW.apply(restA, restB) >= PREFIX_REST) {
            return jw;
        }
        // commons-text adds min(0.1, 1 / longer length) per prefix letter of what is left, when Jaro is at least 0.7
        double f = Math.min(0.1, 1.0 / Math.max(a.length(), b.length())) * prefix;
        double jaro = (jw - f) / (1 - f);
        return jaro >= 0.7 ? jaro : jw;
    }

    /**
     * Jaro-Winkler's prefix bonus over-scores a token that begins another much longer one (khalil / khalilzadeh
     * 0.91): {@value #LENGTH_PENALTY} per letter of length difference beyond the first.
     */
    static double lengthPenalty(String a, String b) {
        return LENGTH_PENALTY * Math.max(0, Math.abs(a.length() - b.length()) - 1);
    }

    /**
     * Upper bound of the sharpened Jaro-Winkler of two strings: at most as many characters match as the two share
     * (by count, position ignored), no transposition, the longest common prefix up to four.
     */
    static double bound(String a, String b) {
        int common = commonCharacters(a, b);
        if (common == 0) {
            return 0;
        }
        double jaro = ((double) common / a.length() + (double) common / b.length() + 1.0) / 3.0;
        int prefix = 0;
        int max = Math.min(4, Math.min(a.length(), b.length()));
        while (prefix < max && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return sharpen(jaro + 0.1 * prefix * (1.0 - jaro), Math.min(a.length(), b.length()));
    }

    /** Characters the two strings have in common, counted with multiplicity (a-z and 0-9 by table, others pairwise). */
    private static int commonCharacters(String a, String b) {
        int[] counts = COUNTS.get();
        int common = 0;
        boolean other = false;
        for (int i = 0; i < a.length(); i++) {
            int c = a.charAt(i);
            if (c < 128) {
                counts[c]++;
            } else {
                other = true;
            }
        }
        for (int i = 0; i < b.length(); i++) {
            int c = b.charAt(i);
            if (c < 128) {
                if (counts[c] > 0) {
                    counts[c]--;
                    common++;
                }
            } else {
                other = true;
            }
        }
        for (int i = 0; i < a.length(); i++) {
            int c = a.charAt(i);
            if (c < 128) {
                counts[c] = 0;
            }
        }
        if (other) {
            common += Math.min(nonAscii(a), nonAscii(b)); // letters the transliterator left: bound generously
        }
        return common;
    }

    private static final ThreadLocal<int[]> COUNTS = ThreadLocal.withInitial(() -> new int[128]);

    private static int nonAscii(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                n++;
            }
        }
        return n;
    }

    /**
     * Spelling variants of one sound across Latin-script languages folded together, for a second comparison
     * discounted by {@value #FOLD_DISCOUNT}: w→v, ph→f, ou/oe→u, tsch/tch/tj/tsj/tx→ch, sch/sz→sh, kh→h, ck/q→k,
     * y→i, doubled letters once (Wladimir / Vladimir, Poetin / Poutine / Putin, Wladimirowitsch / Vladimirovich).
     * Returns the token itself (the same instance) when nothing folds.
     */
    static String fold(String t) {
        boolean plain = true;
        for (int i = 0; i < t.length() && plain; i++) {
            char c = t.charAt(i);
            plain = c != 'w' && c != 'h' && c != 'j' && c != 'x' && c != 'q' && c != 'y' && c != 'z' && c != 'k'
                    && c != 'o' && (i == 0 || c != t.charAt(i - 1));
        }
        if (plain) {
            return t;
        }
        String s = t;
        if (s.indexOf('w') >= 0) {
            s = s.replace('w', 'v');
        }
        s = s.replace("tsch", "ch").replace("tch", "ch").replace("tsj", "ch").replace("tj", "ch").replace("tx", "ch")
                .replace("sch", "sh").replace("sz", "sh").replace("ph", "f").replace("kh", "h").replace("ck", "k")
                .replace("ou", "u").replace("oe", "u").replace('q', 'k').replace('y', 'i');
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (b.length() == 0 || b.charAt(b.length() - 1) != c) {
                b.append(c);
            }
        }
        String f = b.toString();
        return f.equals(t) ? t : f;
    }

    /** Upper bound of the sharpened Jaro-Winkler of two strings of these lengths (all of the shorter matching). */
    static double bound(int shorter, int longer) {
        double jaro = (2.0 + (double) shorter / longer) / 3.0;
        return sharpen(jaro + 0.4 * (1.0 - jaro), shorter);
    }

    static double sharpen(double jw, int shorterLength) {
        return Math.max(0.0, 1.0 - (1.0 - jw) * Math.max(1.0, 6.0 / shorterLength));
    }

    /**
     * Consonant skeleton used for names written in an abjad: vowels dropped, {@code w} and {@code y} dropped except
     * at the start (where they are consonants), similar sounds merged (b/p, f/v/w, d/t, s/z, k/q/g/c), doubles
     * collapsed: {@code mohamed}, {@code muhammad} and {@code mhmd} all give {@code mhmt}.
     */
    public static String skeleton(String token) {
        StringBuilder b = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char m;
            switch (c) {
                case 'a', 'e', 'i', 'o', 'u' -> m = 0;
                case 'w' -> m = i == 0 ? 'f' : 0;
                case 'y' -> m = i == 0 ? 'y' : 0;
                case 'p' -> m = 'b';
                case 'v' -> m = 'f';
                case 'd' -> m = 't';
                case 'z' -> m = 's';
                case 'q', 'g', 'c' -> m = 'k';
                default -> m = c;
            }
            if (m != 0 && (b.length() == 0 || b.charAt(b.length() - 1) != m)) {
                b.append(m);
            }
        }
        return b.toString();
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= '0' && ch <= '9') {
                return true;
            }
        }
        return false;
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
