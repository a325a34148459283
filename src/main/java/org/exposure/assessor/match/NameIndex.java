package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A matcher over a fixed set of {@link MatchCandidate}s, built once ({@link NameIndexBuilder}), safe for
 * concurrent queries.
 * <p>
 * Every primary name and alias is normalised ({@link NameNormalizer}) and weighed by the rarity of its tokens over
 * the index's names ({@link TokenStats}). A query asks the {@link CandidateIndex} which names to score: it never
 * scans the list, and only the {@link #candidateCap} names of best estimate are scored, each first against an
 * optimistic bound ({@link NameSimilarity#upperBound}) and only then in full by {@link MatchScorer}.
 * {@link Result#namesScored()} says how many names were put to scoring.
 * <p>
 * <b>Threshold and cap</b> are the caller's: the application's come from {@code assessor.lists.match.threshold}
 * and {@code candidate-cap}, whose defaults {@code MatchEvaluation} (test sources) measured: see docs/matching.md.
 */
public final class NameIndex {

    private final MatchScorer scorer;
    private final MatchCandidate[] candidates;
    private final int[] nameCandidate;
    private final String[] nameRaw;
    private final boolean[] nameAlias;
    /** The system of each name's reading ({@link NameNormalizer.Reading}). */
    private final String[] nameReading;
    private final CandidateIndex index;
    private final double threshold;
    private final int candidateCap;
    /** Each candidate's first name (its names are consecutive), -1 when it has none. */
    private final int[] firstName;
    /** Candidates by identifier ({@link #identifierKey}), for queries that give one. */
    private final Map<String, int[]> byIdentifier;

    /** What one query found. */
    public record Result(NormalizedName query, List<Match> matches, int namesConsidered, int namesScored) {
    }

    NameIndex(MatchScorer scorer, MatchCandidate[] candidates, int[] nameCandidate, String[] nameRaw,
              boolean[] nameAlias, String[] nameReading, CandidateIndex index, double threshold, int candidateCap) {
        this.scorer = scorer;
        this.candidates = candidates;
        this.nameCandidate = nameCandidate;
        this.nameRaw = nameRaw;
        this.nameAlias = nameAlias;
        this.nameReading = nameReading;
        this.index = index;
        this.threshold = threshold;
        this.candidateCap = candidateCap;
        this.firstName = new int[candidates.length];
        Arrays.fill(firstName, -1);
        for (int n = nameCandidate.length - 1; n >= 0; n--) {
            firstName[nameCandidate[n]] = n;
        }
        Map<String, List<Integer>> ids = new HashMap<>();
        for (int ci = 0; ci < candidates.length; ci++) {
            for (MatchIdentifier id : candidates[ci].attributes().identifiers()) {
                String key = identifierKey(id);
                if (key != null) {
                    List<Integer> holders = ids.computeIfAbsent(key, k -> new ArrayList<>(1));
                    if (holders.isEmpty() || holders.get(holders.size() - 1) != ci) {
                        holders.add(ci);
                    }
                }
            }
        }
        Map<String, int[]> byId = new HashMap<>(ids.size() * 2);
        ids.forEach((k, v) -> byId.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.byIdentifier = byId;
    }

    /** The key an identifier is indexed by (its kind and what names the party), or null for one never compared. */
    private static String identifierKey(MatchIdentifier id) {
        return "OTHER".equals(id.kind()) ? null : id.kind() + ':' + Identifiers.key(id);
    }

    /** How many distinct identifiers the index holds. */
    public int identifierCount() {
        return byIdentifier.size();
    }

    /** The candidates holding one of the query's identifiers, in index order; none when it gives none. */
    private int[] identified(MatchQuery query) {
        List<MatchIdentifier> ids = query.attributes().identifiers();
        if (ids.isEmpty() || byIdentifier.isEmpty()) {
            return NONE;
        }
        int[] out = NONE;
        for (MatchIdentifier id : ids) {
            String key = identifierKey(id);
            int[] holders = key == null ? null : byIdentifier.get(key);
            if (holders != null) {
                out = out.length == 0 ? holders : IntStream.concat(Arrays.stream(out), Arrays.stream(holders))
                        .distinct().sorted().toArray();
            }
        }
        return out;
    }

    private static final int[] NONE = new int[0];

    /** Builds an index; {@code threshold} is the score at or above which a name matches. */
    public static NameIndex build(Collection<MatchCandidate> candidates, NameNormalizer normalizer, double threshold,
                                  int candidateCap) {
        return build(candidates, normalizer, threshold, candidateCap, 1);
    }

    /**
     * Builds an index, normalising the names on {@code parallelism} threads; the index is the same whatever the
     * parallelism (see {@link NameIndexBuilder}).
     */
    public static NameIndex build(Collection<MatchCandidate> candidates, NameNormalizer normalizer, double threshold,
                                  int candidateCap, int parallelism) {
        return new NameIndexBuilder(normalizer, parallelism).build(candidates, threshold, candidateCap);
    }

    /**
     * An index over a few candidates that weighs every token as {@code weighedAs} (the statistics of a larger index
     * that holds them) does, so that it gives each of them the score the larger index would, for a fraction of the
     * work per query: for asking which of many names come close to a handful of entries.
     */
    public static NameIndex subIndex(Collection<MatchCandidate> candidates, NameNormalizer normalizer,
                                     TokenStats weighedAs, double threshold, int candidateCap) {
        return new NameIndexBuilder(normalizer, 1).weighedAs(weighedAs).build(candidates, threshold, candidateCap);
    }

    public double threshold() {
        return threshold;
    }

    public int candidateCount() {
        return candidates.length;
    }

    public int nameCount() {
        return index.nameCount();
    }

    public int tokenCount() {
        return index.tokenCount();
    }

    /** The document frequencies of this index's tokens, which weigh every score it gives. */
    public TokenStats stats() {
        return index.stats();
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
        List<NameNormalizer.Reading> readings = scorer.normalizer().readings(query.name());
        NormalizedName q = readings.get(0).name();
        int[] identified = identified(query);
        if (q.isEmpty()) {
            return identified.length == 0 ? new Result(q, List.of(), 0, 0) : byIdentifiersOnly(query, q, identified,
                    threshold, limit);
        }
        boolean person = "INDIVIDUAL".equals(query.type()) || EntityTypes.UNKNOWN.equals(query.type());
        // A name in another script is looked up and scored in each of its readings; an entry keeps its best match.
        Map<Integer, Match> best = new LinkedHashMap<>();
        int considered = 0;
        int scored = 0;
        for (NameNormalizer.Reading reading : readings) {
            QueryScratch s = index.scratch();
            try {
                NameSide qs = index.query(reading.name());
                long[] ranked = index.lookup(s, qs, candidateCap, person);
                considered += s.touchedNameCount;
                scored += ranked.length;
                PairSims sims = index.cachedSims(s);
                for (int x = ranked.length - 1; x >= 0; x--) {
                    int n = (int) ranked[x];
                    int ci = nameCandidate[n];
                    Match prev = best.get(ci);
                    // Another name of an entry that already matched must beat it: no explanation for a name that cannot.
                    double need = prev == null ? threshold : Math.max(threshold, Math.nextUp(prev.score()));
                    Match m = scorer.score(query, qs, candidates[ci], nameRaw[n], nameAlias[n], index.name(n), need, sims);
                    if (m != null && m.score() >= need) {
                        best.put(ci, MatchScorer.withReadings(m, reading.system(), nameReading[n]));
                    }
                }
            } finally {
                index.release(s);
            }
        }
        if (identified.length > 0) {
            // Entries holding one of the query's identifiers, whatever their names: each of their names is scored
            // against the query's first reading.
            NameSide qs = index.query(q);
            for (int ci : identified) {
                if (best.containsKey(ci) || firstName[ci] < 0) {
                    continue;
                }
                Match top = null;
                int topName = -1;
                for (int n = firstName[ci]; n < nameCandidate.length && nameCandidate[n] == ci; n++) {
                    double need = top == null ? threshold : Math.max(threshold, Math.nextUp(top.score()));
                    Match m = scorer.score(query, qs, candidates[ci], nameRaw[n], nameAlias[n], index.name(n), need,
                            PairSims.DIRECT);
                    if (m != null && m.score() >= need) {
                        top = m;
                        topName = n;
                    }
                }
                if (top != null) {
                    best.put(ci, MatchScorer.withReadings(top, readings.get(0).system(), nameReading[topName]));
                    scored++;
                }
            }
        }
        List<Match> out = new ArrayList<>(best.values());
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        if (out.size() > limit) {
            out = List.copyOf(out.subList(0, limit));
        }
        return new Result(q, out, considered, scored);
    }

    /** A query without a name: the entries holding one of its identifiers, each by its primary name. */
    private Result byIdentifiersOnly(MatchQuery query, NormalizedName q, int[] identified, double threshold, int limit) {
        List<Match> out = new ArrayList<>();
        for (int ci : identified) {
            int n = firstName[ci];
            Match m = scorer.identifiersOnly(query, candidates[ci], n < 0 ? candidates[ci].primaryName() : nameRaw[n],
                    n >= 0 && nameAlias[n], n < 0 ? null : index.name(n).name);
            if (m.score() >= threshold) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingDouble(Match::score).reversed());
        return new Result(q, out.size() > limit ? List.copyOf(out.subList(0, limit)) : out, 0, identified.length);
    }
}
