package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nicknames ({@link Nicknames}): a name and its nickname pair as a strong but not a full token match, for persons
 * only, explained as such, and a person's nickname puts the listed formal name forward in an index.
 */
class NicknamesTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ted       | theodore  | true
            theodore  | ted       | true
            bob       | robert    | true
            bill      | william   | true
            peggy     | margaret  | true
            sasha     | aleksandr | true
            sasha     | alexander | true
            volodya   | vladimir  | true
            ted       | theo      | false
            robert    | robert    | false
            bob       | william   | false
            putin     | vladimir  | false
            """)
    void pairsAreThoseTheTableNames(String a, String b, boolean related) {
        Nicknames t = Nicknames.get();
        assertThat(t.related(t.id(a), t.id(b))).isEqualTo(related);
    }

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Ted Doe          | Theodore Doe       | 0.94 | 0.96
            Bob Smith        | Robert Smith       | 0.94 | 0.96
            Peggy Charney    | Charney, Margaret  | 0.94 | 0.96
            Sasha Ivanov     | Aleksandr Ivanov   | 0.94 | 0.96
            """)
    void aNicknameIsAStrongButNotAFullMatchOfPersonsNames(String query, String listed, double low, double high) {
        NormalizedName q = NORMALIZER.normalize(query);
        NormalizedName c = NORMALIZER.normalize(listed);
        double persons = NameSimilarity.comparePersons(q, c, TokenStats.uniform()).score();
        assertThat(persons).isBetween(low, high);
        assertThat(NameSimilarity.compare(q, c).score()).as("not persons").isLessThan(0.7);
    }

    @Test
    void onlyPersonsNamesPairByNickname() {
        MatchScorer scorer = new MatchScorer(NORMALIZER);
        MatchCandidate person = new MatchCandidate("T", "1", "Theodore Doe", List.of(), "INDIVIDUAL", Set.of(), List.of());
        MatchCandidate company = new MatchCandidate("T", "2", "Theodore Doe", List.of(), "ENTITY", Set.of(), List.of());
        MatchCandidate unknown = new MatchCandidate("T", "3", "Theodore Doe", List.of(), null, Set.of(), List.of());
        assertThat(scorer.compare(new MatchQuery("Ted Doe", "INDIVIDUAL", Set.of()), person).score()).isGreaterThan(0.9);
        assertThat(scorer.compare(new MatchQuery("Ted Doe", null, Set.of()), person).score()).isGreaterThan(0.9);
        assertThat(scorer.compare(new MatchQuery("Ted Doe", "INDIVIDUAL", Set.of()), unknown).score()).isGreaterThan(0.9);
        assertThat(scorer.compare(new MatchQuery("Ted Doe", "ENTITY", Set.of()), company).score()).isLessThan(0.7);
        assertThat(scorer.compare(new MatchQuery("Ted Doe", null, Set.of()), unknown).score()).isLessThan(0.7);
    }

    @Test
    void theExplanationSaysNickname() {
        MatchScorer scorer = new MatchScorer(NORMALIZER);
        MatchCandidate person = new MatchCandidate("T", "1", "Theodore Doe", List.of(), "INDIVIDUAL", Set.of(), List.of());
        Match m = scorer.compare(new MatchQuery("Ted Doe", "INDIVIDUAL", Set.of()), person);
        assertThat(m.features()).filteredOn(f -> f.feature().equals("token")).extracting(MatchFeature::detail)
                .anySatisfy(d -> assertThat(d).startsWith("ted ~ theodore: 0.900 nickname"))
                .anySatisfy(d -> assertThat(d).startsWith("doe ~ doe: 1.000 ("));
    }

    @Test
    void aPersonsNicknameFindsTheListedNameInAnIndex() {
        NameIndex index = Matching.index(List.of(
                new MatchCandidate("T", "TD", "DOE, Theodore", List.of(), "INDIVIDUAL", Set.of(), List.of()),
                new MatchCandidate("T", "RS", "SMITH, Robert", List.of(), "INDIVIDUAL", Set.of(), List.of()),
                new MatchCandidate("T", "BS", "BOB SMITH TRADING LLC", List.of(), "ENTITY", Set.of(), List.of())));
        assertThat(index.match(new MatchQuery("Ted Doe", "INDIVIDUAL", Set.of()), 0.86)).extracting(Match::entryId)
                .containsExactly("TD");
        assertThat(index.match(new MatchQuery("Bob Smith", "INDIVIDUAL", Set.of()), 0.86)).extracting(Match::entryId)
                .contains("RS");
        assertThat(index.match(new MatchQuery("Ted Doe", "ENTITY", Set.of()), 0.86)).isEmpty();
    }
}
