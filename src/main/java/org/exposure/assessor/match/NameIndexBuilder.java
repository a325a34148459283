package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Builds a {@link NameIndex}: normalises every primary name and alias, keeps each entry's distinct normalised names,
 * makes the token dictionary with its postings and document frequencies (the {@link TokenStats} that weigh every
 * score), indexes the spellings by trigram and the tokens by consonant skeleton, and prepares each name for
 * comparison. One builder per build.
 */
final class NameIndexBuilder {

    private final NameNormalizer normalizer;
    private final int parallelism;

    // The distinct normalised names, each with its entry, its text as listed and whether it is an alias; a name in
    // another script has a slot per reading (linked by their group: the listed name they read), its system kept.
    private final List<Integer> nameCandidate = new ArrayList<>();
    private final List<String> nameRaw = new ArrayList<>();
    private final List<Boolean> nameAlias = new ArrayList<>();
    private final List<NormalizedName> names = new ArrayList<>();
    private final List<String> nameReading = new ArrayList<>();
    private final List<Integer> nameGroup = new ArrayList<>();
    private int groups;
    // The token dictionary: each distinct token, its id, its folded form and the names holding it (sorted).
    private final Map<String, Integer> tokenIds = new HashMap<>();
    private String[] tokens;
    private String[] tokenFolds;
    private int[][] tokenNames;
    private int[] tokenDf;
    private double[] tokenWeight;
    private TokenStats stats;
    /** The statistics of another index to weigh with instead of this index's own; null: its own. */
    private TokenStats given;

    /**
     * A builder normalising the names on {@code parallelism} threads (the calling one and as many more as needed).
     * Normalisation, ICU transliteration above all, is most of a build in a fresh JVM, and each name is normalised
     * on its own, so the index is the same whatever the parallelism: the names are put in the index in the
     * candidates' order afterwards, on the calling thread.
     */
    NameIndexBuilder(NameNormalizer normalizer, int parallelism) {
        this.normalizer = normalizer;
        this.parallelism = parallelism;
    }

    /**
     * Weighs every token as {@code stats} does instead of by the frequencies in the names built: a small index over a
     * few entries of a larger one then scores each of them exactly as the larger one would.
     */
    NameIndexBuilder weighedAs(TokenStats stats) {
        this.given = stats;
        return this;
    }

    NameIndex build(Collection<MatchCandidate> input, double threshold, int candidateCap) {
        MatchCandidate[] candidates = input.toArray(MatchCandidate[]::new);
        distinctNames(candidates, normalizeAll(candidates));
        dictionary();
        documentFrequencies();
        CandidateIndex index = spellings();
        return new NameIndex(new MatchScorer(normalizer, stats), candidates,
                nameCandidate.stream().mapToInt(Integer::intValue).toArray(), nameRaw.toArray(String[]::new),
                toBooleans(nameAlias), nameReading.toArray(String[]::new), index, threshold, candidateCap);
    }

    /**
     * Each candidate's distinct non-empty normalised names, primary name first, each reading of a name in another
     * script a name of its own (the readings that a name listed before already gave are not repeated).
     */
    private void distinctNames(MatchCandidate[] candidates, NameNormalizer.Reading[][][] normalized) {
        for (int i = 0; i < candidates.length; i++) {
            MatchCandidate c = candidates[i];
            Set<List<String>> seen = new HashSet<>();
            List<String> raw = new ArrayList<>(1 + c.aliases().size());
            raw.add(c.primaryName());
            raw.addAll(c.aliases());
            for (int k = 0; k < raw.size(); k++) {
                boolean added = false;
                for (NameNormalizer.Reading reading : normalized[i][k]) {
                    NormalizedName n = reading.name();
                    if (n.isEmpty() || !seen.add(n.tokens())) {
                        continue;
                    }
                    nameCandidate.add(i);
                    nameRaw.add(raw.get(k));
                    nameAlias.add(k > 0);
                    names.add(n);
                    nameReading.add(reading.system());
                    nameGroup.add(groups);
                    added = true;
                }
                if (added) {
                    groups++;
                }
            }
        }
    }

    /** The distinct tokens in order of first appearance, with the names holding each. */
    private void dictionary() {
        List<String> tokenList = new ArrayList<>();
        List<List<Integer>> postings = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            for (String t : new HashSet<>(names.get(n).tokens())) {
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
        tokenFolds = Arrays.stream(tokens).map(TokenSimilarity::fold).toArray(String[]::new);
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
    }

    /**
     * Document frequencies, over the names as listed: the readings of one name count once, so that a name in another
     * script weighs its tokens as much as one in Latin script does and the Latin names' weights do not depend on how
     * many readings the others have. A one-letter token stands for an initial, as common as names with a word of
     * that initial.
     */
    private void documentFrequencies() {
        Map<String, Integer> df = new HashMap<>(tokens.length * 2);
        Map<Character, Integer> initials = new HashMap<>();
        Set<Character> seen = new HashSet<>();
        for (int n = 0; n < names.size(); n++) {
            if (n == 0 || !nameGroup.get(n).equals(nameGroup.get(n - 1))) {
                seen.clear();
            }
            for (String t : names.get(n).tokens()) {
                if (!TokenSimilarity.hasDigit(t) && seen.add(t.charAt(0))) {
                    initials.merge(t.charAt(0), 1, Integer::sum);
                }
            }
        }
        for (int t = 0; t < tokens.length; t++) {
            int d = groupsOf(tokenNames[t]);
            if (tokens[t].length() == 1 && !TokenSimilarity.isDigits(tokens[t])) {
                d = Math.max(d, initials.getOrDefault(tokens[t].charAt(0), 0));
            }
            df.put(tokens[t], d);
        }
        for (Map.Entry<Character, Integer> e : initials.entrySet()) {
            df.putIfAbsent(String.valueOf(e.getKey()), e.getValue()); // initials of queries that no name has alone
        }
        tokenDf = new int[tokens.length];
        tokenWeight = new double[tokens.length];
        stats = given != null ? given : TokenStats.of(df, groups);
        for (int t = 0; t < tokens.length; t++) {
            tokenDf[t] = given != null ? Math.max(1, given.documentFrequency(tokens[t])) : df.get(tokens[t]);
            tokenWeight[t] = stats.weightOf(tokenDf[t]);
        }
    }

    /**
     * The lookup tables: each token of two letters or more without a digit indexed by its trigrams (and its folded
     * form's, when that differs) and by its consonant skeleton; and every name prepared for comparison.
     */
    private CandidateIndex spellings() {
        List<Integer> spellToken = new ArrayList<>();
        List<Integer> spellGrams = new ArrayList<>();
        Map<Long, List<Integer>> grams = new HashMap<>();
        Map<String, List<Integer>> skeletons = new HashMap<>();
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t].length() < 2 || TokenSimilarity.hasDigit(tokens[t])) {
                continue;
            }
            for (String spelling : tokenFolds[t].equals(tokens[t]) ? List.of(tokens[t]) : List.of(tokens[t], tokenFolds[t])) {
                int e = spellToken.size();
                long[] g = Trigrams.grams(spelling);
                spellToken.add(t);
                spellGrams.add(g.length);
                for (long gram : g) {
                    grams.computeIfAbsent(gram, k -> new ArrayList<>()).add(e);
                }
            }
            String sk = TokenSimilarity.skeleton(tokens[t]);
            if (!sk.isEmpty()) {
                skeletons.computeIfAbsent(sk, k -> new ArrayList<>()).add(t);
            }
        }
        Trigrams.GramMap gramSpellings = new Trigrams.GramMap(grams.size());
        for (Map.Entry<Long, List<Integer>> e : grams.entrySet()) {
            gramSpellings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return new CandidateIndex(sides(), stats, tokens, tokenFolds, tokenIds, tokenNames, tokenWeight,
                spellToken.stream().mapToInt(Integer::intValue).toArray(),
                spellGrams.stream().mapToInt(Integer::intValue).toArray(), gramSpellings, toArrays(skeletons));
    }

    /** How many listed names (groups of readings) the names of a sorted posting belong to. */
    private int groupsOf(int[] posting) {
        int d = 0;
        int last = -1;
        for (int n : posting) {
            int g = nameGroup.get(n);
            if (g != last) {
                d++;
                last = g;
            }
        }
        return d;
    }

    /** Every name with its tokens' dictionary ids, weights and rarities. */
    private NameSide[] sides() {
        NameSide[] out = new NameSide[names.size()];
        for (int n = 0; n < out.length; n++) {
            NormalizedName nn = names.get(n);
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
            out[n] = new NameSide(nn, w, r, ids, null);
        }
        return out;
    }

    /**
     * Every name of every candidate in all its readings: {@code [candidate][0]} the primary name, then its aliases in
     * order.
     */
    private NameNormalizer.Reading[][][] normalizeAll(MatchCandidate[] candidates) {
        NameNormalizer.Reading[][][] out = new NameNormalizer.Reading[candidates.length][][];
        // Blocks of candidates taken in turn, so that a thread that got the slow (non-Latin) names does not hold the
        // others up at the end.
        int block = 256;
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int from = next.getAndAdd(block); from < candidates.length; from = next.getAndAdd(block)) {
                for (int i = from; i < Math.min(candidates.length, from + block); i++) {
                    MatchCandidate c = candidates[i];
                    NameNormalizer.Reading[][] names = new NameNormalizer.Reading[1 + c.aliases().size()][];
                    names[0] = normalizer.readings(c.primaryName()).toArray(NameNormalizer.Reading[]::new);
                    for (int k = 0; k < c.aliases().size(); k++) {
                        names[k + 1] = normalizer.readings(c.aliases().get(k)).toArray(NameNormalizer.Reading[]::new);
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

    private static boolean[] toBooleans(List<Boolean> list) {
        boolean[] out = new boolean[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = list.get(i);
        }
        return out;
    }

    private static Map<String, int[]> toArrays(Map<String, List<Integer>> m) {
        Map<String, int[]> out = new HashMap<>(m.size() * 2);
        for (Map.Entry<String, List<Integer>> e : m.entrySet()) {
            out.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }
}
