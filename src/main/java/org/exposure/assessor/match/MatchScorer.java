package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Final score of a query against one name of a candidate: the {@link NameSimilarity} name score (tokens weighted
 * by the index's {@link TokenStats}) plus the small {@link Adjustment}s for country, type and legal form, clamped to
 * 0..1. Each part is reported as a {@link MatchFeature}: the name score with its parts, one line per token pair or
 * unmatched token with its similarity and its share of either name's weight, the coverages, and one line per
 * adjustment that applies.
 */
public final class MatchScorer {

    private final NameNormalizer normalizer;
    private final TokenStats stats;

    /** A scorer that counts every token the same (no index statistics). */
    public MatchScorer(NameNormalizer normalizer) {
        this(normalizer, TokenStats.uniform());
    }

    /** A scorer that weighs tokens by {@code stats} (see {@link NameSimilarity}). */
    public MatchScorer(NameNormalizer normalizer, TokenStats stats) {
        this.normalizer = normalizer;
        this.stats = stats;
    }

    public NameNormalizer normalizer() {
        return normalizer;
    }

    public TokenStats stats() {
        return stats;
    }

    /**
     * Best-scoring name (primary or alias) of the candidate for the query, whatever its score, every reading of
     * either side compared ({@link NameNormalizer#readings}).
     */
    public Match compare(MatchQuery query, MatchCandidate candidate) {
        List<NameNormalizer.Reading> queryReadings = normalizer.readings(query.name());
        Match best = null;
        List<String> names = new ArrayList<>(1 + candidate.aliases().size());
        names.add(candidate.primaryName());
        names.addAll(candidate.aliases());
        for (NameNormalizer.Reading qr : queryReadings) {
            NameSide q = NameSide.of(qr.name(), stats);
            for (int k = 0; k < names.size(); k++) {
                for (NameNormalizer.Reading cr : normalizer.readings(names.get(k))) {
                    NameSide c = NameSide.of(cr.name(), stats);
                    Match m = score(query, q, candidate, names.get(k), k > 0, c, -1, PairSims.DIRECT);
                    if (best == null || m.score() > best.score()) {
                        best = withReadings(m, qr.system(), cr.system());
                    }
                }
            }
        }
        return best;
    }

    /**
     * The match with a {@code reading} line after its name line saying which reading of either side it compared,
     * when either is not in Latin script (a Latin name has one reading: nothing to say).
     */
    static Match withReadings(Match m, String queryReading, String listReading) {
        if (NameNormalizer.LATIN.equals(queryReading) && NameNormalizer.LATIN.equals(listReading)) {
            return m;
        }
        List<MatchFeature> features = new ArrayList<>(m.features().size() + 1);
        features.addAll(m.features());
        features.add(Math.min(1, features.size()), new MatchFeature("reading", 1.0, 0,
                "query read by " + queryReading + ", list name by " + listReading));
        return new Match(m.listId(), m.entryId(), m.primaryName(), m.matchedName(), m.alias(), m.queryNormalized(),
                m.candidateNormalized(), m.score(), m.type(), m.programs(), List.copyOf(features));
    }

    /** {@code v} (0..1) with {@code decimals} decimals, as %.3f would write it (String.format is slow here). */
    static String fixed(double v, int decimals) {
        long scale = decimals == 2 ? 100 : 1000;
        long x = Math.round(v * scale);
        String frac = Long.toString(Math.abs(x) % scale);
        while (frac.length() < decimals) {
            frac = "0" + frac;
        }
        return (x < 0 ? "-" : "") + Math.abs(x) / scale + "." + frac;
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    /**
     * Whether the names compared are organisations' names, which identify them only as a whole: the query is not a
     * person's, and it is an organisation's or the listed party is an entity, vessel or aircraft.
     */
    static boolean wholeNames(MatchQuery query, MatchCandidate candidate) {
        if ("INDIVIDUAL".equals(query.type())) {
            return false;
        }
        String listed = EntityTypes.canonical(candidate.type());
        return !EntityTypes.UNKNOWN.equals(query.type()) || !"INDIVIDUAL".equals(listed) && !EntityTypes.UNKNOWN.equals(listed);
    }

    /**
     * Whether the names compared are persons' names, whose nicknames count ({@link Nicknames}): the query is a
     * person's and the listed party is not known to be anything else, or the query's type is unknown and the listed
     * party is a person.
     */
    static boolean persons(MatchQuery query, MatchCandidate candidate) {
        String listed = candidate.type();
        if ("INDIVIDUAL".equals(query.type())) {
            return "INDIVIDUAL".equals(listed) || EntityTypes.UNKNOWN.equals(listed);
        }
        return EntityTypes.UNKNOWN.equals(query.type()) && "INDIVIDUAL".equals(listed);
    }

    /** The final score alone, without the explanation. */
    double scoreOnly(MatchQuery query, NameSide q, MatchCandidate candidate, NameSide c,
                     PairSims sims) {
        return Adjustment.total(query, q.name, candidate, c.name,
                NameSimilarity.compare(q, c, sims, false, wholeNames(query, candidate), persons(query, candidate)).score());
    }

    /**
     * A query that gives no name against a candidate that holds one of its identifiers: no name score, the
     * adjustments alone ({@link Adjustment#IDENTIFIER} confirms the match). {@code c} is the candidate's name shown,
     * normalised (null when it has none).
     */
    Match identifiersOnly(MatchQuery query, MatchCandidate candidate, String name, boolean alias, NormalizedName c) {
        NormalizedName qn = normalizer.normalize(query.name());
        NormalizedName cn = c == null ? new NormalizedName(name, List.of(), List.of(), false) : c;
        List<MatchFeature> features = new ArrayList<>();
        features.add(new MatchFeature("name", 0, 0, "no name given: compared by identifiers"));
        double score = Adjustment.explain(query, qn, candidate, cn, 0, features);
        return new Match(candidate.listId(), candidate.entryId(), candidate.primaryName(), name, alias, qn.text(),
                cn.text(), score, candidate.type(), candidate.programs(), List.copyOf(features));
    }

    /**
     * Score of a prepared query against one prepared name of a candidate; null when under {@code threshold}
     * (the explanation is built only for a score at or above it; a negative threshold always gives a match).
     */
    Match score(MatchQuery query, NameSide q, MatchCandidate candidate, String name, boolean alias,
                NameSide c, double threshold, PairSims sims) {
        NormalizedName qn = q.name;
        NormalizedName cn = c.name;
        if (threshold > 0) {
            if (NameSimilarity.upperBound(q, c, sims, persons(query, candidate)) + Adjustment.bound(query, candidate)
                    < threshold) {
                return null; // cannot reach the threshold: not worth the full comparison
            }
            NameSimilarity.Result quick = NameSimilarity.compare(q, c, sims, false, wholeNames(query, candidate),
                    persons(query, candidate));
            if (Adjustment.total(query, qn, candidate, cn, quick.score()) < threshold) {
                return null;
            }
        }
        NameSimilarity.Result r = NameSimilarity.compare(q, c, sims, true, wholeNames(query, candidate),
                persons(query, candidate));
        List<MatchFeature> features = new ArrayList<>();
        features.add(new MatchFeature("name", r.score(), r.score(), "'" + qn.text() + "' ~ '" + cn.text()
                + "': symmetric " + fixed(r.symmetric(), 3) + ", subset " + fixed(r.subset(), 3) + " (base "
                + fixed(r.base(), 2) + ")" + (r.numberMismatch() ? ", numbers differ x" + NameSimilarity.NUMBER_PENALTY : "")
                + (r.commonOnly() ? ", only common words matched x" + NameSimilarity.COMMON_PENALTY : "")
                + (r.loneWordPenalty() > 0 ? ", one word matched approximately -" + fixed(r.loneWordPenalty(), 3)
                : "")));
        for (NameSimilarity.TokenPair p : r.pairs()) {
            String detail;
            if (p.candidate() == null) {
                detail = p.query() + ": not in the list name (" + percent(p.queryShare()) + " of the query's weight)";
            } else if (p.query() == null) {
                detail = p.candidate() + ": not in the query (" + percent(p.candidateShare())
                        + " of the list name's weight)";
            } else {
                detail = p.query() + " ~ " + p.candidate() + ": " + fixed(p.similarity(), 3)
                        + (p.nickname() ? " nickname" : "") + " ("
                        + percent(p.queryShare()) + " of the query's weight, " + percent(p.candidateShare())
                        + " of the list name's)";
            }
            features.add(new MatchFeature("token", p.similarity(), 0, detail));
        }
        features.add(new MatchFeature("coverage", Math.min(r.queryCoverage(), r.candidateCoverage()), 0,
                "weighted by rarity: query " + fixed(r.queryCoverage(), 3) + ", list name "
                        + fixed(r.candidateCoverage(), 3)));
        double score = Adjustment.explain(query, qn, candidate, cn, r.score(), features);
        return new Match(candidate.listId(), candidate.entryId(), candidate.primaryName(), name, alias, qn.text(),
                cn.text(), score, candidate.type(), candidate.programs(), List.copyOf(features));
    }
}
