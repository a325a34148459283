package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The score adjustments, feature by feature: when each applies, what it adds, how it is explained, and the most the
 * adjustments can add before the names are compared. The expected values were computed by the scorer before the
 * adjustments became one table, so that these tables pin its behaviour.
 */
class AdjustmentTest {

    private static final double EPS = 1e-9;
    private static final MatchScorer SCORER = new MatchScorer(new NameNormalizer());

    /** The table itself: each feature's name in the explanation, its weights, whether it needs the names. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            COUNTRY    | country   | 0.03 | -0.08 | false
            TYPE       | type      | 0.02 | -0.10 | false
            LEGAL_FORM | legalForm | 0.02 | -0.05 | true
            BIRTH_DATE | birthDate | 0.04 | -0.12 | false
            NATIONALITY | nationality | 0.02 | -0.05 | false
            CITY       | city      | 0.02 | 0.0   | false
            IDENTIFIER | identifier | 1.0 | -0.25 | false
            DOCUMENT   | identifier | 0.10 | -0.05 | false
            """)
    void theTable(Adjustment a, String feature, double agree, double disagree, boolean byNames) {
        assertThat(a.feature).isEqualTo(feature);
        assertThat(a.agree).isEqualTo(agree);
        assertThat(a.disagree).isEqualTo(disagree);
        assertThat(a.byNames).isEqualTo(byNames);
        assertThat(a.contribution(1)).isEqualTo(agree);
        assertThat(a.contribution(-1)).isEqualTo(disagree);
        assertThat(a.contribution(0)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Adjustment.class)
    void agreementNeverLowersAndDisagreementNeverRaises(Adjustment a) {
        assertThat(a.agree).isPositive();
        // A city elsewhere says nothing (a party has addresses a list does not know): its disagreement is 0.
        assertThat(a.disagree).isNotPositive();
    }

    /**
     * A query (name, type, one country or none) against a one-name entry. Each feature column is the explanation's
     * line for it, {@code value;contribution;detail}, or '' when the feature does not apply (no line, nothing
     * added). {@code score}: the final score (name score plus the contributions, clamped to 0..1); {@code bound}: the
     * most the adjustments could add before the names were compared.
     */
    @ParameterizedTest(name = "{0} ({1}, {2}) ~ {3} ({4}, {5})")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Vladimir Putin      | -          | -  | PUTIN, Vladimir     | INDIVIDUAL | RU | ''                              | ''                                | ''                    | 1.0   | 0.02
            Vladimir Putin      | INDIVIDUAL | RU | PUTIN, Vladimir     | INDIVIDUAL | RU | 1;0.03;[RU] shares with [RU]    | 1;0.02;INDIVIDUAL = INDIVIDUAL    | ''                    | 1.0   | 0.07
            Vladimir Putin      | INDIVIDUAL | FR | PUTIN, Vladimir     | INDIVIDUAL | RU | -1;-0.08;[FR] none of [RU]      | 1;0.02;INDIVIDUAL = INDIVIDUAL    | ''                    | 0.94  | -0.04
            Vladimir Putin      | VESSEL     | -  | PUTIN, Vladimir     | INDIVIDUAL | RU | ''                              | -1;-0.1;VESSEL != INDIVIDUAL      | ''                    | 0.9   | -0.08
            Vladimir Putin      | PERSON     | RU | PUTIN, Vladimir     | INDIVIDUAL | -  | ''                              | 1;0.02;INDIVIDUAL = INDIVIDUAL    | ''                    | 1.0   | 0.04
            VTB Bank PJSC       | ENTITY     | RU | BANK VTB OAO        | ENTITY     | RU | 1;0.03;[RU] shares with [RU]    | 1;0.02;ENTITY = ENTITY            | 1;0.02;[JSC] / [JSC]  | 1.0   | 0.07
            VTB Bank PJSC       | -          | -  | VTB BANK LLC        | ENTITY     | -  | ''                              | ''                                | 0;0.0;[JSC] / [LLC]   | 1.0   | 0.02
            VTB Bank PJSC       | INDIVIDUAL | -  | VTB BANK            | ENTITY     | -  | ''                              | -1;-0.1;INDIVIDUAL != ENTITY      | 0;0.0;[JSC] / []      | 0.9   | -0.08
            Smith Trading LLC   | -          | -  | SMITH, John         | INDIVIDUAL | -  | ''                              | ''                                | -1;-0.05;[LLC] / []   | 0.45  | 0.02
            John Smith          | INDIVIDUAL | -  | SMITH TRADING LLC   | ENTITY     | -  | ''                              | -1;-0.1;INDIVIDUAL != ENTITY      | -1;-0.05;[] / [LLC]   | 0.35  | -0.08
            Aerocaribbean       | -          | CU | AEROCARIBBEAN AIRLINES | -       | CU | 1;0.03;[CU] shares with [CU]    | ''                                | ''                    | 0.955 | 0.05
            VTB Bank PJSC       | ENTITY     | CY | BANK VTB OAO        | ENTITY     | RU | -1;-0.12;[CY] none of [RU]      | 1;0.02;ENTITY = ENTITY            | 1;0.02;[JSC] / [JSC]  | 0.92  | -0.08
            VTB Bank PJSC       | -          | CY | BANK VTB OAO        | ENTITY     | RU | -1;-0.12;[CY] none of [RU]      | ''                                | 1;0.02;[JSC] / [JSC]  | 0.9   | -0.1
            Vladimir Putin      | -          | FR | PUTIN, Vladimir     | INDIVIDUAL | RU | -1;-0.08;[FR] none of [RU]      | ''                                | ''                    | 0.92  | -0.06
            """)
    void eachFeatureWhenItAppliesItsEffectAndItsExplanation(String name, String type, String country, String listed,
                                                            String listedType, String listedCountry, String countryLine,
                                                            String typeLine, String legalFormLine, double score,
                                                            double bound) {
        MatchQuery query = new MatchQuery(name, type, country == null ? Set.of() : Set.of(country));
        MatchCandidate candidate = new MatchCandidate("T", "1", listed, List.of(), listedType,
                listedCountry == null ? Set.of() : Set.of(listedCountry), List.of());
        Match m = SCORER.compare(query, candidate);
        assertThat(line(m, "country")).as("country").isEqualTo(countryLine);
        assertThat(line(m, "type")).as("type").isEqualTo(typeLine);
        assertThat(line(m, "legalForm")).as("legal form").isEqualTo(legalFormLine);
        assertThat(m.score()).as("score").isCloseTo(score, within(EPS));
        double sum = m.features().stream().mapToDouble(MatchFeature::contribution).sum();
        assertThat(m.score()).as("the contributions add up").isCloseTo(Math.max(0, Math.min(1, sum)), within(EPS));
        assertThat(Adjustment.bound(query, candidate)).as("bound").isCloseTo(bound, within(EPS));
        double adjustments = sum - m.features().get(0).contribution();
        assertThat(Adjustment.bound(query, candidate)).as("the bound is never below the adjustments")
                .isGreaterThanOrEqualTo(adjustments - EPS);
    }

    /**
     * Dates of birth, nationalities and cities: a person's query against a one-name listed person. Dates compare at
     * the precision both give; close dates (same year, a year apart, day and month swapped) say nothing; persons
     * only. Each case: the line of the one feature that applies ('' when none) and the final score.
     */
    @ParameterizedTest(name = "{0}: {1} / {2} / {3} ~ {4} / {5} / {6}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            INDIVIDUAL | 1952-10-07 | -  | -      | 1952-10-07 | -  | -       | birthDate   | 1;0.04;1952-10-07 = 1952-10-07                          | 1.0
            INDIVIDUAL | 1952       | -  | -      | 1952-10-07 | -  | -       | birthDate   | 1;0.04;1952 = 1952-10-07                                | 1.0
            INDIVIDUAL | 1952-10    | -  | -      | 1952       | -  | -       | birthDate   | 1;0.04;1952-10 = 1952                                   | 1.0
            INDIVIDUAL | 1952-07-10 | -  | -      | 1952-10-07 | -  | -       | birthDate   | 0;0.0;1952-07-10 close to 1952-10-07 (day and month swapped) | 1.0
            INDIVIDUAL | 1952-03-01 | -  | -      | 1952-10-07 | -  | -       | birthDate   | 0;0.0;1952-03-01 close to 1952-10-07 (same year)        | 1.0
            INDIVIDUAL | 1953       | -  | -      | 1952-10-07 | -  | -       | birthDate   | 0;0.0;1953 close to 1952-10-07 (a year apart)           | 1.0
            INDIVIDUAL | 1962-10-07 | -  | -      | 1952-10-07 | -  | -       | birthDate   | -1;-0.12;[1962-10-07] none of [1952-10-07]              | 0.9
            -          | 1962       | -  | -      | 1952       | -  | -       | birthDate   | -1;-0.12;[1962] none of [1952]                          | 0.88
            ENTITY     | 1962       | -  | -      | 1952       | -  | -       | birthDate   | ''                                                      | 0.9
            INDIVIDUAL | -          | -  | -      | 1952-10-07 | -  | -       | birthDate   | ''                                                      | 1.0
            INDIVIDUAL | -          | RU | -      | -          | RU | -       | nationality | 1;0.02;[RU] shares with [RU]                            | 1.0
            INDIVIDUAL | -          | FR | -      | -          | RU | -       | nationality | -1;-0.05;[FR] none of [RU]                              | 0.97
            INDIVIDUAL | -          | FR | -      | -          | -  | -       | nationality | ''                                                      | 1.0
            INDIVIDUAL | -          | -  | Moscow | -          | -  | MOSCOW  | city        | 1;0.02;both in MOSCOW                                   | 1.0
            -          | -          | -  | São Paulo | -       | -  | SAO PAULO | city      | 1;0.02;both in SAO PAULO                                | 1.0
            INDIVIDUAL | -          | -  | Paris  | -          | -  | MOSCOW  | city        | 0;0.0;no city in common                                 | 1.0
            """)
    void datesOfBirthNationalitiesAndCities(String type, String birth, String nationality, String city,
                                            String listedBirth, String listedNationality, String listedCity,
                                            String feature, String expected, double score) {
        MatchQuery query = new MatchQuery("Vladimir Putin", type, Set.of(), new MatchAttributes(List.of(),
                set(birth), set(nationality), set(city)));
        MatchCandidate candidate = new MatchCandidate("T", "1", "PUTIN, Vladimir", List.of(), "INDIVIDUAL", Set.of(),
                List.of(), new MatchAttributes(List.of(), set(listedBirth), set(listedNationality), set(listedCity)));
        Match m = SCORER.compare(query, candidate);
        assertThat(line(m, feature)).isEqualTo(expected);
        assertThat(m.score()).as("score").isCloseTo(score, within(EPS));
        double sum = m.features().stream().mapToDouble(MatchFeature::contribution).sum();
        assertThat(m.score()).as("the contributions add up").isCloseTo(Math.max(0, Math.min(1, sum)), within(EPS));
        double adjustments = sum - m.features().get(0).contribution();
        assertThat(Adjustment.bound(query, candidate)).as("the bound is never below the adjustments")
                .isGreaterThanOrEqualTo(adjustments - EPS);
    }

    private static Set<String> set(String value) {
        return value == null ? Set.of() : Set.of(value);
    }

    private static String line(Match m, String feature) {
        return m.features().stream().filter(f -> f.feature().equals(feature))
                .map(f -> Math.round(f.value()) + ";" + f.contribution() + ";" + f.detail())
                .findFirst().orElse("");
    }

    /** The explanation's first lines: the name score with its parts, then the coverages after the token pairs. */
    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Vladimir Putin          | PUTIN, Vladimir                       | 'vladimir putin' ~ 'putin vladimir': symmetric 1.000, subset 1.000 (base 0.85)                 | weighted by rarity: query 1.000, list name 1.000
            Smith Trading LLC       | SMITH, John                           | 'smith trading' ~ 'smith john': symmetric 0.500, subset 0.463 (base 0.85)                      | weighted by rarity: query 0.500, list name 0.500
            Yilufa Electronics Ltd. | SHENZHEN YILUFA ELECTRONICS CO., LTD. | 'yilufa electronics' ~ 'shenzhen yilufa electronics': symmetric 0.800, subset 0.950 (base 0.85) | weighted by rarity: query 1.000, list name 0.667
            """)
    void theNameScoreIsExplainedFirst(String name, String listed, String nameLine, String coverageLine) {
        Match m = SCORER.compare(MatchQuery.of(name), MatchCandidate.of("T", "1", listed));
        assertThat(m.features().get(0).feature()).isEqualTo("name");
        assertThat(m.features().get(0).detail()).isEqualTo(nameLine);
        assertThat(m.features().stream().filter(f -> f.feature().equals("coverage")).findFirst().orElseThrow().detail())
                .isEqualTo(coverageLine);
    }

    /**
     * The identifier rows: a query (name, its identifiers as {@code KIND:value}, space-separated) against a one-name
     * ENTITY with its own. {@code line}: the explanation's identifier line ({@code value;contribution;detail}, '' for
     * none); {@code score}: the final score. An identical unique identifier gives at least 0.95 whatever the names;
     * a conflicting one takes 0.25; the kinds numbered per register add 0.10 or take 0.05.
     */
    @ParameterizedTest(name = "{0} [{1}] ~ {2} [{3}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            VTB Bank      | BIC:VTBRRUMMXXX             | VTB BANK PJSC        | BIC:VTBRRUMM                 | 1;0.0;BIC VTBRRUMMXXX = VTBRRUMM               | 1.0
            Bank Pobeda   | BIC:VTBRRUMM                | VTB BANK PJSC        | BIC:VTBRRUMM                 | 1;0.665;BIC VTBRRUMM = VTBRRUMM                | 0.965
            Roga i Kopyta | INN:7702070139              | VTB BANK PJSC        | BIC:VTBRRUMM INN:7702070139  | 1;0.95;INN 7702070139 = 7702070139             | 0.95
            VTB Bank      | BIC:DEUTDEFF                | VTB BANK PJSC        | BIC:VTBRRUMM BIC:VTBRRU2P    | -1;-0.25;BIC DEUTDEFF != VTBRRUMM, VTBRRU2P    | 0.75
            VTB Bank      | BIC:DEUTDEFF INN:7702070139 | VTB BANK PJSC        | BIC:VTBRRUMM INN:7702070139  | 1;0.0;INN 7702070139 = 7702070139              | 1.0
            VTB Bank      | INN:7702070139              | VTB BANK PJSC        | BIC:VTBRRUMM                 | ''                                             | 1.0
            VTB Bank      | -                           | VTB BANK PJSC        | BIC:VTBRRUMM                 | ''                                             | 1.0
            Ivan Petrov   | PASSPORT:K475336            | PETROV, Ivan Ivanych | PASSPORT:K475336             | 1;0.1;PASSPORT K475336 = K475336               | 0.9333
            Ivan Petrov   | PASSPORT:K475336            | PETROVA, Irina       | PASSPORT:K475336             | 1;0.1;PASSPORT K475336 = K475336               | 0.5857
            Ivan Petrov   | PASSPORT:K475336            | PETROV, Ivan         | PASSPORT:K475337             | -1;-0.05;PASSPORT K475336 != K475337           | 0.95
            Ivan Petrov   | OTHER:K475336               | PETROV, Ivan         | PASSPORT:K475336             | ''                                             | 1.0
            """)
    void identifiers(String name, String ids, String listed, String listedIds, String line, double score) {
        MatchQuery query = new MatchQuery(name, null, Set.of(), attributes(ids));
        MatchCandidate candidate = new MatchCandidate("T", "1", listed, List.of(), "ENTITY", Set.of(), List.of(),
                attributes(listedIds));
        Match m = SCORER.compare(query, candidate);
        assertThat(line(m, "identifier")).isEqualTo(line);
        assertThat(m.score()).as("score").isCloseTo(score, within(1e-4));
        double sum = m.features().stream().mapToDouble(MatchFeature::contribution).sum();
        assertThat(m.score()).as("the contributions add up").isCloseTo(Math.max(0, Math.min(1, sum)), within(EPS));
        assertThat(Adjustment.bound(query, candidate)).as("the bound is never below the adjustments")
                .isGreaterThanOrEqualTo(sum - m.features().get(0).contribution() - EPS);
    }

    private static MatchAttributes attributes(String ids) {
        if (ids == null) {
            return MatchAttributes.NONE;
        }
        List<MatchIdentifier> out = new java.util.ArrayList<>();
        for (String id : ids.split(" ")) {
            String[] kv = id.split(":");
            out.add(new MatchIdentifier(kv[0], kv[1]));
        }
        return new MatchAttributes(out, Set.of(), Set.of(), Set.of());
    }
}
