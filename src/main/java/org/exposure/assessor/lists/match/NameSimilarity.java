package org.exposure.assessor.lists.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Token-order-insensitive similarity of two normalised names, built on commons-text's Jaro-Winkler.
 * <ul>
 *   <li><b>Tokens.</b> Each pair of tokens gets a Jaro-Winkler similarity sharpened for short tokens
 *       ({@code 1 - (1 - jw) * max(1, 6 / shorterLength)}, so {@code snow/snoe} drops from 0.88 to 0.82 while
 *       {@code gazprom/gasprom} stays at 0.92); digits only match exactly; a one-letter token matches a token
 *       with that initial at 0.9; spelling variants are {@link #fold folded}. Pairs under {@value #MIN_TOKEN} count as unmatched. For names from an abjad
 *       (Arabic, Hebrew) the consonant skeletons are compared too ({@code mhmd} = {@code mohamed}).</li>
 *   <li><b>Assignment.</b> Tokens are paired greedily, best pair first, each token used once; the order of tokens
 *       does not matter.</li>
 *   <li><b>Scores.</b> {@code symmetric} = matched token length over all token length, both sides;
 *       {@code subset} = the better-covered side's coverage times {@code 0.9 + 0.1 * the other side's coverage}
 *       (one name inside the other: "John Smith" in "John Michael Smith", "Putin" in "Putin Vladimir
 *       Vladimirovich"); when the covered side is a one-word candidate name inside a longer query the factor is
 *       {@code 0.8 + 0.1 * query coverage} instead ("Koti Kefawu" is not "KOTI", "Rosneft Trading" is "ROSNEFT" at
 *       0.85); {@code compact} = Jaro-Winkler of the names with spaces removed, in order and sorted, only
 *       when the token counts differ and one side has at most {@value #COMPACT_MAX_TOKENS} tokens and the
 *       lengths without spaces differ by at most 15% ("xi jin ping" / "xi jinping", "ramimakhlouf" / "rami makhlouf").
 *       The name score is the best of the three, times {@value #NUMBER_PENALTY} when each side has a number the
 *       other lacks ("Snow Storm 1" / "Snow Storm 2").</li>
 * </ul>
 */
public final class NameSimilarity {

    static final double MIN_TOKEN = 0.75;
    static final double NUMBER_PENALTY = 0.6;
    static final double FOLD_DISCOUNT = 0.97;
    /** The compact comparison is made only when one side has at most this many tokens. */
    static final int COMPACT_MAX_TOKENS = 4;
    static final double SUBSET_ONE_WORD_BASE = 0.8;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /** A pair of tokens the assignment chose. */
    public record TokenPair(String query, String candidate, double similarity) {
    }

    /** The parts of a name comparison; {@code score} is the one used. */
    public record Result(double score, double symmetric, double subset, double compact, double queryCoverage,
                         double candidateCoverage, boolean numberMismatch, List<TokenPair> pairs) {
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
        if (isDigits(a) || isDigits(b)) {
            return 0.0;
        }
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0) ? 0.9 : 0.0;
        }
        int shorter = Math.min(a.length(), b.length());
        if (!abjad && fa.equals(a) && fb.equals(b) && bound(shorter, Math.max(a.length(), b.length())) < MIN_TOKEN) {
            return 0.0; // lengths too different for Jaro-Winkler to reach the minimum
        }
        double s = sharpen(JW.apply(a, b), shorter);
        if (!fa.equals(a) || !fb.equals(b)) {
            double f = fa.equals(fb) ? 1.0 : sharpen(JW.apply(fa, fb), Math.min(fa.length(), fb.length()));
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
     * Spelling variants of one sound across Latin-script languages folded together, for a second comparison
     * discounted by {@value #FOLD_DISCOUNT}: w→v, ph→f, ou/oe→u, tsch/tch/tj/tsj/tx→ch, sch/sz→sh, kh→h, ck/q→k,
     * y→i, doubled letters once (Wladimir / Vladimir, Poetin / Poutine / Putin, Wladimirowitsch / Vladimirovich).
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
        return b.toString();
    }

    /** Upper bound of the sharpened Jaro-Winkler of two strings of these lengths (all of the shorter matching). */
    static double bound(int shorter, int longer) {
        double jaro = (2.0 + (double) shorter / longer) / 3.0;
        return sharpen(jaro + 0.4 * (1.0 - jaro), shorter);
    }

    static String memoKey(String queryToken, String candidateToken) {
        return queryToken + '\u0001' + candidateToken;
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

    /** Compares a query name with a candidate name. */
    public static Result compare(NormalizedName query, NormalizedName candidate) {
        return compare(query, candidate, null);
    }

    /**
     * As {@link #compare(NormalizedName, NormalizedName)}, reusing token similarities from {@code memo} (keyed by
     * {@link #memoKey}) and adding those it computes; null for none.
     */
    static Result compare(NormalizedName query, NormalizedName candidate, Map<String, Double> memo) {
        List<String> q = query.tokens();
        List<String> c = candidate.tokens();
        if (q.isEmpty() || c.isEmpty()) {
            return new Result(0, 0, 0, 0, 0, 0, false, List.of());
        }
        boolean abjad = query.abjad() || candidate.abjad();
        int n = q.size();
        int m = c.size();
        double[] sim = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                if (memo == null) {
                    sim[i * m + j] = token(q.get(i), query.folded().get(i), c.get(j), candidate.folded().get(j), abjad);
                } else {
                    String key = memoKey(q.get(i), c.get(j));
                    Double v = memo.get(key);
                    if (v == null) {
                        v = token(q.get(i), query.folded().get(i), c.get(j), candidate.folded().get(j), abjad);
                        memo.put(key, v);
                    }
                    sim[i * m + j] = v;
                }
            }
        }
        boolean[] usedQ = new boolean[n];
        boolean[] usedC = new boolean[m];
        List<TokenPair> pairs = new ArrayList<>(Math.min(n, m));
        double matchedQ = 0;
        double matchedC = 0;
        while (true) {
            int best = -1;
            double bestSim = 0;
            for (int k = 0; k < sim.length; k++) {
                if (sim[k] > bestSim && !usedQ[k / m] && !usedC[k % m]) {
                    best = k;
                    bestSim = sim[k];
                }
            }
            if (best < 0) {
                break;
            }
            int i = best / m;
            int j = best % m;
            usedQ[i] = true;
            usedC[j] = true;
            pairs.add(new TokenPair(q.get(i), c.get(j), bestSim));
            matchedQ += bestSim * q.get(i).length();
            matchedC += bestSim * c.get(j).length();
        }
        double lenQ = totalLength(q);
        double lenC = totalLength(c);
        double symmetric = (matchedQ + matchedC) / (lenQ + lenC);
        double covQ = matchedQ / lenQ;
        double covC = matchedC / lenC;
        double subset = covC > covQ && m == 1 && n > 1
                ? covC * (SUBSET_ONE_WORD_BASE + 0.1 * covQ) // a one-word list name inside a longer query
                : Math.max(covQ, covC) * (0.9 + 0.1 * Math.min(covQ, covC));
        double compact = 0;
        double sofar = Math.max(symmetric, subset);
        if (n != m && sofar < 0.95 && Math.min(n, m) <= COMPACT_MAX_TOKENS) {
            int lq = (int) lenQ;
            int lc = (int) lenC;
            boolean similarLength = Math.abs(lq - lc) <= Math.max(1, 0.15 * Math.max(lq, lc));
            if (abjad || (similarLength && bound(Math.min(lq, lc), Math.max(lq, lc)) > sofar)) {
                compact = compact(q, c, abjad);
            }
        }
        boolean numberMismatch = unmatchedNumber(q, usedQ) && unmatchedNumber(c, usedC);
        double score = Math.max(symmetric, Math.max(subset, compact));
        if (numberMismatch) {
            score *= NUMBER_PENALTY;
        }
        return new Result(score, symmetric, subset, compact, covQ, covC, numberMismatch, pairs);
    }

    private static double compact(List<String> q, List<String> c, boolean abjad) {
        String qa = String.join("", q);
        String ca = String.join("", c);
        List<String> qs = new ArrayList<>(q);
        List<String> cs = new ArrayList<>(c);
        Collections.sort(qs);
        Collections.sort(cs);
        String qb = String.join("", qs);
        String cb = String.join("", cs);
        int shorter = Math.min(qa.length(), ca.length());
        double s = Math.max(sharpen(JW.apply(qa, ca), shorter), sharpen(JW.apply(qb, cb), shorter));
        if (abjad) {
            String sq = skeleton(qa);
            if (sq.length() >= 3 && sq.equals(skeleton(ca))) {
                s = Math.max(s, 0.9);
            }
        }
        return s;
    }

    private static boolean unmatchedNumber(List<String> tokens, boolean[] used) {
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i] && isDigits(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static double totalLength(List<String> tokens) {
        int s = 0;
        for (String t : tokens) {
            s += t.length();
        }
        return s;
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
