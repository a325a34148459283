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

    /**
     * Both sides have countries: they share one, or none. No adjustment when either side has none. Two organisations'
     * names ({@link MatchScorer#wholeNames}) that share no country lose {@value #ORGANISATION_COUNTRY_DISAGREE}
     * rather than the row's {@code disagree}: a company is registered and does business in a country or two and the
     * lists give them, while a person has several nationalities and residences the list may not know of. Unlisted
     * companies that share a name with a listed one of another country ("Optima Bank" of Kyrgyzstan, "OPTIMA, OOO" of
     * Russia) were the false matches this tells apart.
     */
    COUNTRY("country", 0.03, -0.08, false) {
        @Override
        double contribution(int verdict, double score, MatchQuery query, MatchCandidate candidate) {
            return verdict < 0 && MatchScorer.wholeNames(query, candidate) ? ORGANISATION_COUNTRY_DISAGREE
                    : contribution(verdict);
        }

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
        double contribution(int verdict, double score, MatchQuery query, MatchCandidate candidate) {
            if (verdict > 0 && Double.isNaN(score)) {
                return contribution(verdict);
            }
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


    /** The score of a pair with the same identifier of a kind that names one party, with no name in common. */
    static final double CONFIRMED = 0.95;

    private static final String INDIVIDUAL = "INDIVIDUAL";
    /** What a country disagreement of two organisations' names adds (see {@link #COUNTRY}). */
    static final double ORGANISATION_COUNTRY_DISAGREE = -0.12;
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

    /**
     * What a verdict adds to {@code score} (the score with the rows before this one) for this query and candidate;
     * the row's weights unless a feature says more. {@code score} is NaN for the optimistic bound, taken before the
     * names are compared: a row that depends on it then gives the most it can add.
     */
    double contribution(int verdict, double score, MatchQuery query, MatchCandidate candidate) {
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
                score += a.contribution(a.verdict(query, q, candidate, c), score, query, candidate);
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
                up += a.contribution(a.verdict(query, null, candidate, null), Double.NaN, query, candidate);
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
                double d = a.contribution(verdict, score, query, candidate);
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
