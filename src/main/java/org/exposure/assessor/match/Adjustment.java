package org.exposure.assessor.match;

import java.util.List;

/**
 * What else than the names raises or lowers a score, as a table: one row per feature with its weights and the
 * text that explains it. The scorer adds the features that apply ({@link #total}), the optimistic bound of a score
 * takes the most they can add ({@link #bound}) and a match's explanation lists them ({@link #explain}), all from
 * these rows. A feature says whether the two sides agree (its {@code agree} weight), disagree (its {@code disagree}
 * weight) or neither (nothing); the sum is added to the name score in the order of the rows, then clamped to 0..1.
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
     * Both sides (persons, or of unknown type) give dates of birth: one pair is the same at the precision both give
     * ({@code 1952} and {@code 1952-10-07} agree); none is, but one pair is close (the same year, a year apart, or
     * day and month swapped, as lists and clients write them either way round), which says nothing; or every pair
     * is years apart, which lowers the score clearly: the same name born a decade apart is most often someone else.
     */
    BIRTH_DATE("birthDate", 0.04, -0.12, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !query.attributes().birthDates().isEmpty() && !candidate.attributes().birthDates().isEmpty()
                    && person(query.type()) && person(candidate.type());
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            int verdict = -1;
            for (String a : query.attributes().birthDates()) {
                for (String b : candidate.attributes().birthDates()) {
                    if (BirthDates.same(a, b)) {
                        return 1;
                    }
                    if (BirthDates.close(a, b) != null) {
                        verdict = 0;
                    }
                }
            }
            return verdict;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            for (String a : query.attributes().birthDates()) {
                for (String b : candidate.attributes().birthDates()) {
                    if (verdict > 0 && BirthDates.same(a, b)) {
                        return a + " = " + b;
                    }
                    String close = BirthDates.close(a, b);
                    if (verdict == 0 && close != null) {
                        return a + " close to " + b + " (" + close + ")";
                    }
                }
            }
            return query.attributes().birthDates().stream().sorted().toList() + " none of "
                    + candidate.attributes().birthDates().stream().sorted().toList();
        }
    },

    /** Both sides (persons, or of unknown type) give nationalities: they share one, or none. */
    NATIONALITY("nationality", 0.02, -0.05, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !query.attributes().nationalities().isEmpty() && !candidate.attributes().nationalities().isEmpty()
                    && person(query.type()) && person(candidate.type());
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            for (String n : query.attributes().nationalities()) {
                if (candidate.attributes().nationalities().contains(n)) {
                    return 1;
                }
            }
            return -1;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            return query.attributes().nationalities().stream().sorted().toList()
                    + (verdict > 0 ? " shares with " : " none of ")
                    + candidate.attributes().nationalities().stream().sorted().toList();
        }
    },

    /**
     * Both sides give cities: one is the same (case and accents aside) raises the score a little. Different cities
     * say nothing: a party has addresses the list does not know, and a list gives only some of its own.
     */
    CITY("city", 0.02, 0.0, false) {
        @Override
        boolean applies(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return !query.attributes().cities().isEmpty() && !candidate.attributes().cities().isEmpty();
        }

        @Override
        int verdict(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c) {
            return sharedCity(query, candidate) != null ? 1 : 0;
        }

        @Override
        String detail(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, int verdict) {
            String shared = sharedCity(query, candidate);
            return shared != null ? "both in " + shared : "no city in common";
        }
    };

    /** Not known to be other than a person: dates of birth and nationalities are compared for persons only. */
    private static boolean person(String type) {
        return INDIVIDUAL.equals(type) || EntityTypes.UNKNOWN.equals(type);
    }

    private static String sharedCity(MatchQuery query, MatchCandidate candidate) {
        for (String a : query.attributes().cities()) {
            String ka = cityKey(a);
            for (String b : candidate.attributes().cities()) {
                if (!ka.isEmpty() && ka.equals(cityKey(b))) {
                    return b;
                }
            }
        }
        return null;
    }

    /** A city as compared: letters and digits only, lower case, without accents ("São Paulo" = "SAO PAULO"). */
    private static String cityKey(String city) {
        String d = java.text.Normalizer.normalize(city, java.text.Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(d.length());
        d.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(out::appendCodePoint);
        return out.toString();
    }

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

    /** {@code score} with every feature that applies added, clamped to 0..1. */
    static double total(MatchQuery query, NormalizedName q, MatchCandidate candidate, NormalizedName c, double score) {
        for (Adjustment a : ALL) {
            if (a.applies(query, q, candidate, c)) {
                score += a.contribution(a.verdict(query, q, candidate, c));
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
                double d = a.contribution(verdict);
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
