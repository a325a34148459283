package org.exposure.assessor.lists.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Final score of a query against one name of a candidate: the {@link NameSimilarity} name score plus small
 * adjustments, each reported as a {@link MatchFeature}.
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

    public MatchScorer(NameNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public NameNormalizer normalizer() {
        return normalizer;
    }

    /** The final score without the explanation (the same arithmetic as below). */
    private static double adjusted(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c,
                                   double score) {
        if (!query.countries().isEmpty() && !candidate.countries().isEmpty()) {
            score += query.countries().stream().anyMatch(candidate.countries()::contains) ? COUNTRY_AGREE : COUNTRY_DISAGREE;
        }
        String qt = query.type();
        String ct = candidate.type();
        if (!EntityTypes.UNKNOWN.equals(qt) && !EntityTypes.UNKNOWN.equals(ct)) {
            score += qt.equals(ct) ? TYPE_AGREE : TYPE_DISAGREE;
        }
        if ((!q.legalForms().isEmpty() && "INDIVIDUAL".equals(ct)) || (!c.legalForms().isEmpty() && "INDIVIDUAL".equals(qt))) {
            score += LEGAL_FORM_PERSON;
        } else if (!q.legalForms().isEmpty() && q.legalForms().stream().anyMatch(c.legalForms()::contains)) {
            score += LEGAL_FORM_AGREE;
        }
        return Math.max(0.0, Math.min(1.0, score));
    }

    /** Best-scoring name (primary or alias) of the candidate for the query, whatever its score. */
    public Match compare(MatchQuery query, MatchCandidate candidate) {
        NormalizedName q = normalizer.normalize(query.name());
        Match best = score(query, q, candidate, candidate.primaryName(), false, normalizer.normalize(candidate.primaryName()));
        for (String alias : candidate.aliases()) {
            Match m = score(query, q, candidate, alias, true, normalizer.normalize(alias));
            if (m.score() > best.score()) {
                best = m;
            }
        }
        return best;
    }

    /** Score of a normalised query against one normalised name of a candidate. */
    Match score(MatchQuery query, NormalizedName q, MatchCandidate candidate, String name, boolean alias,
                NormalizedName c) {
        return score(query, q, candidate, name, alias, c, -1);
    }

    /**
     * As {@link #score(MatchQuery, NormalizedName, MatchCandidate, String, boolean, NormalizedName)}, but null when
     * the score is under {@code threshold}, without building the explanation.
     */
    Match score(MatchQuery query, NormalizedName q, MatchCandidate candidate, String name, boolean alias,
                NormalizedName c, double threshold) {
        return score(query, q, candidate, name, alias, c, threshold, null);
    }

    /** As above, with a per-query memo of token similarities (see {@link NameSimilarity#compare}). */
    Match score(MatchQuery query, NormalizedName q, MatchCandidate candidate, String name, boolean alias,
                NormalizedName c, double threshold, Map<String, Double> memo) {
        NameSimilarity.Result r = NameSimilarity.compare(q, c, memo);
        if (threshold > 0 && adjusted(query, q, candidate, c, r.score()) < threshold) {
            return null;
        }
        List<MatchFeature> features = new ArrayList<>();
        features.add(new MatchFeature("name", r.score(), r.score(), String.format(Locale.ROOT,
                "'%s' ~ '%s': symmetric %.3f, subset %.3f, compact %.3f%s", q.text(), c.text(), r.symmetric(),
                r.subset(), r.compact(), r.numberMismatch() ? ", numbers differ x" + NameSimilarity.NUMBER_PENALTY : "")));
        for (NameSimilarity.TokenPair p : r.pairs()) {
            features.add(new MatchFeature("token", p.similarity(), 0, p.query() + " ~ " + p.candidate()));
        }
        features.add(new MatchFeature("coverage", Math.min(r.queryCoverage(), r.candidateCoverage()), 0,
                String.format(Locale.ROOT, "query %.3f, candidate %.3f", r.queryCoverage(), r.candidateCoverage())));
        double score = r.score();

        if (!query.countries().isEmpty() && !candidate.countries().isEmpty()) {
            boolean agree = query.countries().stream().anyMatch(candidate.countries()::contains);
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
        if (!q.legalForms().isEmpty() || !c.legalForms().isEmpty()) {
            double d = 0;
            int value = 0;
            if ((!q.legalForms().isEmpty() && "INDIVIDUAL".equals(ct))
                    || (!c.legalForms().isEmpty() && "INDIVIDUAL".equals(qt))) {
                d = LEGAL_FORM_PERSON;
                value = -1;
            } else if (!q.legalForms().isEmpty() && q.legalForms().stream().anyMatch(c.legalForms()::contains)) {
                d = LEGAL_FORM_AGREE;
                value = 1;
            }
            features.add(new MatchFeature("legalForm", value, d, q.legalForms() + " / " + c.legalForms()));
            score += d;
        }
        score = Math.max(0.0, Math.min(1.0, score));
        return new Match(candidate.listId(), candidate.entryId(), candidate.primaryName(), name, alias, q.text(),
                c.text(), score, candidate.type(), candidate.programs(), List.copyOf(features));
    }
}
