package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Token-order-insensitive similarity of two normalised names, built on commons-text's Jaro-Winkler and weighted by
 * how informative each token is ({@link TokenStats}: inverse document frequency over the names of the index).
 * <ul>
 *   <li><b>Tokens.</b> Each pair of tokens gets a Jaro-Winkler similarity sharpened for short tokens
 *       ({@code 1 - (1 - jw) * max(1, 6 / shorterLength)}, so {@code snow/snoe} drops from 0.88 to 0.82 while
 *       {@code gazprom/gasprom} stays at 0.92), less {@value #LENGTH_PENALTY} per letter of length difference beyond
 *       one ({@code khalil/khalilzadeh} 0.91 → 0.75); tokens with a digit (numbers, codes such as {@code yv2716})
 *       only match exactly; a one-letter token matches a token with that initial at 0.9; spelling variants are
 *       {@link #fold folded}. Pairs under {@value #MIN_TOKEN} count
 *       as unmatched. For names from an abjad (Arabic, Hebrew) the consonant skeletons are compared too
 *       ({@code mhmd} = {@code mohamed}).</li>
 *   <li><b>Run-together tokens.</b> When the token counts differ, two or three adjacent tokens of one side are also
 *       compared, joined (two in either order), with one token of the other ({@code makhlouf rami} /
 *       {@code ramimakhlouf},
 *       {@code xi jin ping} / {@code xi jinping}, {@code abd allh} / {@code abdullah}); the joined tokens count with
 *       the sum of their weights. Only where a token pairs poorly on its own (best single similarity under 0.9)
 *       and the joined run begins with the other token's first letter (any letter in an abjad).</li>
 *   <li><b>Assignment.</b> Pairs are taken greedily, best first, each token used once; order does not matter.</li>
 *   <li><b>Weights.</b> A token counts in its name with the weight {@link TokenStats#weight} ({@code idf^2}):
 *       "bank", "trading", "al" count little, a word few list names share counts much. A side's
 *       {@code coverage} is the weight of its matched tokens times their evidence over its total weight; the
 *       evidence of a pair is its similarity, less the shortfall again under 0.9 ({@link #evidence}: 0.83 counts
 *       0.76). A pair counts with the information it evidences: a token no name of the index holds (a misspelling)
 *       weighs what its partner weighs, a pair with an initial counts only the smaller weight.</li>
 *   <li><b>Scores.</b> {@code symmetric} = both sides' matched weight over both sides' total weight;
 *       {@code subset} = the better-covered side's coverage times {@code base + (1 - base) * the other side's
 *       coverage}, for one name inside the other ("Putin" in "Putin Vladimir Vladimirovich", "John Smith" in
 *       "John Michael Smith"). The {@code base} depends on how rare the covered side's rarest matched token is
 *       ({@link TokenStats#rarity}): {@value #BASE_HIGH} from rarity {@value #RARITY_HIGH} up (a word of a
 *       handful of names), falling linearly to {@value #BASE_LOW} at rarity {@value #RARITY_LOW} and below
 *       (a word of hundreds of names), so that "Commercial Bank" inside "Unistream Commercial Bank" or "Vladimir"
 *       inside "Putin Vladimir" is no match while "Putin" inside "Putin Vladimir Vladimirovich" is; when the covered
 *       side is a one-word list name inside a longer query the base is {@value #ONE_WORD_DROP} lower ("Koti Kefawu"
 *       is not "KOTI"). The name score is the larger of the two, times {@value #NUMBER_PENALTY} when each side has
 *       a token with a digit the other lacks ("Snow Storm 1" / "Snow Storm 2").</li>
 * </ul>
 */
public final class NameSimilarity {

    static final double MIN_TOKEN = 0.75;
    static final double NUMBER_PENALTY = 0.6;
    static final double FOLD_DISCOUNT = 0.97;
    static final double LENGTH_PENALTY = 0.04;
    static final double BASE_HIGH = 0.85;
    static final double BASE_LOW = 0.5;
    static final double RARITY_HIGH = 0.85;
    static final double RARITY_LOW = 0.55;
    static final double ONE_WORD_DROP = 0.15;
    /** Run-together comparison only when the shorter name has at most this many tokens. */
    static final int MERGE_MAX_TOKENS = 4;
    private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /**
     * Tokens of one name paired by the assignment, or left unmatched (the other side null). A joined run of tokens
     * is written with {@code +} ({@code jin+ping}).
     *
     * @param queryShare     what the query token(s) weigh in the query, 0..1
     * @param candidateShare what the candidate token(s) weigh in the candidate, 0..1
     */
    public record TokenPair(String query, String candidate, double similarity, double queryShare,
                            double candidateShare) {
    }

    /** The parts of a name comparison; {@code score} is the one used. */
    public record Result(double score, double symmetric, double subset, double base, double queryCoverage,
                         double candidateCoverage, boolean numberMismatch, List<TokenPair> pairs) {
        static final Result NONE = new Result(0, 0, 0, 0, 0, 0, false, List.of());
    }

    /** Token similarities of a query with a candidate; {@code j} indexes the candidate's tokens. */
    interface PairSims {
        double sim(Side q, int i, Side c, int j);
    }

    /** Computes every similarity afresh. */
    static final PairSims DIRECT = NameSimilarity::pair;

    /** {@link #token} of token {@code i} of {@code q} and token {@code j} of {@code c}, using their known facts. */
    static double pair(Side q, int i, Side c, int j) {
        String a = q.tokens[i];
        String b = c.tokens[j];
        if (a.equals(b)) {
            return 1.0;
        }
        if (q.digit[i] || c.digit[j]) {
            return 0.0;
        }
        return similar(a, q.folded[i], b, c.folded[j], q.abjad || c.abjad);
    }

    /**
     * A normalised name ready for comparison: its tokens, folded tokens, weights and rarities, and in an index the
     * tokens' dictionary ids (null elsewhere).
     */
    static final class Side {
        final String[] tokens;
        final String[] folded;
        final double[] weight;
        final double[] rarity;
        final int[] ids;
        final boolean[] unseen;
        final boolean[] digit;
        final boolean abjad;
        final double totalWeight;
        final boolean hasDigits;
        final NormalizedName name;

        Side(NormalizedName n, double[] weight, double[] rarity, int[] ids, boolean[] unseen) {
            this.name = n;
            this.unseen = unseen;
            this.tokens = n.tokens().toArray(String[]::new);
            this.folded = n.folded().toArray(String[]::new);
            this.weight = weight;
            this.rarity = rarity;
            this.ids = ids;
            this.abjad = n.abjad();
            double t = 0;
            boolean digits = false;
            this.digit = new boolean[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                t += weight[i];
                digit[i] = hasDigit(tokens[i]);
                digits |= digit[i];
            }
            this.totalWeight = t;
            this.hasDigits = digits;
        }

        static Side of(NormalizedName n, TokenStats stats) {
            int k = n.tokens().size();
            double[] w = new double[k];
            double[] r = new double[k];
            boolean[] u = new boolean[k];
            for (int i = 0; i < k; i++) {
                int df = stats.documentFrequency(n.tokens().get(i));
                w[i] = stats.weightOf(df);
                r[i] = stats.rarityOf(df);
                u[i] = df == 0 && stats.names() > 1;
            }
            return new Side(n, w, r, null, u);
        }

        /** Whether no name of the index holds token {@code i} (a misspelling, or a name the lists do not know). */
        boolean unseen(int i) {
            return unseen != null && unseen[i];
        }

        int size() {
            return tokens.length;
        }
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
        double s = 0;
        if (!foldedDiffer && !abjad && bound(Math.min(a.length(), b.length()), Math.max(a.length(), b.length()))
                - lengthPenalty(a, b) < MIN_TOKEN) {
            return 0.0; // lengths too different
        }
        if (bound(a, b) - lengthPenalty(a, b) >= MIN_TOKEN) {
            s = sharpen(JW.apply(a, b), Math.min(a.length(), b.length())) - lengthPenalty(a, b);
        }
        if (foldedDiffer) {
            double f = fa.equals(fb) ? 1.0
                    : bound(fa, fb) - lengthPenalty(fa, fb) < MIN_TOKEN ? 0.0
                    : sharpen(JW.apply(fa, fb), Math.min(fa.length(), fb.length())) - lengthPenalty(fa, fb);
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

    /** Compares a query name with a candidate name, every token equally informative. */
    public static Result compare(NormalizedName query, NormalizedName candidate) {
        return compare(query, candidate, TokenStats.uniform());
    }

    /** Compares a query name with a candidate name, tokens weighted by {@code stats}. */
    public static Result compare(NormalizedName query, NormalizedName candidate, TokenStats stats) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return Result.NONE;
        }
        return compare(Side.of(query, stats), Side.of(candidate, stats), DIRECT, true);
    }

    /**
     * The comparison itself; {@code explain} false leaves {@link Result#pairs()} empty (the score is the same).
     */
    static Result compare(Side q, Side c, PairSims sims, boolean explain) {
        int n = q.size();
        int m = c.size();
        if (n == 0 || m == 0) {
            return Result.NONE;
        }
        boolean abjad = q.abjad || c.abjad;
        // Options: single pairs first (index i * m + j), then runs of 2-3 adjacent tokens of one side against one
        // token of the other.
        int singles = n * m;
        double[] sim = new double[singles];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sim[i * m + j] = sims.sim(q, i, c, j);
            }
        }
        List<int[]> runs = null; // {side 0 = query run / 1 = candidate run, start, length, other index}
        List<Double> runSims = null;
        if (n != m && Math.min(n, m) <= MERGE_MAX_TOKENS) {
            // Joined runs can only help where single tokens pair poorly: a token whose best single pair is under 0.9.
            boolean[] weakQ = new boolean[n];
            boolean[] weakC = new boolean[m];
            boolean anyWeakQ = false;
            boolean anyWeakC = false;
            for (int i = 0; i < n; i++) {
                double best = 0;
                for (int j = 0; j < m; j++) {
                    best = Math.max(best, sim[i * m + j]);
                }
                weakQ[i] = best < 0.9;
                anyWeakQ |= weakQ[i];
            }
            for (int j = 0; j < m; j++) {
                double best = 0;
                for (int i = 0; i < n; i++) {
                    best = Math.max(best, sim[i * m + j]);
                }
                weakC[j] = best < 0.9;
                anyWeakC |= weakC[j];
            }
            if (anyWeakQ && anyWeakC) {
                runs = new ArrayList<>();
                runSims = new ArrayList<>();
                addRuns(q, weakQ, c, weakC, 0, abjad, runs, runSims);
                addRuns(c, weakC, q, weakQ, 1, abjad, runs, runSims);
            }
        }
        boolean[] usedQ = new boolean[n];
        boolean[] usedC = new boolean[m];
        double[] simQ = new double[n];
        double[] simC = new double[m];
        // Per token, what its partner in the assignment weighs (for a run, the run's total) and how rare it is.
        double[] partnerQ = new double[n];
        double[] partnerC = new double[m];
        double[] partnerRarityQ = new double[n];
        double[] partnerRarityC = new double[m];
        boolean[] initialQ = new boolean[n];
        boolean[] initialC = new boolean[m];
        List<int[]> chosen = explain ? new ArrayList<>(Math.max(n, m)) : null; // {-1, i, j} or the run
        int runCount = runs == null ? 0 : runs.size();
        while (true) {
            int best = -1;
            double bestSim = 0;
            for (int k = 0; k < singles; k++) {
                if (sim[k] > bestSim && !usedQ[k / m] && !usedC[k % m]) {
                    best = k;
                    bestSim = sim[k];
                }
            }
            for (int k = 0; k < runCount; k++) {
                double s = runSims.get(k);
                if (s > bestSim && free(runs.get(k), usedQ, usedC)) {
                    best = singles + k;
                    bestSim = s;
                }
            }
            if (best < 0) {
                break;
            }
            if (best < singles) {
                int i = best / m;
                int j = best % m;
                usedQ[i] = true;
                usedC[j] = true;
                simQ[i] = bestSim;
                simC[j] = bestSim;
                partnerQ[i] = c.weight[j];
                partnerC[j] = q.weight[i];
                partnerRarityQ[i] = c.rarity[j];
                partnerRarityC[j] = q.rarity[i];
                boolean initial = q.tokens[i].length() == 1 || c.tokens[j].length() == 1;
                initialQ[i] = initial;
                initialC[j] = initial;
                if (explain) {
                    chosen.add(new int[]{-1, i, j});
                }
            } else {
                int[] r = runs.get(best - singles);
                Side runSide = r[0] == 0 ? q : c;
                Side oneSide = r[0] == 0 ? c : q;
                boolean[] runUsed = r[0] == 0 ? usedQ : usedC;
                double[] runSim = r[0] == 0 ? simQ : simC;
                double[] runPartner = r[0] == 0 ? partnerQ : partnerC;
                double[] runPartnerRarity = r[0] == 0 ? partnerRarityQ : partnerRarityC;
                double runWeight = 0;
                double runRarity = 0;
                for (int k = r[1]; k < r[1] + r[2]; k++) {
                    runUsed[k] = true;
                    runSim[k] = bestSim;
                    runPartner[k] = runSide.weight[k]; // each joined token stands for itself
                    runPartnerRarity[k] = oneSide.rarity[r[3]];
                    runWeight += runSide.weight[k];
                    runRarity = Math.max(runRarity, runSide.rarity[k]);
                }
                (r[0] == 0 ? usedC : usedQ)[r[3]] = true;
                (r[0] == 0 ? simC : simQ)[r[3]] = bestSim;
                (r[0] == 0 ? partnerC : partnerQ)[r[3]] = runWeight;
                (r[0] == 0 ? partnerRarityC : partnerRarityQ)[r[3]] = runRarity;
                if (explain) {
                    chosen.add(r);
                }
            }
        }
        // A pair counts with the information it evidences: a token no list name holds (a misspelling) weighs what
        // its partner weighs; a pair with an initial counts only the smaller weight (an initial says little).
        double[] denQ = new double[n];
        double[] numQ = new double[n];
        double rarityQ = effective(q, usedQ, simQ, partnerQ, partnerRarityQ, initialQ, denQ, numQ);
        double[] denC = new double[m];
        double[] numC = new double[m];
        double rarityC = effective(c, usedC, simC, partnerC, partnerRarityC, initialC, denC, numC);
        double totalQ = 0;
        double matchedQ = 0;
        for (int i = 0; i < n; i++) {
            totalQ += denQ[i];
            matchedQ += numQ[i];
        }
        double totalC = 0;
        double matchedC = 0;
        for (int j = 0; j < m; j++) {
            totalC += denC[j];
            matchedC += numC[j];
        }
        double covQ = matchedQ / totalQ;
        double covC = matchedC / totalC;
        double symmetric = (matchedQ + matchedC) / (totalQ + totalC);
        boolean queryCovered = covQ >= covC;
        double base = base(queryCovered ? rarityQ : rarityC);
        if (!queryCovered && m == 1 && n > 1) {
            base -= ONE_WORD_DROP; // a one-word list name inside a longer query
        }
        double subset = queryCovered ? covQ * (base + (1 - base) * covC) : covC * (base + (1 - base) * covQ);
        boolean numberMismatch = q.hasDigits && c.hasDigits && unmatchedNumber(q, usedQ) && unmatchedNumber(c, usedC);
        double score = Math.max(symmetric, subset);
        if (numberMismatch) {
            score *= NUMBER_PENALTY;
        }
        List<TokenPair> pairs = List.of();
        if (explain) {
            List<TokenPair> out = new ArrayList<>(n + m);
            for (int[] r : chosen) {
                if (r[0] < 0) {
                    out.add(new TokenPair(q.tokens[r[1]], c.tokens[r[2]], simQ[r[1]], denQ[r[1]] / totalQ,
                            denC[r[2]] / totalC));
                    continue;
                }
                Side runSide = r[0] == 0 ? q : c;
                double[] runDen = r[0] == 0 ? denQ : denC;
                double runShare = 0;
                for (int k = r[1]; k < r[1] + r[2]; k++) {
                    runShare += runDen[k];
                }
                runShare /= r[0] == 0 ? totalQ : totalC;
                String joined = String.join("+", java.util.Arrays.copyOfRange(runSide.tokens, r[1], r[1] + r[2]));
                if (r[0] == 0) {
                    out.add(new TokenPair(joined, c.tokens[r[3]], simC[r[3]], runShare, denC[r[3]] / totalC));
                } else {
                    out.add(new TokenPair(q.tokens[r[3]], joined, simQ[r[3]], denQ[r[3]] / totalQ, runShare));
                }
            }
            for (int i = 0; i < n; i++) {
                if (!usedQ[i]) {
                    out.add(new TokenPair(q.tokens[i], null, 0, denQ[i] / totalQ, 0));
                }
            }
            for (int j = 0; j < m; j++) {
                if (!usedC[j]) {
                    out.add(new TokenPair(null, c.tokens[j], 0, 0, denC[j] / totalC));
                }
            }
            pairs = List.copyOf(out);
        }
        return new Result(score, symmetric, subset, base, covQ, covC, numberMismatch, pairs);
    }

    /**
     * An optimistic name score: every token paired with its best partner (no token used once only), every token a
     * joined run might pair counted as matched, the subset base at its highest. Never below {@link #compare}'s score
     * but where a token no list name holds pairs with another partner than its best (its weight is its partner's).
     */
    static double upperBound(Side q, Side c, PairSims sims) {
        int n = q.size();
        int m = c.size();
        if (n == 0 || m == 0) {
            return 0;
        }
        double[] bestQ = new double[n];
        int[] partnerOfQ = new int[n];
        double[] bestC = new double[m];
        int[] partnerOfC = new int[m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = sims.sim(q, i, c, j);
                if (v > bestQ[i]) {
                    bestQ[i] = v;
                    partnerOfQ[i] = j;
                }
                if (v > bestC[j]) {
                    bestC[j] = v;
                    partnerOfC[j] = i;
                }
            }
        }
        boolean[] runQ = new boolean[n];
        boolean[] runC = new boolean[m];
        if (n != m && Math.min(n, m) <= MERGE_MAX_TOKENS) {
            boolean[] weakQ = new boolean[n];
            boolean[] weakC = new boolean[m];
            boolean anyQ = false;
            boolean anyC = false;
            for (int i = 0; i < n; i++) {
                weakQ[i] = bestQ[i] < 0.9;
                anyQ |= weakQ[i];
            }
            for (int j = 0; j < m; j++) {
                weakC[j] = bestC[j] < 0.9;
                anyC |= weakC[j];
            }
            if (anyQ && anyC) {
                boolean abjad = q.abjad || c.abjad;
                markRunnable(q, weakQ, c, weakC, abjad, runQ, runC);
                markRunnable(c, weakC, q, weakQ, abjad, runC, runQ);
            }
        }
        double matchedQ = 0;
        double totalQ = 0;
        for (int i = 0; i < n; i++) {
            double w = bestQ[i] > 0 && q.unseen(i) ? c.weight[partnerOfQ[i]] : q.weight[i];
            totalQ += w;
            matchedQ += (runQ[i] ? 1.0 : evidence(bestQ[i])) * w;
        }
        double matchedC = 0;
        double totalC = 0;
        for (int j = 0; j < m; j++) {
            double w = bestC[j] > 0 && c.unseen(j) ? q.weight[partnerOfC[j]] : c.weight[j];
            totalC += w;
            matchedC += (runC[j] ? 1.0 : evidence(bestC[j])) * w;
        }
        double covQ = matchedQ / totalQ;
        double covC = matchedC / totalC;
        double cover = Math.max(covQ, covC);
        return Math.max((matchedQ + matchedC) / (totalQ + totalC),
                cover * (BASE_HIGH + (1 - BASE_HIGH) * Math.min(covQ, covC)));
    }

    /**
     * Fills each token's weight in its name ({@code den}) and its matched weight ({@code num}); returns the rarity of
     * the rarest matched token.
     */
    private static double effective(Side s, boolean[] used, double[] sim, double[] partner, double[] partnerRarity,
                                    boolean[] initial, double[] den, double[] num) {
        double rarity = 0;
        for (int i = 0; i < s.size(); i++) {
            double w = s.weight[i];
            double r = s.rarity[i];
            if (used[i]) {
                double e = evidence(sim[i]);
                if (initial[i]) {
                    num[i] = e * Math.min(w, partner[i]);
                    r = Math.min(r, partnerRarity[i]);
                } else if (s.unseen(i)) {
                    w = partner[i];
                    r = partnerRarity[i];
                    num[i] = e * w;
                } else {
                    num[i] = e * w;
                }
                rarity = Math.max(rarity, r);
            }
            den[i] = w;
        }
        return rarity;
    }

    static final double WEAK_SLOPE = 1.0;

    /** What a token pair of this similarity counts in a coverage. */
    static double evidence(double sim) {
        return sim >= 0.9 ? sim : Math.max(0, sim - WEAK_SLOPE * (0.9 - sim));
    }

    /** The subset base for the rarity of the covered side's rarest matched token. */
    static double base(double rarity) {
        double x = (rarity - RARITY_LOW) / (RARITY_HIGH - RARITY_LOW);
        return BASE_LOW + (BASE_HIGH - BASE_LOW) * Math.max(0.0, Math.min(1.0, x));
    }

    private static boolean free(int[] r, boolean[] usedQ, boolean[] usedC) {
        boolean[] runUsed = r[0] == 0 ? usedQ : usedC;
        boolean[] oneUsed = r[0] == 0 ? usedC : usedQ;
        if (oneUsed[r[3]]) {
            return false;
        }
        for (int k = r[1]; k < r[1] + r[2]; k++) {
            if (runUsed[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs of 2-3 adjacent tokens of {@code runSide}, joined (two also in the reverse order), against each token of
     * {@code oneSide}.
     */
    private static void addRuns(Side runSide, boolean[] runWeak, Side oneSide, boolean[] oneWeak, int side,
                                boolean abjad, List<int[]> runs, List<Double> runSims) {
        int n = runSide.size();
        for (int len = 2; len <= 3; len++) {
            for (int start = 0; start + len <= n; start++) {
                int joinedLength = 0;
                boolean digits = false;
                boolean weak = false;
                for (int k = start; k < start + len; k++) {
                    joinedLength += runSide.tokens[k].length();
                    digits |= runSide.digit[k];
                    weak |= runWeak[k];
                }
                if (digits || !weak) {
                    continue;
                }
                String joined = null;
                String reversed = null; // two tokens also the other way round: "MAKHLOUF, Rami" / ramimakhlouf
                for (int j = 0; j < oneSide.size(); j++) {
                    String one = oneSide.tokens[j];
                    int way = runWay(runSide, start, len, joinedLength, one, oneWeak[j], abjad);
                    if (way == 0) {
                        continue;
                    }
                    boolean straight = (way & 1) != 0;
                    boolean backwards = (way & 2) != 0;
                    if (joined == null) {
                        StringBuilder b = new StringBuilder(joinedLength);
                        for (int k = start; k < start + len; k++) {
                            b.append(runSide.tokens[k]);
                        }
                        joined = b.toString();
                        reversed = len == 2 ? runSide.tokens[start + 1] + runSide.tokens[start] : null;
                    }
                    double s = straight ? similar(joined, fold(joined), one, oneSide.folded[j], abjad) : 0;
                    if (backwards) {
                        s = Math.max(s, similar(reversed, fold(reversed), one, oneSide.folded[j], abjad));
                    }
                    if (s > 0) {
                        runs.add(new int[]{side, start, len, j});
                        runSims.add(s);
                    }
                }
            }
        }
    }

    /**
     * Whether the run of {@code len} tokens from {@code start} may be {@code one} written together: 1 in order,
     * 2 in reverse order (two tokens), 3 either, 0 not (a joined name keeps its first letter and a similar length;
     * {@code one} must pair poorly on its own).
     */
    private static int runWay(Side runSide, int start, int len, int joinedLength, String one, boolean oneWeak,
                              boolean abjad) {
        int shorter = Math.min(joinedLength, one.length());
        int longer = Math.max(joinedLength, one.length());
        if (!oneWeak || one.length() < 4 || (!abjad && bound(shorter, longer) < MIN_TOKEN)) {
            return 0;
        }
        char first = one.charAt(0);
        boolean straight = abjad || runSide.tokens[start].charAt(0) == first;
        boolean backwards = len == 2 && (abjad || runSide.tokens[start + 1].charAt(0) == first);
        return (straight ? 1 : 0) | (backwards ? 2 : 0);
    }

    /** Marks the tokens that some joined run could pair (as in {@link #addRuns}). */
    private static void markRunnable(Side runSide, boolean[] runWeak, Side oneSide, boolean[] oneWeak, boolean abjad,
                                     boolean[] runMark, boolean[] oneMark) {
        int n = runSide.size();
        for (int len = 2; len <= 3; len++) {
            for (int start = 0; start + len <= n; start++) {
                int joinedLength = 0;
                boolean digits = false;
                boolean weak = false;
                for (int k = start; k < start + len; k++) {
                    joinedLength += runSide.tokens[k].length();
                    digits |= runSide.digit[k];
                    weak |= runWeak[k];
                }
                if (digits || !weak) {
                    continue;
                }
                for (int j = 0; j < oneSide.size(); j++) {
                    if (runWay(runSide, start, len, joinedLength, oneSide.tokens[j], oneWeak[j], abjad) != 0) {
                        oneMark[j] = true;
                        for (int k = start; k < start + len; k++) {
                            runMark[k] = true;
                        }
                    }
                }
            }
        }
    }

    private static boolean unmatchedNumber(Side s, boolean[] used) {
        for (int i = 0; i < s.size(); i++) {
            if (!used[i] && s.digit[i]) {
                return true;
            }
        }
        return false;
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
