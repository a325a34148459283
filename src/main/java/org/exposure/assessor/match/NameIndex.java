package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A matcher over a fixed set of {@link MatchCandidate}s, built once, safe for concurrent queries.
 * <p>
 * <b>Candidate index.</b> Every primary name and alias is normalised ({@link NameNormalizer}); its distinct tokens
 * form a dictionary with, per token, the names that contain it, and an index of the character trigrams (padded with
 * a space at either end) of each token and of its {@linkplain NameSimilarity#fold folded} form. The dictionary's
 * document frequencies are the {@link TokenStats} that weigh tokens in every score. A query token (and its folded
 * form) looks up its exact token, then the dictionary spellings sharing enough trigrams (Dice coefficient at least
 * {@value #MIN_DICE}; the longest trigram postings are not walked, see {@link #LONG_POSTING}) whose
 * {@link NameSimilarity#token token similarity} reaches {@value NameSimilarity#MIN_TOKEN}, the dictionary tokens it
 * splits into or that adjacent query tokens join to, and for names from an abjad the tokens of equal consonant
 * skeleton. In a query with a distinctive token its common tokens are not expanded (see {@link
 * #COMMON_POSTING_CAP}). The names holding the tokens found collect the pair's weight times its similarity; they
 * are ranked by an estimate of their score and only the {@link #candidateCap} best are scored, each first against
 * an optimistic bound ({@link NameSimilarity#upperBound}) and only then in full by {@link MatchScorer}. A query
 * therefore never scans the list; {@link Result#namesScored()} says how many names were put to scoring.
 * <p>
 * <b>Threshold.</b> {@link #DEFAULT_THRESHOLD} is the default of the application's
 * {@code assessor.lists.match.threshold}; {@code MatchEvaluation} (test sources) measures it: see the README.
 */
public final class NameIndex {

    /** Default score at or above which a name is a match (assessor.lists.match.threshold); see the README. */
    public static final double DEFAULT_THRESHOLD = 0.86;
    /**
     * In a query that has a distinctive token (rarity at least {@value NameSimilarity#RARITY_LOW}), a common token's
     * spelling variants are not looked up, and its names are put forward only if at most this many hold it (they
     * still rank the names that hold the distinctive token): a name that shares only common words with such a query
     * cannot reach a threshold, its subset base being {@value NameSimilarity#BASE_LOW}.
     */
    static final int COMMON_POSTING_CAP = 500;
    /**
     * A trigram held by more spellings than this is not walked, up to (trigrams - 1) / 4 of a token's, and counts as
     * shared: a spelling reachable only through those shares too few trigrams to pass {@link #MIN_DICE} anyway.
     */
    static final int LONG_POSTING = 200;
    /** Default number of names scored in full per query. */
    public static final int DEFAULT_CANDIDATE_CAP = 25;
    /** Least trigram overlap (Dice) of a query token with a dictionary spelling for their similarity to be computed. */
    static final double MIN_DICE = 0.5;

    private final MatchScorer scorer;
    private final MatchCandidate[] candidates;
    private final int[] nameCandidate;
    private final String[] nameRaw;
    private final boolean[] nameAlias;
    private final NameSimilarity.Side[] nameSide;
    /** 1 / the name's total token weight, for ranking candidates without touching their Side. */
    private final float[] nameInverseWeight;
    private final TokenStats stats;
    private final String[] tokens;
    private final String[] tokenFolds;
    private final Map<String, Integer> tokenIds;
    private final int[][] tokenNames;
    private final int[] tokenDf;
    private final double[] tokenWeight;
    /** Spellings indexed by trigram: each token, and its folded form when that differs. */
    private final int[] spellingToken;
    private final int[] spellingGrams;
    private final GramMap gramSpellings;
    private final Map<String, int[]> skeletonTokens;
    private final double threshold;
    private final int candidateCap;
    private final ThreadLocal<Scratch> scratch;

    /** What one query found. */
    public record Result(NormalizedName query, List<Match> matches, int namesConsidered, int namesScored) {
    }

    /** Per-thread working memory of a query, reset after each. */
    private static final class Scratch {
        /** Per name, the query-side weight of the query tokens matched (times similarity evidence). */
        final float[] nameWeight;
        /** Per name, the name-side weight of its tokens matched: a rare query token matching a common word covers
         * little of the name holding it. */
        final float[] nameOwnWeight;
        final int[] touchedNames;
        int touchedNameCount;
        final int[] gramCount;
        final int[] touchedSpellings;
        int touchedSpellingCount;
        final SimCache sims = new SimCache();
        /**
         * What the current query slot has credited each name so far, keyed by (query number, slot): a name gets the
         * best of the credits one query token gives it, not their sum, as one query token pairs with one name token
         * when scored. Summing let a name holding several spellings of a common word (or one credited by a token
         * and its variants) outrank the exact name and push it out of the scored candidates.
         */
        final long[] creditKey;
        final float[] credit;
        final float[] ownCredit;
        long query;
        int slot;

        Scratch(int names, int spellings) {
            nameWeight = new float[names];
            nameOwnWeight = new float[names];
            ownCredit = new float[names];
            creditKey = new long[names];
            credit = new float[names];
            touchedNames = new int[names];
            gramCount = new int[spellings];
            touchedSpellings = new int[spellings];
        }
    }

    /**
     * Token similarities of one query: (distinct query token, dictionary token id) to similarity, open addressing.
     */
    static final class SimCache {
        private long[] keys = new long[1024];
        private float[] values = new float[1024];
        private int size;

        private static long key(int slot, int token) {
            return (((long) slot << 32) | (token & 0xffffffffL)) + 1; // 0 marks an empty cell
        }

        /** The cached similarity, or -1. */
        float get(int slot, int token) {
            long k = key(slot, token);
            int mask = keys.length - 1;
            for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
                long at = keys[i];
                if (at == k) {
                    return values[i];
                }
                if (at == 0) {
                    return -1;
                }
            }
        }

        void put(int slot, int token, float value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            long k = key(slot, token);
            int mask = keys.length - 1;
            for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
                long at = keys[i];
                if (at == k) {
                    values[i] = value;
                    return;
                }
                if (at == 0) {
                    keys[i] = k;
                    values[i] = value;
                    size++;
                    return;
                }
            }
        }

        void clear() {
            if (size > 0) {
                if (keys.length > 1 << 16) {
                    keys = new long[1024];
                    values = new float[1024];
                } else {
                    Arrays.fill(keys, 0);
                }
                size = 0;
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            float[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new float[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != 0) {
                    long k = oldKeys[i] - 1;
                    put((int) (k >>> 32), (int) k, oldValues[i]);
                }
            }
        }

        private static int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    private NameIndex(NameNormalizer normalizer, Collection<MatchCandidate> input, double threshold, int candidateCap,
                      int parallelism) {
        this.threshold = threshold;
        this.candidateCap = candidateCap;
        this.candidates = input.toArray(MatchCandidate[]::new);
        NormalizedName[][] normalized = normalizeAll(normalizer, candidates, parallelism);
        List<Integer> cand = new ArrayList<>();
        List<String> raw = new ArrayList<>();
        List<Boolean> alias = new ArrayList<>();
        List<NormalizedName> norm = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            MatchCandidate c = candidates[i];
            Set<List<String>> seen = new HashSet<>();
            List<String> names = new ArrayList<>(1 + c.aliases().size());
            names.add(c.primaryName());
            names.addAll(c.aliases());
            for (int k = 0; k < names.size(); k++) {
                NormalizedName n = normalized[i][k];
                if (n.isEmpty() || !seen.add(n.tokens())) {
                    continue;
                }
                cand.add(i);
                raw.add(names.get(k));
                alias.add(k > 0);
                norm.add(n);
            }
        }
        int nNames = norm.size();
        nameCandidate = new int[nNames];
        nameRaw = raw.toArray(String[]::new);
        nameAlias = new boolean[nNames];
        tokenIds = new HashMap<>();
        List<String> tokenList = new ArrayList<>();
        List<List<Integer>> postings = new ArrayList<>();
        for (int n = 0; n < nNames; n++) {
            nameCandidate[n] = cand.get(n);
            nameAlias[n] = alias.get(n);
            for (String t : new HashSet<>(norm.get(n).tokens())) {
                Integer id = tokenIds.get(t);
                if (id == null) {
                    id = tokenList.size();
                    tokenIds.put(t, id);
                    tokenList.add(t);
                    postings.add(new ArrayList<>(2));
                }
                postings.get(id).add(n);
            }
        }
        tokens = tokenList.toArray(String[]::new);
        tokenFolds = Arrays.stream(tokens).map(NameSimilarity::fold).toArray(String[]::new);
        tokenNames = new int[tokens.length][];
        for (int t = 0; t < tokens.length; t++) {
            List<Integer> p = postings.get(t);
            int[] a = new int[p.size()];
            for (int k = 0; k < a.length; k++) {
                a[k] = p.get(k);
            }
            Arrays.sort(a);
            tokenNames[t] = a;
        }
        // Document frequencies; a one-letter token stands for an initial, as common as names with a word of that
        // initial.
        Map<String, Integer> df = new HashMap<>(tokens.length * 2);
        Map<Character, Integer> initials = new HashMap<>();
        for (int n = 0; n < nNames; n++) {
            Set<Character> seen = new HashSet<>();
            for (String t : norm.get(n).tokens()) {
                if (!NameSimilarity.hasDigit(t) && seen.add(t.charAt(0))) {
                    initials.merge(t.charAt(0), 1, Integer::sum);
                }
            }
        }
        for (int t = 0; t < tokens.length; t++) {
            int d = tokenNames[t].length;
            if (tokens[t].length() == 1 && !NameSimilarity.isDigits(tokens[t])) {
                d = Math.max(d, initials.getOrDefault(tokens[t].charAt(0), 0));
            }
            df.put(tokens[t], d);
        }
        for (Map.Entry<Character, Integer> e : initials.entrySet()) {
            df.putIfAbsent(String.valueOf(e.getKey()), e.getValue()); // initials of queries that no name has alone
        }
        tokenDf = new int[tokens.length];
        tokenWeight = new double[tokens.length];
        TokenStats dfStats = TokenStats.of(df, nNames);
        for (int t = 0; t < tokens.length; t++) {
            tokenDf[t] = df.get(tokens[t]);
            tokenWeight[t] = dfStats.weightOf(tokenDf[t]);
        }
        List<Integer> spellToken = new ArrayList<>();
        List<Integer> spellGrams = new ArrayList<>();
        Map<Long, List<Integer>> grams = new HashMap<>();
        Map<String, List<Integer>> skeletons = new HashMap<>();
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].length() < 2 || NameSimilarity.hasDigit(tokens[t])) {
                continue;
            }
            for (String spelling : tokenFolds[t].equals(tokens[t]) ? List.of(tokens[t]) : List.of(tokens[t], tokenFolds[t])) {
                int e = spellToken.size();
                long[] g = grams(spelling);
                spellToken.add(t);
                spellGrams.add(g.length);
                for (long gram : g) {
                    grams.computeIfAbsent(gram, k -> new ArrayList<>()).add(e);
                }
            }
            String sk = NameSimilarity.skeleton(tokens[t]);
            if (!sk.isEmpty()) {
                skeletons.computeIfAbsent(sk, k -> new ArrayList<>()).add(t);
            }
        }
        spellingToken = spellToken.stream().mapToInt(Integer::intValue).toArray();
        spellingGrams = spellGrams.stream().mapToInt(Integer::intValue).toArray();
        gramSpellings = new GramMap(grams.size());
        for (Map.Entry<Long, List<Integer>> e : grams.entrySet()) {
            gramSpellings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        stats = dfStats;
        scorer = new MatchScorer(normalizer, stats);
        nameSide = new NameSimilarity.Side[nNames];
        nameInverseWeight = new float[nNames];
        for (int n = 0; n < nNames; n++) {
            NormalizedName nn = norm.get(n);
            int k = nn.tokens().size();
            int[] ids = new int[k];
            double[] w = new double[k];
            double[] r = new double[k];
            for (int i = 0; i < k; i++) {
                ids[i] = tokenIds.get(nn.tokens().get(i));
                int d = tokenDf[ids[i]];
                w[i] = stats.weightOf(d);
                r[i] = stats.rarityOf(d);
            }
            nameSide[n] = new NameSimilarity.Side(nn, w, r, ids, null);
            nameInverseWeight[n] = (float) (1.0 / nameSide[n].totalWeight);
        }
        skeletonTokens = toArrays(skeletons);
        scratch = ThreadLocal.withInitial(() -> new Scratch(nameSide.length, spellingToken.length));
    }

    /** Builds an index with the default threshold and candidate cap. */
    public static NameIndex build(Collection<MatchCandidate> candidates) {
        return build(candidates, new NameNormalizer(), DEFAULT_THRESHOLD, DEFAULT_CANDIDATE_CAP);
    }

    /** Builds an index with the default candidate cap; {@code threshold} is the score at or above which a name matches. */
    public static NameIndex build(Collection<MatchCandidate> candidates, double threshold) {
        return build(candidates, new NameNormalizer(), threshold, DEFAULT_CANDIDATE_CAP);
    }

    /** Builds an index; {@code threshold} is the score at or above which a name matches. */
    public static NameIndex build(Collection<MatchCandidate> candidates, NameNormalizer normalizer, double threshold,
                                  int candidateCap) {
        return build(candidates, normalizer, threshold, candidateCap, 1);
    }

    /**
     * Builds an index, normalising the names on {@code parallelism} threads (the calling one and as many more as
     * needed). Normalisation, ICU transliteration above all, is most of a build in a fresh JVM, and each name is
     * normalised on its own, so the index is the same whatever the parallelism: the names are put in the index in
     * the candidates' order afterwards, on the calling thread.
     */
    public static NameIndex build(Collection<MatchCandidate> candidates, NameNormalizer normalizer, double threshold,
                                  int candidateCap, int parallelism) {
        return new NameIndex(normalizer, candidates, threshold, candidateCap, parallelism);
    }

    /** Every name of every candidate normalised: {@code [candidate][0]} the primary name, then its aliases in order. */
    private static NormalizedName[][] normalizeAll(NameNormalizer normalizer, MatchCandidate[] candidates,
                                                   int parallelism) {
        NormalizedName[][] out = new NormalizedName[candidates.length][];
        // Blocks of candidates taken in turn, so that a thread that got the slow (non-Latin) names does not hold the
        // others up at the end.
        int block = 256;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int from = next.getAndAdd(block); from < candidates.length; from = next.getAndAdd(block)) {
                for (int i = from; i < Math.min(candidates.length, from + block); i++) {
                    MatchCandidate c = candidates[i];
                    NormalizedName[] names = new NormalizedName[1 + c.aliases().size()];
                    names[0] = normalizer.normalize(c.primaryName());
                    for (int k = 0; k < c.aliases().size(); k++) {
                        names[k + 1] = normalizer.normalize(c.aliases().get(k));
                    }
                    out[i] = names;
                }
            }
        };
        int helpers = Math.min(parallelism, (candidates.length + block - 1) / block) - 1;
        if (helpers <= 0) {
            work.run();
            return out;
        }
        // Threads of its own rather than a shared pool: a build is rare, and these end with it.
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(helpers);
        for (int t = 0; t < helpers; t++) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }, "name-index-build-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            work.run();
        } finally {
            for (Thread thread : threads) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while building the name index", e);
                }
            }
        }
        if (failed.get() != null) {
            throw new IllegalStateException("normalising the names of the index failed: " + failed.get(), failed.get());
        }
        return out;
    }

    public double threshold() {
        return threshold;
    }

    public int candidateCount() {
        return candidates.length;
    }

    public int nameCount() {
        return nameSide.length;
    }

    public int tokenCount() {
        return tokens.length;
    }

    /** The document frequencies of this index's tokens, which weigh every score it gives. */
    public TokenStats stats() {
        return stats;
    }

    /**
     * Best-scoring name of {@code candidate} for the query, whatever its score, with this index's token weights;
     * the candidate need not be in the index (for evaluating pairs of names as the index would score them).
     */
    public Match compare(MatchQuery query, MatchCandidate candidate) {
        return scorer.compare(query, candidate);
    }

    /** Matches at or above this index's threshold, best first. */
    public List<Match> match(MatchQuery query) {
        return search(query, threshold, 10).matches();
    }

    /** Matches at or above {@code threshold} (instead of the index's), best first. */
    public List<Match> match(MatchQuery query, double threshold) {
        return search(query, threshold, 10).matches();
    }

    /**
     * Matches at or above {@code threshold}, best first, at most {@code limit}, one per candidate (its best name),
     * with how many names the candidate index put forward and how many were scored.
     */
    public Result search(MatchQuery query, double threshold, int limit) {
        NormalizedName q = scorer.normalizer().normalize(query.name());
        if (q.isEmpty()) {
            return new Result(q, List.of(), 0, 0);
        }
        Scratch s = scratch.get();
        s.query++;
        try {
            int k = q.tokens().size();
            int[] slot = new int[k];
            double[] w = new double[k];
            double[] r = new double[k];
            boolean[] unseen = new boolean[k];
            Map<String, Integer> distinct = new HashMap<>(k * 2);
            for (int i = 0; i < k; i++) {
                String t = q.tokens().get(i);
                int d = stats.documentFrequency(t);
                w[i] = stats.weightOf(d);
                r[i] = stats.rarityOf(d);
                unseen[i] = d == 0;
                Integer prev = distinct.putIfAbsent(t, distinct.size());
                slot[i] = prev == null ? distinct.size() - 1 : prev;
            }
            NameSimilarity.Side qs = new NameSimilarity.Side(q, w, r, slot, unseen);
            int[] multiplicity = new int[distinct.size()];
            for (int i = 0; i < k; i++) {
                multiplicity[slot[i]]++;
            }
            boolean distinctive = false;
            for (int i = 0; i < k; i++) {
                distinctive |= r[i] >= NameSimilarity.RARITY_LOW;
            }
            boolean[] common = new boolean[k];
            boolean[] done = new boolean[distinct.size()];
            for (int i = 0; i < k; i++) {
                common[i] = distinctive && r[i] < NameSimilarity.RARITY_LOW;
                if (!done[slot[i]]) {
                    done[slot[i]] = true;
                    collect(s, slot[i], q.tokens().get(i), q.folded().get(i), q.abjad(), w[i], unseen[i],
                            multiplicity[slot[i]], common[i]);
                }
            }
            collectRunTogether(s, q.tokens(), w, q.abjad());
            // A common word held by too many names to put them forward still ranks the names already found: without
            // it "SYRIA INTERNATIONAL ISLAMIC BANK" ranked below "SYRISS" and was not scored.
            boolean[] credited = new boolean[distinct.size()];
            for (int i = 0; i < k; i++) {
                Integer exact = common[i] ? tokenIds.get(q.tokens().get(i)) : null;
                if (exact != null && tokenNames[exact].length > COMMON_POSTING_CAP && !credited[slot[i]]) {
                    credited[slot[i]] = true;
                    s.slot = slot[i];
                    creditFound(s, exact, w[i] * multiplicity[slot[i]], tokenWeight[exact] * multiplicity[slot[i]]);
                }
            }
            int considered = s.touchedNameCount;
            long[] ranked = top(s, candidateCap, qs.totalWeight);
            int scored = ranked.length;
            SimCache cache = s.sims;
            NameSimilarity.PairSims sims = (qq, i, c, j) -> {
                int t = c.ids[j];
                float v = cache.get(qq.ids[i], t);
                if (v < 0) {
                    v = (float) NameSimilarity.pair(qq, i, c, j);
                    cache.put(qq.ids[i], t, v);
                }
                return v;
            };
            Map<Integer, Match> best = new LinkedHashMap<>();
            for (int x = scored - 1; x >= 0; x--) {
                int n = (int) ranked[x];
                int ci = nameCandidate[n];
                Match prev = best.get(ci);
                // Another name of an entry that already matched must beat it: no explanation for a name that cannot.
                double need = prev == null ? threshold : Math.max(threshold, Math.nextUp(prev.score()));
                Match m = scorer.score(query, qs, candidates[ci], nameRaw[n], nameAlias[n], nameSide[n], need, sims);
                if (m != null && m.score() >= need) {
                    best.put(ci, m);
                }
            }
            List<Match> out = new ArrayList<>(best.values());
            out.sort(Comparator.comparingDouble(Match::score).reversed());
            if (out.size() > limit) {
                out = List.copyOf(out.subList(0, limit));
            }
            return new Result(q, out, considered, scored);
        } finally {
            for (int k = 0; k < s.touchedNameCount; k++) {
                s.nameWeight[s.touchedNames[k]] = 0;
                s.nameOwnWeight[s.touchedNames[k]] = 0;
            }
            s.touchedNameCount = 0;
            s.sims.clear();
        }
    }

    /**
     * The {@code cap} touched names of highest estimated score, as (estimate bits, name) longs in ascending order.
     * A name's collected weight {@code w} (its matched query weight, roughly) gives coverages {@code w / query
     * weight} and {@code w / name weight}; the estimate is the better one times {@code 0.5 + 0.5 *} the other, so
     * that a name that is little more than the query's rare words ranks above a long name that merely holds one.
     */
    private long[] top(Scratch s, int cap, double queryWeight) {
        float inverseQuery = (float) (1.0 / queryWeight);
        int n = s.touchedNameCount;
        int k = Math.min(cap, n);
        long[] heap = new long[k]; // min-heap of the best k so far
        int size = 0;
        for (int i = 0; i < n; i++) {
            int name = s.touchedNames[i];
            float a = Math.min(1f, s.nameWeight[name] * inverseQuery);
            float b = Math.min(1f, s.nameOwnWeight[name] * nameInverseWeight[name]);
            float estimate = Math.max(a, b) * (0.5f + 0.5f * Math.min(a, b));
            long key = ((long) Float.floatToIntBits(estimate) << 32) | name; // positive floats order like bits
            if (size < k) {
                heap[size] = key;
                int c = size++;
                while (c > 0 && heap[(c - 1) / 2] > heap[c]) {
                    long t = heap[c];
                    heap[c] = heap[(c - 1) / 2];
                    heap[(c - 1) / 2] = t;
                    c = (c - 1) / 2;
                }
            } else if (k > 0 && key > heap[0]) {
                heap[0] = key;
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    int r = l + 1;
                    int m = c;
                    if (l < k && heap[l] < heap[m]) {
                        m = l;
                    }
                    if (r < k && heap[r] < heap[m]) {
                        m = r;
                    }
                    if (m == c) {
                        break;
                    }
                    long t = heap[c];
                    heap[c] = heap[m];
                    heap[m] = t;
                    c = m;
                }
            }
        }
        Arrays.sort(heap);
        return heap;
    }

    /**
     * Credits the names holding dictionary tokens similar to query token {@code qt} with the pair's weight times its
     * similarity, the pair's weight counted as in the score: the query token's, the dictionary token's when no name
     * holds the query token (a misspelling is as common as the word), the smaller when either is an initial; times
     * how often the token is in the query.
     */
    private void collect(Scratch s, int slot, String qt, String fq, boolean abjad, double weight, boolean unseen,
                         int times, boolean common) {
        s.slot = slot;
        SimCache cache = s.sims;
        Integer exact = tokenIds.get(qt);
        if (exact != null) {
            cache.put(slot, exact, 1f);
            if (!common || tokenNames[exact].length <= COMMON_POSTING_CAP) {
                add(s, exact, weight * times, tokenWeight[exact] * times);
            }
        }
        if (common || qt.length() < 2 || NameSimilarity.hasDigit(qt)) {
            return;
        }
        double minDice = MIN_DICE;
        for (String probe : fq.equals(qt) ? List.of(qt) : List.of(qt, fq)) {
            long[] g = grams(probe);
            int[][] postings = new int[g.length][];
            for (int k = 0; k < g.length; k++) {
                postings[k] = gramSpellings.get(g[k]);
            }
            // The longest postings (common n-grams such as " al") are not walked: up to (g - 1) / 4 of them, counted
            // as shared by every spelling. A spelling holding only skipped n-grams shares at most (g - 1) / 4 with
            // the token, under the Dice minimum however long it is, so no spelling that could pass is lost.
            int skipped = 0;
            for (int maxSkip = (g.length - 1) / 4; skipped < maxSkip; skipped++) {
                int longest = -1;
                for (int k = 0; k < g.length; k++) {
                    if (postings[k] != null && postings[k].length > LONG_POSTING
                            && (longest < 0 || postings[k].length > postings[longest].length)) {
                        longest = k;
                    }
                }
                if (longest < 0) {
                    break;
                }
                postings[longest] = null;
            }
            for (int[] es : postings) {
                if (es == null) {
                    continue;
                }
                for (int e : es) {
                    if (s.gramCount[e]++ == 0) {
                        s.touchedSpellings[s.touchedSpellingCount++] = e;
                    }
                }
            }
            for (int k = 0; k < s.touchedSpellingCount; k++) {
                int e = s.touchedSpellings[k];
                int count = s.gramCount[e] + skipped;
                s.gramCount[e] = 0;
                if (2.0 * count / (g.length + spellingGrams[e]) < minDice) {
                    continue;
                }
                int t = spellingToken[e];
                if (cache.get(slot, t) >= 0) {
                    continue; // the exact token, or reached by the other spelling
                }
                double sim = NameSimilarity.similar(qt, fq, tokens[t], tokenFolds[t], abjad);
                cache.put(slot, t, (float) sim);
                if (sim > 0) {
                    double ev = NameSimilarity.evidence(sim) * times;
                    add(s, t, ev * pairWeight(weight, unseen, qt, t), ev * ownWeight(weight, qt, t));
                }
            }
            s.touchedSpellingCount = 0;
        }
        if (abjad) {
            int[] ts = skeletonTokens.get(NameSimilarity.skeleton(qt));
            if (ts != null) {
                for (int t : ts) {
                    if (cache.get(slot, t) < 0) {
                        double sim = NameSimilarity.token(qt, fq, tokens[t], tokenFolds[t], true);
                        cache.put(slot, t, (float) sim);
                        if (sim > 0) {
                            double ev = NameSimilarity.evidence(sim) * times;
                            add(s, t, ev * pairWeight(weight, unseen, qt, t), ev * ownWeight(weight, qt, t));
                        }
                    }
                }
            }
        }
    }

    /**
     * Names whose tokens are the query's written together or apart: a query token that splits into two dictionary
     * tokens ({@code ramimakhlouf} = rami + makhlouf) credits the names holding them, each with its share of the
     * query token's weight; two or three adjacent query tokens that, joined, are a dictionary token
     * ({@code jin ping} = jinping; in an abjad, of the same consonant skeleton: {@code bd allh} / abdullah) credit its
     * names with their weight. The full comparison then pairs them.
     */
    private void collectRunTogether(Scratch s, List<String> q, double[] w, boolean abjad) {
        int pseudo = 1 << 19; // slots of their own, above the query's tokens': these credits add up
        for (int i = 0; i < q.size(); i++) {
            String t = q.get(i);
            if (t.length() >= 6 && !tokenIds.containsKey(t) && !NameSimilarity.hasDigit(t)) {
                for (int cut = 2; cut <= t.length() - 2; cut++) {
                    Integer a = tokenIds.get(t.substring(0, cut));
                    Integer b = a == null ? null : tokenIds.get(t.substring(cut));
                    if (b != null) {
                        s.slot = pseudo++;
                        add(s, a, w[i] * cut / t.length(), tokenWeight[a]);
                        s.slot = pseudo++;
                        add(s, b, w[i] * (t.length() - cut) / t.length(), tokenWeight[b]);
                    }
                }
            }
            StringBuilder joined = new StringBuilder(t);
            double weight = w[i];
            for (int j = i + 1; j < Math.min(q.size(), i + 3); j++) {
                joined.append(q.get(j));
                weight += w[j];
                Integer id = tokenIds.get(joined.toString());
                s.slot = pseudo++;
                if (id != null) {
                    add(s, id, weight, tokenWeight[id]);
                } else if (abjad) {
                    int[] ts = skeletonTokens.get(NameSimilarity.skeleton(joined.toString()));
                    if (ts != null && ts.length <= 50) {
                        for (int tok : ts) {
                            double v = Math.min(weight, tokenWeight[tok]) * 0.9;
                            add(s, tok, v, v);
                        }
                    }
                }
            }
        }
    }

    private double pairWeight(double queryWeight, boolean unseen, String qt, int t) {
        double w = tokenWeight[t];
        if (qt.length() == 1 || tokens[t].length() == 1) {
            return Math.min(queryWeight, w);
        }
        return unseen ? w : queryWeight;
    }

    /** The name-side weight of dictionary token {@code t} when query token {@code qt} pairs with it. */
    private double ownWeight(double queryWeight, String qt, int t) {
        double w = tokenWeight[t];
        return qt.length() == 1 || tokens[t].length() == 1 ? Math.min(queryWeight, w) : w;
    }

    /** As {@link #add}, but only the names already put forward. */
    private void creditFound(Scratch s, int token, double weight, double own) {
        int[] posting = tokenNames[token];
        float w = (float) weight;
        float o = (float) own;
        if (s.touchedNameCount < posting.length) {
            for (int k = 0; k < s.touchedNameCount; k++) {
                int n = s.touchedNames[k];
                for (int id : nameSide[n].ids) {
                    if (id == token) {
                        s.nameWeight[n] += w;
                        s.nameOwnWeight[n] += o;
                        break;
                    }
                }
            }
        } else {
            for (int n : posting) {
                if (s.nameWeight[n] != 0) {
                    s.nameWeight[n] += w;
                    s.nameOwnWeight[n] += o;
                }
            }
        }
    }

    /** Credits the names holding {@code token}: {@code weight} on the query's side, {@code own} on the name's. */
    private void add(Scratch s, int token, double weight, double own) {
        float w = (float) weight;
        float o = (float) own;
        long key = s.query << 20 | s.slot;
        for (int n : tokenNames[token]) {
            if (s.nameWeight[n] == 0) {
                s.touchedNames[s.touchedNameCount++] = n;
            }
            if (s.creditKey[n] != key) {
                s.creditKey[n] = key;
                s.credit[n] = w;
                s.ownCredit[n] = o;
                s.nameWeight[n] += w;
                s.nameOwnWeight[n] += o;
            } else {
                if (w > s.credit[n]) {
                    s.nameWeight[n] += w - s.credit[n];
                    s.credit[n] = w;
                }
                if (o > s.ownCredit[n]) {
                    s.nameOwnWeight[n] += o - s.ownCredit[n];
                    s.ownCredit[n] = o;
                }
            }
        }
    }

    /** Length of the character n-grams the candidate index is built on. */
    static final int GRAM = 3;

    /** The distinct n-grams ({@value #GRAM} characters) of a token padded with a space at either end. */
    static long[] grams(String token) {
        int padded = token.length() + 2;
        int n = padded - GRAM + 1;
        long[] out = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long g = 0;
            for (int k = i; k < i + GRAM; k++) {
                char c = k == 0 || k == padded - 1 ? ' ' : token.charAt(k - 1);
                g = g << 16 | c;
            }
            boolean seen = false;
            for (int k = 0; k < size && !seen; k++) {
                seen = out[k] == g;
            }
            if (!seen) {
                out[size++] = g;
            }
        }
        return size == n ? out : Arrays.copyOf(out, size);
    }

    /** n-gram to the spellings holding it, open addressing. */
    private static final class GramMap {
        private final long[] keys;
        private final int[][] values;

        GramMap(int size) {
            int cap = Integer.highestOneBit(Math.max(4, size * 2)) * 2;
            keys = new long[cap];
            values = new int[cap][];
        }

        void put(long key, int[] value) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    keys[i] = key;
                    values[i] = value;
                    return;
                }
            }
        }

        int[] get(long key) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                int[] v = values[i];
                if (v == null || keys[i] == key) {
                    return v;
                }
            }
        }

        private static int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        for (Map.Entry<String, List<Integer>> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
