package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Final score of a query against one name of a candidate: the {@link NameSimilarity} name score (tokens weighted
 * by the index's {@link TokenStats}) plus small adjustments, each reported as a {@link MatchFeature}: the name
 * score with its parts, one line per token pair or unmatched token with its similarity and its share of either
 * name's weight, the coverages, and the adjustments:
 * <ul>
 *   <li>country: both sides have countries and share one {@value #COUNTRY_AGREE}, share none {@value
 *       #COUNTRY_DISAGREE}; no adjustment when either side has none;</li>
 *   <li>type: both known and equal {@value #TYPE_AGREE}, both known and different {@value #TYPE_DISAGREE};</li>
 *   <li>legal form: both names carry a legal form of the same group (PJSC / OAO / JSC) {@value #LEGAL_FORM_AGREE};
 *       one carries a legal form and the other side is an INDIVIDUAL {@value #LEGAL_FORM_PERSON}.</li>
 * </ul>
 * The result is clamped to 0..1.
 */
public final class MatchScorer {

    static final double COUNTRY_AGREE = 0.03;
    static final double COUNTRY_DISAGREE = -0.08;
    static final double TYPE_AGREE = 0.02;
    static final double TYPE_DISAGREE = -0.10;
    static final double LEGAL_FORM_AGREE = 0.02;
    static final double LEGAL_FORM_PERSON = -0.05;

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

    /** The final score without the explanation (the same arithmetic as below). */
    private static double adjusted(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c,
                                   double score) {
        if (!query.countries().isEmpty() && !candidate.countries().isEmpty()) {
            score += shareCountry(query, candidate) ? COUNTRY_AGREE : COUNTRY_DISAGREE;
        }
        String qt = query.type();
        String ct = candidate.type();
        if (!EntityTypes.UNKNOWN.equals(qt) && !EntityTypes.UNKNOWN.equals(ct)) {
            score += qt.equals(ct) ? TYPE_AGREE : TYPE_DISAGREE;
        }
        if ((!q.legalForms().isEmpty() && "INDIVIDUAL".equals(ct)) || (!c.legalForms().isEmpty() && "INDIVIDUAL".equals(qt))) {
            score += LEGAL_FORM_PERSON;
        } else if (shareLegalForm(q, c)) {
            score += LEGAL_FORM_AGREE;
        }
        return Math.max(0.0, Math.min(1.0, score));
    }

    /** The most the adjustments can add for this query and candidate (for bounding a score before computing it). */
    static double maxAdjustment(MatchQuery query, MatchCandidate candidate) {
        double up = 0;
        if (!query.countries().isEmpty() && !candidate.countries().isEmpty()) {
            up += shareCountry(query, candidate) ? COUNTRY_AGREE : COUNTRY_DISAGREE;
        }
        String qt = query.type();
        String ct = candidate.type();
        if (!EntityTypes.UNKNOWN.equals(qt) && !EntityTypes.UNKNOWN.equals(ct)) {
            up += qt.equals(ct) ? TYPE_AGREE : TYPE_DISAGREE;
        }
        return up + LEGAL_FORM_AGREE;
    }

    private static boolean shareCountry(MatchQuery query, MatchCandidate candidate) {
        for (String c : query.countries()) {
            if (candidate.countries().contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean shareLegalForm(NormalizedName q, NormalizedName c) {
        for (String f : q.legalForms()) {
            if (c.legalForms().contains(f)) {
                return true;
            }
        }
        return false;
    }

    /** Best-scoring name (primary or alias) of the candidate for the query, whatever its score. */
    public Match compare(MatchQuery query, MatchCandidate candidate) {
        NameSimilarity.Side q = NameSimilarity.Side.of(normalizer.normalize(query.name()), stats);
        Match best = null;
        List<String> names = new ArrayList<>(1 + candidate.aliases().size());
        names.add(candidate.primaryName());
        names.addAll(candidate.aliases());
        for (int k = 0; k < names.size(); k++) {
            NameSimilarity.Side c = NameSimilarity.Side.of(normalizer.normalize(names.get(k)), stats);
            Match m = score(query, q, candidate, names.get(k), k > 0, c, -1, NameSimilarity.DIRECT);
            if (best == null || m.score() > best.score()) {
                best = m;
            }
        }
        return best;
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

    /** The final score alone, without the explanation. */
    double scoreOnly(MatchQuery query, NameSimilarity.Side q, MatchCandidate candidate, NameSimilarity.Side c,
                     NameSimilarity.PairSims sims) {
        return adjusted(query, q.name, candidate, c.name, NameSimilarity.compare(q, c, sims, false).score());
    }

    /**
     * Score of a prepared query against one prepared name of a candidate; null when under {@code threshold}
     * (the explanation is built only for a score at or above it; a negative threshold always gives a match).
     */
    Match score(MatchQuery query, NameSimilarity.Side q, MatchCandidate candidate, String name, boolean alias,
                NameSimilarity.Side c, double threshold, NameSimilarity.PairSims sims) {
        NormalizedName qn = q.name;
        NormalizedName cn = c.name;
        if (threshold > 0) {
            if (NameSimilarity.upperBound(q, c, sims) + maxAdjustment(query, candidate) < threshold) {
                return null; // cannot reach the threshold: not worth the full comparison
            }
            NameSimilarity.Result quick = NameSimilarity.compare(q, c, sims, false);
            if (adjusted(query, qn, candidate, cn, quick.score()) < threshold) {
                return null;
            }
        }
        NameSimilarity.Result r = NameSimilarity.compare(q, c, sims, true);
        List<MatchFeature> features = new ArrayList<>();
        features.add(new MatchFeature("name", r.score(), r.score(), "'" + qn.text() + "' ~ '" + cn.text()
                + "': symmetric " + fixed(r.symmetric(), 3) + ", subset " + fixed(r.subset(), 3) + " (base "
                + fixed(r.base(), 2) + ")" + (r.numberMismatch() ? ", numbers differ x" + NameSimilarity.NUMBER_PENALTY : "")));
        for (NameSimilarity.TokenPair p : r.pairs()) {
            String detail;
            if (p.candidate() == null) {
                detail = p.query() + ": not in the list name (" + percent(p.queryShare()) + " of the query's weight)";
            } else if (p.query() == null) {
                detail = p.candidate() + ": not in the query (" + percent(p.candidateShare())
                        + " of the list name's weight)";
            } else {
                detail = p.query() + " ~ " + p.candidate() + ": " + fixed(p.similarity(), 3) + " ("
                        + percent(p.queryShare()) + " of the query's weight, " + percent(p.candidateShare())
                        + " of the list name's)";
            }
            features.add(new MatchFeature("token", p.similarity(), 0, detail));
        }
        features.add(new MatchFeature("coverage", Math.min(r.queryCoverage(), r.candidateCoverage()), 0,
                "weighted by rarity: query " + fixed(r.queryCoverage(), 3) + ", list name "
                        + fixed(r.candidateCoverage(), 3)));
        double score = r.score();

        if (!query.countries().isEmpty() && !candidate.countries().isEmpty()) {
            boolean agree = shareCountry(query, candidate);
            double d = agree ? COUNTRY_AGREE : COUNTRY_DISAGREE;
            features.add(new MatchFeature("country", agree ? 1 : -1, d,
                    query.countries() + (agree ? " shares with " : " none of ") + candidate.countries()));
            score += d;
        }
        String qt = query.type();
        String ct = candidate.type();
        if (!EntityTypes.UNKNOWN.equals(qt) && !EntityTypes.UNKNOWN.equals(ct)) {
            boolean agree = qt.equals(ct);
            double d = agree ? TYPE_AGREE : TYPE_DISAGREE;
            features.add(new MatchFeature("type", agree ? 1 : -1, d, qt + (agree ? " = " : " != ") + ct));
            score += d;
        }
        if (!qn.legalForms().isEmpty() || !cn.legalForms().isEmpty()) {
            double d = 0;
            int value = 0;
            if ((!qn.legalForms().isEmpty() && "INDIVIDUAL".equals(ct))
                    || (!cn.legalForms().isEmpty() && "INDIVIDUAL".equals(qt))) {
                d = LEGAL_FORM_PERSON;
                value = -1;
            } else if (shareLegalForm(qn, cn)) {
                d = LEGAL_FORM_AGREE;
                value = 1;
            }
            features.add(new MatchFeature("legalForm", value, d, qn.legalForms() + " / " + cn.legalForms()));
            score += d;
        }
        score = Math.max(0.0, Math.min(1.0, score));
        return new Match(candidate.listId(), candidate.entryId(), candidate.primaryName(), name, alias, qn.text(),
                cn.text(), score, candidate.type(), candidate.programs(), List.copyOf(features));
    }
}
