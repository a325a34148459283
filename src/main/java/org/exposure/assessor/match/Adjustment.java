package org.exposure.assessor.match;

import java.util.List;

/**
 * What else than the names raises or lowers a score, as a table: one row per feature with its weights and the
 * text that explains it. The scorer adds the features that apply ({@link #total}), the optimistic bound of a score
 * takes the most they can add ({@link #bound}) and a match's explanation lists them ({@link #explain}), all from
 * these rows. A feature says whether the two sides agree (its {@code agree} weight), disagree (its {@code disagree}
 * weight) or neither (nothing); the sum is added to the name score in the order of the rows, then clamped to 0..1.
 * The one exception is an identical identifier of a kind that names one party ({@link #IDENTIFIER}), which raises
 * the score to at least {@link #CONFIRMED} instead of adding a fixed weight.
 */
enum Adjustment {

    /** Both sides have countries: they share one, or none. No adjustment when either side has none. */
    COUNTRY("country", 0.03, -0.08, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !query.countries().isEmpty() && !candidate.countries().isEmpty();
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            for (String country : query.countries()) {
                if (candidate.countries().contains(country)) {
                    return 1;
                }
            }
            return -1;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return query.countries() + (verdict > 0 ? " shares with " : " none of ") + candidate.countries();
        }
    },

    /** Both types known: equal, or different. */
    TYPE("type", 0.02, -0.10, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !EntityTypes.UNKNOWN.equals(query.type()) && !EntityTypes.UNKNOWN.equals(candidate.type());
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return query.type().equals(candidate.type()) ? 1 : -1;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return query.type() + (verdict > 0 ? " = " : " != ") + candidate.type();
        }
    },

    /**
     * Either name carries a legal form: both carry one of the same group (PJSC / OAO / JSC) agree; one carries a
     * legal form while the other side is an INDIVIDUAL disagree (a company is not a person); else neither.
     */
    LEGAL_FORM("legalForm", 0.02, -0.05, true) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !q.legalForms().isEmpty() || !c.legalForms().isEmpty();
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            if ((!q.legalForms().isEmpty() && INDIVIDUAL.equals(candidate.type()))
                    || (!c.legalForms().isEmpty() && INDIVIDUAL.equals(query.type()))) {
                return -1;
            }
            for (String f : q.legalForms()) {
                if (c.legalForms().contains(f)) {
                    return 1;
                }
            }
            return 0;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return q.legalForms() + " / " + c.legalForms();
        }
    },

    /**
     * Both sides have identifiers of a kind that names one party the world over (BIC, IMO, INN, OGRN, USCC, LEI):
     * one the same (a BIC by its institution, its first 8 characters) makes the pair a confirmed match whatever the
     * names, {@link #CONFIRMED} raised by what the names add (a weak name gives 0.95, the same name 1.0); none the
     * same in a kind both give is a different party as far as that kind knows, enough to take an exact name with
     * every other feature agreeing (1.0 + 0.07) under the default threshold (0.86). Its {@code agree} weight is only the
     * most it can add, for the bound.
     */
    IDENTIFIER("identifier", 1.0, -0.25, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return identifierVerdict(query, candidate, true) != 0;
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return identifierVerdict(query, candidate, true);
        }

        @Override
        double contribution(int verdict, double score) {
            return verdict > 0 ? Math.max(0, CONFIRMED + (1 - CONFIRMED) * clamp(score) - score) : contribution(verdict);
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return identifierDetail(query, candidate, true, verdict);
        }
    },

    /**
     * Both sides have identifiers of a kind numbered per country or register (registration, passport, national id
     * and tax numbers): the same value is a sign of the same party, not a proof (two registers may give it), and a
     * different one a weak sign against (a party holds several passports and registrations, and a list gives some).
     */
    DOCUMENT("identifier", 0.10, -0.05, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return identifierVerdict(query, candidate, false) != 0;
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return identifierVerdict(query, candidate, false);
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return identifierDetail(query, candidate, false, verdict);
        }
    };

    /** The score of a pair with the same identifier of a kind that names one party, with no name in common. */
    static final double CONFIRMED = 0.95;

    private static final String INDIVIDUAL = "INDIVIDUAL";
    private static final Adjustment[] ALL = values();

    /** The name of the feature in a match's explanation. */
    final String feature;
    /** What the feature adds when the sides agree. */
    final double agree;
    /** What it adds (a negative number) when they disagree. */
    final double disagree;
    /** Whether it depends on the normalised names, unknown before they are compared. */
    final boolean byNames;

    Adjustment(String feature, double agree, double disagree, boolean byNames) {
        this.feature = feature;
        this.agree = agree;
        this.disagree = disagree;
        this.byNames = byNames;
    }

    /** Whether the feature says anything about this pair. */
    abstract boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c);

    /** 1 the sides agree, -1 they disagree, 0 neither; only where the feature {@link #applies}. */
    abstract int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c);

    /** The explanation's detail for this verdict. */
    abstract String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict);

    /** What a verdict adds to the score. */
    double contribution(int verdict) {
        return verdict > 0 ? agree : verdict < 0 ? disagree : 0;
    }

    /** What a verdict adds to {@code score}, the score with the rows before this one. */
    double contribution(int verdict, double score) {
        return contribution(verdict);
    }

    /**
     * 1 when the two sides share an identifier of the {@code unique} kinds (or of the others), -1 when they share
     * none but both give one of the same such kind, 0 when no such kind is on both sides. Nothing to do, and no
     * allocation, when either side gives no identifier: the common case.
     */
    static int identifierVerdict(MatchQuery query, MatchCandidate candidate, boolean unique) {
        List<MatchIdentifier> mine = query.attributes().identifiers();
        List<MatchIdentifier> theirs = candidate.attributes().identifiers();
        if (mine.isEmpty() || theirs.isEmpty()) {
            return 0;
        }
        int verdict = 0;
        for (MatchIdentifier a : mine) {
            if (Identifiers.unique(a.kind()) != unique || "OTHER".equals(a.kind())) {
                continue;
            }
            String key = Identifiers.key(a);
            for (MatchIdentifier b : theirs) {
                if (a.kind().equals(b.kind())) {
                    if (key.equals(Identifiers.key(b))) {
                        return 1;
                    }
                    verdict = -1;
                }
            }
        }
        return verdict;
    }

    /**
     * The identifier that agreed ("BIC VTBRRUMMXXX = VTBRRUMM"), or the query's identifiers that met others of their
     * kind and none equal ("BIC DEUTDEFF != VTBRRUMM, VTBRRU2P").
     */
    static String identifierDetail(MatchQuery query, MatchCandidate candidate, boolean unique, int verdict) {
        StringBuilder out = new StringBuilder();
        for (MatchIdentifier a : query.attributes().identifiers()) {
            if (Identifiers.unique(a.kind()) != unique || "OTHER".equals(a.kind())) {
                continue;
            }
            StringBuilder others = new StringBuilder();
            for (MatchIdentifier b : candidate.attributes().identifiers()) {
                if (a.kind().equals(b.kind())) {
                    if (verdict > 0 && Identifiers.key(a).equals(Identifiers.key(b))) {
                        return a.kind() + " " + a.value() + " = " + b.value();
                    }
                    others.append(others.isEmpty() ? "" : ", ").append(b.value());
                }
            }
            if (verdict < 0 && !others.isEmpty()) {
                out.append(out.isEmpty() ? "" : "; ").append(a.kind()).append(' ').append(a.value()).append(" != ")
                        .append(others);
            }
        }
        return out.toString();
    }

    /** {@code score} with every feature that applies added, clamped to 0..1. */
    static double total(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, double score) {
        for (Adjustment a : ALL) {
            if (a.applies(query, q, candidate, c)) {
                score += a.contribution(a.verdict(query, q, candidate, c), score);
            }
        }
        return clamp(score);
    }

    /**
     * The most the features can add for this query and candidate before their names are compared: what the
     * features that need no names add, plus the {@code agree} weight of each feature that does.
     */
    static double bound(MatchQuery query, MatchCandidate candidate) {
        double up = 0;
        for (Adjustment a : ALL) {
            if (a.byNames) {
                up += a.agree;
            } else if (a.applies(query, null, candidate, null)) {
                up += a.contribution(a.verdict(query, null, candidate, null));
            }
        }
        return up;
    }

    /**
     * Adds a line to {@code features} for every feature that applies (its verdict, contribution and detail) and
     * returns {@code score} with their contributions, clamped to 0..1.
     */
    static double explain(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, double score,
                          List<MatchFeature> features) {
        for (Adjustment a : ALL) {
            if (a.applies(query, q, candidate, c)) {
                int verdict = a.verdict(query, q, candidate, c);
                double d = a.contribution(verdict, score);
                features.add(new MatchFeature(a.feature, verdict, d, a.detail(query, q, candidate, c, verdict)));
                score += d;
            }
        }
        return clamp(score);
    }

    private static double clamp(double score) {
        return Math.max(0.0, Math.min(1.0, score));
    }
}
