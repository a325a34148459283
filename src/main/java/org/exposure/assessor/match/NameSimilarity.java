package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Token-order-insensitive similarity of two normalised names, weighted by how informative each token is
 * ({@link TokenStats}: inverse document frequency over the names of the index).
 * <ul>
 *   <li><b>Tokens.</b> Each pair of tokens gets its {@link TokenSimilarity} similarity; between two persons' names
 *       a given name and its {@linkplain Nicknames nickname} at least {@value Nicknames#SIMILARITY}.</li>
 *   <li><b>Run-together tokens.</b> When the token counts differ, two or three adjacent tokens of one side are also
 *       compared, joined (two in either order), with one token of the other ({@link TokenRuns}); the joined tokens
 *       count with the sum of their weights.</li>
 *   <li><b>Assignment.</b> Pairs are taken greedily, best first, each token used once; order does not matter
 *       ({@link TokenAssignment}).</li>
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
 *       a token with a digit the other lacks ("Snow Storm 1" / "Snow Storm 2"). A name of one word paired only
 *       approximately loses up to {@value #LONE_SHORT}: Avito is not Avisto ({@link #loneWordPenalty}).</li>
 *   <li><b>Organisations' names are whole.</b> A person is often named by part of a name ("Putin"), a company is
 *       not: when both names are organisations' and the query is the covered side, the base is at most
 *       {@value #WHOLE_NAME_BASE} and the list name's unpaired common words count half against it, so "Continental"
 *       does not match "Comercializadora de Carnes Continental MGCI" (the list name's own rare words are unpaired)
 *       while "Aerocarribean" still matches "Aerocaribbean Airlines".</li>
 *   <li><b>Common words.</b> When every paired token of the query is a {@linkplain CommonWords common word}
 *       ("Other", "General Trading") and the two names are not the same as a whole, the score is multiplied by
 *       {@value #COMMON_PENALTY}: such words say what a business does, not which one it is.</li>
 * </ul>
 */
public final class NameSimilarity {


    static final double NUMBER_PENALTY = 0.6;
    static final double BASE_HIGH = 0.85;
    static final double BASE_LOW = 0.5;
    static final double RARITY_HIGH = 0.85;
    static final double RARITY_LOW = 0.55;
    static final double ONE_WORD_DROP = 0.15;
    static final double WEAK_SLOPE = 1.0;
    static final double WHOLE_NAME_BASE = 0.5;
    static final double COMMON_PENALTY = 0.6;
    static final double LONE_SHORT = 0.15;
    static final double LONE_SEVEN = 0.075;
    static final double LONE_VARIANT = 0.05;

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
                            double candidateShare, boolean nickname) {

        /** A pair that is not a name and its nickname (or a token left unmatched). */
        public TokenPair(String query, String candidate, double similarity, double queryShare, double candidateShare) {
            this(query, candidate, similarity, queryShare, candidateShare, false);
        }
    }

    /** The parts of a name comparison; {@code score} is the one used. */
    public record Result(double score, double symmetric, double subset, double base, double queryCoverage,
                         double candidateCoverage, boolean numberMismatch, boolean commonOnly, double loneWordPenalty,
                         List<TokenPair> pairs) {
        static final Result NONE = new Result(0, 0, 0, 0, 0, 0, false, false, 0, List.of());
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
        return compare(NameSide.of(query, stats), NameSide.of(candidate, stats), PairSims.DIRECT, true, false, false);
    }

    /** As {@link #compare(NormalizedName, NormalizedName, TokenStats)} for two persons' names (nicknames count). */
    public static Result comparePersons(NormalizedName query, NormalizedName candidate, TokenStats stats) {
        if (query.isEmpty() || candidate.isEmpty()) {
            return Result.NONE;
        }
        return compare(NameSide.of(query, stats), NameSide.of(candidate, stats), PairSims.DIRECT, true, false, true);
    }

    /** As {@link #compare(NameSide, NameSide, PairSims, boolean, boolean, boolean)} for names not both persons'. */
    static Result compare(NameSide q, NameSide c, PairSims sims, boolean explain, boolean wholeNames) {
        return compare(q, c, sims, explain, wholeNames, false);
    }

    /**
     * The comparison itself; {@code explain} false leaves {@link Result#pairs()} empty (the score is the same).
     * {@code wholeNames}: both names are organisations' names, which identify them only as a whole (see the class).
     * {@code persons}: both names are persons', so a name and its {@linkplain Nicknames nickname} pair.
     */
    static Result compare(NameSide q, NameSide c, PairSims sims, boolean explain, boolean wholeNames,
                          boolean persons) {
        int n = q.size();
        int m = c.size();
        if (n == 0 || m == 0) {
            return Result.NONE;
        }
        double[] sim = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                sim[i * m + j] = sims.sim(q, i, c, j);
            }
        }
        if (persons && q.hasNickname && c.hasNickname) {
            nicknames(q, c, sim);
        }
        List<TokenRuns.Run> runs = List.of();
        double[] runSims = null;
        if (TokenRuns.possible(n, m)) {
            double[] bestQ = new double[n];
            double[] bestC = new double[m];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    bestQ[i] = Math.max(bestQ[i], sim[i * m + j]);
                    bestC[j] = Math.max(bestC[j], sim[i * m + j]);
                }
            }
            List<TokenRuns.Run> possible = TokenRuns.find(q, bestQ, c, bestC);
            if (!possible.isEmpty()) {
                runs = new ArrayList<>();
                runSims = new double[possible.size()];
                for (TokenRuns.Run r : possible) {
                    double s = TokenRuns.similarity(r, q, c);
                    if (s > 0) {
                        runSims[runs.size()] = s;
                        runs.add(r);
                    }
                }
            }
        }
        TokenAssignment a = TokenAssignment.assign(q, c, sim, runs, runSims, explain);
        TokenAssignment.Side aq = a.query;
        TokenAssignment.Side ac = a.candidate;
        double covQ = aq.coverage();
        double covC = ac.coverage();
        double symmetric = (aq.matched + ac.matched) / (aq.total + ac.total);
        boolean queryCovered = covQ >= covC;
        double base = base(queryCovered ? aq.rarity : ac.rarity);
        if (!queryCovered && m == 1 && n > 1) {
            base -= ONE_WORD_DROP; // a one-word list name inside a longer query
        }
        double subset;
        if (wholeNames && queryCovered) {
            // "Continental" is not "Carnes Continental MGCI"; "Aerocarribean" is "Aerocaribbean Airlines"
            base = Math.min(base, WHOLE_NAME_BASE);
            subset = covQ * (base + (1 - base) * coverageBesidesCommon(c, ac));
        } else {
            subset = queryCovered ? covQ * (base + (1 - base) * covC) : covC * (base + (1 - base) * covQ);
        }
        boolean numberMismatch = q.hasDigits && c.hasDigits && aq.unmatchedNumber(q) && ac.unmatchedNumber(c);
        double score = Math.max(symmetric, subset);
        if (numberMismatch) {
            score *= NUMBER_PENALTY;
        }
        // The same name as a whole is a match even of common words: a listed "ELITE" or "General Trading Company".
        boolean commonOnly = commonOnly(q, aq) && (covQ < WHOLE || covC < WHOLE);
        if (commonOnly) {
            score *= COMMON_PENALTY;
        }
        // A name read from another script is approximate by nature (משה → msh / Moshe): no penalty for either side.
        double lone = q.read || c.read ? 0 : Math.max(q.size() == 1 ? loneWordPenalty(q.tokens[0], aq) : 0,
                c.size() == 1 ? loneWordPenalty(c.tokens[0], ac) : 0);
        score = Math.max(0, score - lone);
        List<TokenPair> pairs = explain ? pairs(q, c, a, persons) : List.of();
        return new Result(score, symmetric, subset, base, covQ, covC, numberMismatch, commonOnly, lone, pairs);
    }

    /**
     * What a Latin name of one word loses when that word is paired only approximately: all the evidence then rests
     * on one short token, where one letter is a fifth of the word and distinct names lie one letter apart (Avito /
     * Avisto, Alstom / Alstone). {@value #LONE_SHORT} for a word of at most six letters, {@value #LONE_SEVEN} for
     * seven; only {@value #LONE_VARIANT} when the pair is a spelling variant of one sound (at least
     * {@link TokenSimilarity#FOLD_DISCOUNT}: Putyin / Putin, Chery / Cherry); nothing for a longer word, an exact
     * pair or an unpaired word. Not applied when either name was read from another script (the caller's check).
     */
    static double loneWordPenalty(String token, TokenAssignment.Side side) {
        if (!side.used[0] || side.sim[0] >= 1.0 || token.length() > 7) {
            return 0;
        }
        if (side.sim[0] >= TokenSimilarity.FOLD_DISCOUNT) {
            return LONE_VARIANT;
        }
        return token.length() <= 6 ? LONE_SHORT : LONE_SEVEN;
    }

    /** Raises the similarity of each pair of a name and its nickname to {@link Nicknames#SIMILARITY}. */
    private static void nicknames(NameSide q, NameSide c, double[] sim) {
        Nicknames table = Nicknames.get();
        int m = c.size();
        for (int i = 0; i < q.size(); i++) {
            if (q.nickname[i] < 0) {
                continue;
            }
            for (int j = 0; j < m; j++) {
                if (sim[i * m + j] < Nicknames.SIMILARITY && table.related(q.nickname[i], c.nickname[j])) {
                    sim[i * m + j] = Nicknames.SIMILARITY;
                }
            }
        }
    }

    /** Whether query token {@code i} and candidate token {@code j} pair as a name and its nickname (see {@link #nicknames}). */
    private static boolean nicknamePair(NameSide q, int i, NameSide c, int j) {
        return Nicknames.get().related(q.nickname[i], c.nickname[j])
                && PairSims.direct(q, i, c, j) < Nicknames.SIMILARITY;
    }

    /** The explanation: the pairs in the order taken, then the query's unpaired tokens, then the candidate's. */
    private static List<TokenPair> pairs(NameSide q, NameSide c, TokenAssignment a, boolean persons) {
        TokenAssignment.Side aq = a.query;
        TokenAssignment.Side ac = a.candidate;
        List<TokenPair> out = new ArrayList<>(q.size() + c.size());
        for (TokenAssignment.Step step : a.steps) {
            TokenRuns.Run r = step.run();
            if (r == null) {
                double s = aq.sim[step.i()];
                out.add(new TokenPair(q.tokens[step.i()], c.tokens[step.j()], s, aq.share(step.i()),
                        ac.share(step.j()), persons && nicknamePair(q, step.i(), c, step.j())));
                continue;
            }
            TokenAssignment.Side runPairs = r.side() == 0 ? aq : ac;
            double runShare = 0;
            for (int k = r.start(); k < r.start() + r.length(); k++) {
                runShare += runPairs.den[k];
            }
            runShare /= runPairs.total;
            String joined = r.joined(r.runSide(q, c), "+");
            if (r.side() == 0) {
                out.add(new TokenPair(joined, c.tokens[r.other()], ac.sim[r.other()], runShare, ac.share(r.other())));
            } else {
                out.add(new TokenPair(q.tokens[r.other()], joined, aq.sim[r.other()], aq.share(r.other()), runShare));
            }
        }
        for (int i = 0; i < q.size(); i++) {
            if (!aq.used[i]) {
                out.add(new TokenPair(q.tokens[i], null, 0, aq.share(i), 0));
            }
        }
        for (int j = 0; j < c.size(); j++) {
            if (!ac.used[j]) {
                out.add(new TokenPair(null, c.tokens[j], 0, 0, ac.share(j)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * An optimistic name score: every token paired with its best partner (no token used once only), every token a
     * joined run might pair counted as matched, the subset base at its highest. Never below {@link #compare}'s score
     * but where a token no list name holds pairs with another partner than its best (its weight is its partner's).
     */
    static double upperBound(NameSide q, NameSide c, PairSims sims) {
        return upperBound(q, c, sims, false);
    }

    /** As {@link #upperBound(NameSide, NameSide, PairSims)}; {@code persons} as in {@link #compare}. */
    static double upperBound(NameSide q, NameSide c, PairSims sims, boolean persons) {
        boolean nick = persons && q.hasNickname && c.hasNickname;
        Nicknames table = nick ? Nicknames.get() : null;
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
                if (nick && v < Nicknames.SIMILARITY && table.related(q.nickname[i], c.nickname[j])) {
                    v = Nicknames.SIMILARITY;
                }
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
        for (TokenRuns.Run r : TokenRuns.find(q, bestQ, c, bestC)) {
            boolean[] runMark = r.side() == 0 ? runQ : runC;
            for (int k = r.start(); k < r.start() + r.length(); k++) {
                runMark[k] = true;
            }
            (r.side() == 0 ? runC : runQ)[r.other()] = true;
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

    /** Coverage at which two names are the same as a whole (rounding aside). */
    private static final double WHOLE = 0.999;

    /** A side's coverage with its unpaired {@linkplain CommonWords common words} counting half their weight. */
    private static double coverageBesidesCommon(NameSide s, TokenAssignment.Side a) {
        double total = 0;
        for (int i = 0; i < s.size(); i++) {
            total += a.used[i] || !CommonWords.contains(s.tokens[i]) ? a.den[i] : a.den[i] / 2;
        }
        return total == 0 ? 0 : a.matched / total;
    }

    /** Whether the query's paired tokens are all {@linkplain CommonWords common words} (and there is one). */
    private static boolean commonOnly(NameSide q, TokenAssignment.Side aq) {
        boolean any = false;
        for (int i = 0; i < q.size(); i++) {
            if (aq.used[i]) {
                if (!CommonWords.contains(q.tokens[i])) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** What a token pair of this similarity counts in a coverage. */
    static double evidence(double sim) {
        return sim >= 0.9 ? sim : Math.max(0, sim - WEAK_SLOPE * (0.9 - sim));
    }

    /** The subset base for the rarity of the covered side's rarest matched token. */
    static double base(double rarity) {
        double x = (rarity - RARITY_LOW) / (RARITY_HIGH - RARITY_LOW);
        return BASE_LOW + (BASE_HIGH - BASE_LOW) * Math.max(0.0, Math.min(1.0, x));
    }
}
