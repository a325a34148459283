package org.exposure.assessor.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * The lookup and ranking half of a {@link NameIndex}: which of its names a query puts forward for scoring, best
 * first.
 * <p>
 * Every distinct token of the index's names is in a dictionary with, per token, the names that contain it, and
 * each token and its {@linkplain TokenSimilarity#fold folded} form are indexed by their character
 * {@linkplain Trigrams trigrams}. A query token (and its folded form) looks up its exact token, then the dictionary
 * spellings sharing enough trigrams (Dice coefficient at least {@value #MIN_DICE}; the longest trigram postings are
 * not walked, see {@link #LONG_POSTING}) whose {@link TokenSimilarity#token token similarity} reaches
 * {@value TokenSimilarity#MIN_TOKEN}, the dictionary tokens it splits into or that adjacent query tokens join to,
 * for a person's query the tokens that are its tokens' {@linkplain Nicknames nicknames}, and for names from an abjad
 * the tokens of equal consonant skeleton. In a query with a distinctive token its common
 * tokens are not expanded (see {@link #COMMON_POSTING_CAP}). The names holding the tokens found collect the pair's
 * weight times its similarity, and are ranked by an estimate of their score ({@link QueryScratch#top}). A query
 * therefore never scans the list. Built by {@link NameIndexBuilder}.
 */
final class CandidateIndex {

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
    /** Least trigram overlap (Dice) of a query token with a dictionary spelling for their similarity to be computed. */
    static final double MIN_DICE = 0.5;

    private final NameSide[] nameSide;
    /** 1 / the name's total token weight, for ranking candidates without touching their NameSide. */
    private final float[] nameInverseWeight;
    private final TokenStats stats;
    private final String[] tokens;
    private final String[] tokenFolds;
    private final Map<String, Integer> tokenIds;
    private final int[][] tokenNames;
    private final double[] tokenWeight;
    /** Spellings indexed by trigram: each token, and its folded form when that differs. */
    private final int[] spellingToken;
    private final int[] spellingGrams;
    private final Trigrams.GramMap gramSpellings;
    private final Map<String, int[]> skeletonTokens;
    /**
     * Working memories (a few MB each, sized by the index), lent to one query at a time. Not one per thread: a
     * service under load runs up to hundreds of worker threads, and a memory for each of them ran a 1 GB heap out;
     * the matching is CPU-bound, so no more queries than twice the cores run at once, and the memories are as many.
     */
    private final ConcurrentLinkedQueue<QueryScratch> idleScratch = new ConcurrentLinkedQueue<>();
    private final Semaphore scratchPermits = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    /**
     * Per dictionary token, its {@link #neighbours} once a query has asked for them (for queries not from an abjad,
     * and for those from one): most tokens of the names screened are tokens of the lists, and the trigram walk and
     * the similarities it computes were most of a lookup's work that is not crediting names. At most one entry per
     * dictionary token, so bounded by the index.
     */
    private final Neighbours[] neighbours;
    private final Neighbours[] abjadNeighbours;
    /**
     * Per {@link Nicknames} id, the dictionary tokens that are its name or nickname (Theodore's: ted, teddy, theo when
     * the lists hold them), so that a person's query "Ted Doe" puts forward "Theodore Doe" without a trigram in common.
     */
    private final int[][] nicknameTokens;

    /**
     * Dictionary tokens and their similarities with one query token, in the order the lookup computed them, and
     * the same by token id ({@link #sim}) for the scoring that follows.
     */
    static final class Neighbours {
        final int[] tokens;
        final double[] sims;
        /** Open addressing: token id + 1 (0 marks an empty cell) to the similarity as a float. */
        private final int[] keys;
        private final float[] values;

        Neighbours(int[] tokens, double[] sims) {
            this.tokens = tokens;
            this.sims = sims;
            int cap = Integer.highestOneBit(Math.max(2, tokens.length) * 2) * 2;
            keys = new int[cap];
            values = new float[cap];
            int mask = cap - 1;
            for (int k = 0; k < tokens.length; k++) {
                int i = hash(tokens[k]) & mask;
                while (keys[i] != 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = tokens[k] + 1;
                values[i] = (float) sims[k];
            }
        }

        /** The similarity with dictionary token {@code t} as the query's cache holds it, or -1 when not computed. */
        float sim(int t) {
            int mask = keys.length - 1;
            for (int i = hash(t) & mask; ; i = (i + 1) & mask) {
                int at = keys[i];
                if (at == t + 1) {
                    return values[i];
                }
                if (at == 0) {
                    return -1;
                }
            }
        }

        private static int hash(int t) {
            int h = t * 0x9E3779B9;
            return h ^ (h >>> 16);
        }
    }

    CandidateIndex(NameSide[] nameSide, TokenStats stats, String[] tokens, String[] tokenFolds,
                   Map<String, Integer> tokenIds, int[][] tokenNames, double[] tokenWeight, int[] spellingToken,
                   int[] spellingGrams, Trigrams.GramMap gramSpellings, Map<String, int[]> skeletonTokens) {
        this.nameSide = nameSide;
        this.stats = stats;
        this.tokens = tokens;
        this.tokenFolds = tokenFolds;
        this.tokenIds = tokenIds;
        this.tokenNames = tokenNames;
        this.tokenWeight = tokenWeight;
        this.spellingToken = spellingToken;
        this.spellingGrams = spellingGrams;
        this.gramSpellings = gramSpellings;
        this.skeletonTokens = skeletonTokens;
        this.nameInverseWeight = new float[nameSide.length];
        for (int n = 0; n < nameSide.length; n++) {
            nameInverseWeight[n] = (float) (1.0 / nameSide[n].totalWeight);
        }
        this.neighbours = new Neighbours[tokens.length];
        this.abjadNeighbours = new Neighbours[tokens.length];
        this.nicknameTokens = nicknameTokens(tokens);
    }

    private static int[][] nicknameTokens(String[] tokens) {
        Nicknames table = Nicknames.get();
        int[] count = new int[table.size()];
        for (String t : tokens) {
            int id = table.id(t);
            if (id >= 0) {
                for (int r : table.relatedTo(id)) {
                    count[r]++;
                }
            }
        }
        int[][] out = new int[table.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new int[count[i]];
            count[i] = 0;
        }
        for (int t = 0; t < tokens.length; t++) {
            int id = table.id(tokens[t]);
            if (id >= 0) {
                for (int r : table.relatedTo(id)) {
                    out[r][count[r]++] = t;
                }
            }
        }
        return out;
    }

    TokenStats stats() {
        return stats;
    }

    int nameCount() {
        return nameSide.length;
    }

    int tokenCount() {
        return tokens.length;
    }

    NameSide name(int n) {
        return nameSide[n];
    }

    /**
     * A working memory for one query, waiting while as many queries as there are memories run; to be given back
     * with {@link #release} when the query is done, however it ends.
     */
    QueryScratch scratch() {
        scratchPermits.acquireUninterruptibly();
        QueryScratch s = idleScratch.poll();
        if (s != null) {
            return s;
        }
        try {
            return new QueryScratch(nameInverseWeight, nameSide, spellingToken.length, tokens.length);
        } catch (RuntimeException | Error e) {
            scratchPermits.release();
            throw e;
        }
    }

    /** Takes back a memory lent by {@link #scratch}, reset for the next query. */
    void release(QueryScratch s) {
        try {
            s.reset();
            idleScratch.offer(s);
        } finally {
            scratchPermits.release();
        }
    }

    /**
     * The query prepared for comparison with this index's names: its tokens weighted by this index's statistics,
     * its ids the slots of its distinct tokens (the keys of the query's similarity cache).
     */
    NameSide query(NormalizedName q) {
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
        return new NameSide(q, w, r, slot, unseen);
    }

    /**
     * The names put forward for query {@code qs} ({@link #query}), at most {@code cap}, as (estimate bits, name)
     * longs in ascending order of estimate; {@link QueryScratch#touchedNameCount} then says how many were
     * considered. {@code persons}: the query may be a person's, so the names holding its tokens' nicknames are put
     * forward too.
     */
    long[] lookup(QueryScratch s, NameSide qs, int cap, boolean persons) {
        NormalizedName q = qs.name;
        int k = qs.size();
        int[] slot = qs.ids;
        double[] w = qs.weight;
        double[] r = qs.rarity;
        int distinct = 0;
        for (int i = 0; i < k; i++) {
            distinct = Math.max(distinct, slot[i] + 1);
        }
        int[] multiplicity = new int[distinct];
        for (int i = 0; i < k; i++) {
            multiplicity[slot[i]]++;
        }
        boolean distinctive = false;
        for (int i = 0; i < k; i++) {
            distinctive |= r[i] >= NameSimilarity.RARITY_LOW;
        }
        boolean[] common = new boolean[k];
        boolean[] done = new boolean[distinct];
        for (int i = 0; i < k; i++) {
            common[i] = distinctive && r[i] < NameSimilarity.RARITY_LOW;
            if (!done[slot[i]]) {
                done[slot[i]] = true;
                collect(s, slot[i], q.tokens().get(i), q.folded().get(i), q.abjad(), w[i], qs.unseen(i),
                        multiplicity[slot[i]], common[i], persons ? qs.nickname[i] : -1);
            }
        }
        collectRunTogether(s, q.tokens(), w, q.abjad());
        // A common word held by too many names to put them forward still ranks the names already found: without
        // it "SYRIA INTERNATIONAL ISLAMIC BANK" ranked below "SYRISS" and was not scored.
        boolean[] credited = new boolean[distinct];
        for (int i = 0; i < k; i++) {
            Integer exact = common[i] ? tokenIds.get(q.tokens().get(i)) : null;
            if (exact != null && tokenNames[exact].length > COMMON_POSTING_CAP && !credited[slot[i]]) {
                credited[slot[i]] = true;
                s.slot(slot[i]);
                int times = multiplicity[slot[i]];
                s.creditFound(tokenNames[exact], exact, w[i] * times, tokenWeight[exact] * times);
            }
        }
        return s.top(cap, qs.totalWeight);
    }

    /**
     * Token similarities for scoring the names put forward: those the lookup computed, the others computed once per
     * query and kept.
     */
    PairSims cachedSims(QueryScratch s) {
        SimCache cache = s.sims;
        return (qq, i, c, j) -> {
            int t = c.ids[j];
            float v = cache.get(qq.ids[i], t);
            if (v < 0) {
                v = s.neighbourSim(qq.ids[i], t);
            }
            if (v < 0) {
                v = (float) PairSims.direct(qq, i, c, j);
                cache.put(qq.ids[i], t, v);
            }
            return v;
        };
    }

    /**
     * Credits the names holding dictionary tokens similar to query token {@code qt} with the pair's weight times its
     * similarity, the pair's weight counted as in the score: the query token's, the dictionary token's when no name
     * holds the query token (a misspelling is as common as the word), the smaller when either is an initial; times
     * how often the token is in the query.
     */
    private void collect(QueryScratch s, int slot, String qt, String fq, boolean abjad, double weight, boolean unseen,
                         int times, boolean common, int nickname) {
        s.slot(slot);
        SimCache cache = s.sims;
        Integer exact = tokenIds.get(qt);
        if (exact != null) {
            cache.put(slot, exact, 1f);
            if (!common || tokenNames[exact].length <= COMMON_POSTING_CAP) {
                s.credit(tokenNames[exact], weight * times, tokenWeight[exact] * times);
            }
        }
        if (common || qt.length() < 2 || TokenSimilarity.hasDigit(qt)) {
            return;
        }
        if (nickname >= 0) {
            double ev = NameSimilarity.evidence(Nicknames.SIMILARITY) * times;
            for (int t : nicknameTokens[nickname]) {
                s.credit(tokenNames[t], ev * pairWeight(weight, unseen, qt, t), ev * ownWeight(weight, qt, t));
            }
        }
        Neighbours nb;
        if (exact != null && fq.equals(tokenFolds[exact])) {
            // A token of the dictionary: its neighbours depend on nothing but the token and the index.
            Neighbours[] memo = abjad ? abjadNeighbours : neighbours;
            nb = memo[exact];
            if (nb == null) {
                nb = neighbours(s, exact, qt, fq, abjad);
                memo[exact] = nb; // immutable, so a racing thread at worst computes the same again
            }
        } else {
            nb = neighbours(s, exact == null ? -1 : exact, qt, fq, abjad);
        }
        s.neighbours(slot, nb); // the similarities the scoring asks for (cachedSims)
        for (int k = 0; k < nb.tokens.length; k++) {
            double sim = nb.sims[k];
            if (sim > 0) {
                int t = nb.tokens[k];
                double ev = NameSimilarity.evidence(sim) * times;
                s.credit(tokenNames[t], ev * pairWeight(weight, unseen, qt, t), ev * ownWeight(weight, qt, t));
            }
        }
    }

    /**
     * The dictionary tokens whose similarity with query token {@code qt} a lookup computes, in the order computed,
     * with their similarities (0 included): the spellings sharing enough trigrams with the token or its folded form,
     * and in an abjad the tokens of the same consonant skeleton. Each token once, and not {@code exact} (the
     * token itself, when the dictionary holds it; -1 when not).
     */
    private Neighbours neighbours(QueryScratch s, int exact, String qt, String fq, boolean abjad) {
        int mark = s.markTokens();
        int[] marks = s.tokenMark;
        if (exact >= 0) {
            marks[exact] = mark;
        }
        int[] found = new int[16];
        double[] sims = new double[16];
        int size = 0;
        double minDice = MIN_DICE;
        for (String probe : fq.equals(qt) ? List.of(qt) : List.of(qt, fq)) {
            long[] g = Trigrams.grams(probe);
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
                if (marks[t] == mark) {
                    continue; // the exact token, or reached by the other spelling
                }
                marks[t] = mark;
                double sim = TokenSimilarity.similar(qt, fq, tokens[t], tokenFolds[t], abjad);
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                    sims = Arrays.copyOf(sims, size * 2);
                }
                found[size] = t;
                sims[size++] = sim;
            }
            s.touchedSpellingCount = 0;
        }
        if (abjad) {
            int[] ts = skeletonTokens.get(TokenSimilarity.skeleton(qt));
            if (ts != null) {
                for (int t : ts) {
                    if (marks[t] != mark) {
                        marks[t] = mark;
                        double sim = TokenSimilarity.token(qt, fq, tokens[t], tokenFolds[t], true);
                        if (size == found.length) {
                            found = Arrays.copyOf(found, size * 2);
                            sims = Arrays.copyOf(sims, size * 2);
                        }
                        found[size] = t;
                        sims[size++] = sim;
                    }
                }
            }
        }
        return new Neighbours(Arrays.copyOf(found, size), Arrays.copyOf(sims, size));
    }

    /**
     * Names whose tokens are the query's written together or apart: a query token that splits into two dictionary
     * tokens ({@code ramimakhlouf} = rami + makhlouf) credits the names holding them, each with its share of the
     * query token's weight; two or three adjacent query tokens that, joined, are a dictionary token
     * ({@code jin ping} = jinping; in an abjad, of the same consonant skeleton: {@code bd allh} / abdullah) credit its
     * names with their weight. The full comparison then pairs them.
     */
    private void collectRunTogether(QueryScratch s, List<String> q, double[] w, boolean abjad) {
        int pseudo = 1 << 19; // slots of their own, above the query's tokens': these credits add up
        for (int i = 0; i < q.size(); i++) {
            String t = q.get(i);
            if (t.length() >= 6 && !tokenIds.containsKey(t) && !TokenSimilarity.hasDigit(t)) {
                for (int cut = 2; cut <= t.length() - 2; cut++) {
                    Integer a = tokenIds.get(t.substring(0, cut));
                    Integer b = a == null ? null : tokenIds.get(t.substring(cut));
                    if (b != null) {
                        s.slot(pseudo++);
                        s.credit(tokenNames[a], w[i] * cut / t.length(), tokenWeight[a]);
                        s.slot(pseudo++);
                        s.credit(tokenNames[b], w[i] * (t.length() - cut) / t.length(), tokenWeight[b]);
                    }
                }
            }
            StringBuilder joined = new StringBuilder(t);
            double weight = w[i];
            for (int j = i + 1; j < Math.min(q.size(), i + 3); j++) {
                joined.append(q.get(j));
                weight += w[j];
                Integer id = tokenIds.get(joined.toString());
                s.slot(pseudo++);
                if (id != null) {
                    s.credit(tokenNames[id], weight, tokenWeight[id]);
                } else if (abjad) {
                    int[] ts = skeletonTokens.get(TokenSimilarity.skeleton(joined.toString()));
                    if (ts != null && ts.length <= 50) {
                        for (int tok : ts) {
                            double v = Math.min(weight, tokenWeight[tok]) * 0.9;
                            s.credit(tokenNames[tok], v, v);
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

}
