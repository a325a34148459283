package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Precision on short and generic names, with listed names taken from the SDN, CSL and UK lists: a name of common
 * words, an acronym one letter away from a listed one, a word that merely begins like a listed one, and a company
 * name inside a longer listed name with rare words of its own do not match; the same names written as listed, a
 * misspelling of a whole name, and a person named by a part of their name still do.
 */
class ShortAndGenericNamesTest {

    private static NameIndex index;

    private static MatchCandidate entity(String id, String name, String... aliases) {
        return new MatchCandidate("T", id, name, List.of(aliases), "ENTITY", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(entity("MOTHER", "THE MOTHER ARK LTD"));
        l.add(entity("BID", "BANCO INTERNACIONAL DE DESARROLLO, C.A.", "BID"));
        l.add(entity("AAB", "ABDALLAH AZZAM BRIGADES", "AAB"));
        l.add(entity("CARNES", "COMERCIALIZADORA DE CARNES CONTINENTAL MGCI LTDA."));
        l.add(entity("XIAOLI", "SUZHOU XIAOLI PHARMATECH CO., LTD"));
        l.add(entity("AATRADING", "A A TRADING FZCO"));
        l.add(entity("IMPEX", "M. D. S. IMPORT EXPORT CO., LTD."));
        l.add(entity("AERO", "AEROCARIBBEAN AIRLINES"));
        l.add(entity("LEGO", "LEGO INVESTMENTS EOOD"));
        l.add(entity("AVISTO", "LIMITED LIABILITY COMPANY AVISTO"));
        l.add(entity("ALSTONE", "ALSTONE INVESTMENT AG"));
        l.add(new MatchCandidate("T", "CHERRY", "LUO JIE", List.of("Cherry"), null, Set.of("CN"), List.of()));
        l.add(entity("GAZPROMBANK", "GAZPROMBANK"));
        l.add(entity("MOSHE", "MOSHE"));
        l.add(new MatchCandidate("T", "PUTIN", "PUTIN, Vladimir Vladimirovich", List.of(), "INDIVIDUAL", Set.of(), List.of()));
        // Names that make "investments", "trading", "airlines" and the like as common in the index as on a real list.
        String[] kinds = {"TRADING", "INVESTMENTS", "AIRLINES", "IMPORT EXPORT", "PHARMATECH", "INTERNATIONAL"};
        String[] words = {"RYUGYONG", "MODULBANK", "ROSTFINANCE", "SOLIDARNOST", "SPUTNIK", "NEZAVISIMOST", "VOSTOCHNY",
                "AGROSOYUZ", "KORYO", "VERKHNEVOLZHSKY", "ZOLOTAYA", "KUBANSKY", "SEVERNY", "YUZHNY", "URALSKY"};
        int n = 0;
        for (String k : kinds) {
            for (String w : words) {
                l.add(entity("F" + n++, w + " " + k + " LLC"));
            }
        }
        index = Matching.index(l);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Other | ''
            Trading | ''
            General Trading | ''
            Import Export | ''
            Company | ''
            BYD | ''
            ABB | ''
            Continental | ''
            Xiaomi | ''
            The Mother Ark | MOTHER
            BID | BID
            AAB | AAB
            Aerocarribean | AERO
            Lego | LEGO
            A A Trading | AATRADING
            """)
    void organisationNames(String query, String expected) {
        List<Match> found = index.search(new MatchQuery(query, "ENTITY", Set.of()), Matching.THRESHOLD, 3).matches();
        assertThat(found.stream().map(Match::entryId).findFirst().orElse(""))
                .as("%s: %s", query, found.stream().map(m -> m.matchedName() + " " + m.score()).toList())
                .isEqualTo(expected);
    }

    /**
     * A name of one word paired only approximately with a listed one loses up to 0.15: one letter is much of a
     * short word, and distinct companies lie one letter apart. Exact words, long words and names read from another
     * script keep their score; the explanation says when the penalty applied.
     */
    @ParameterizedTest(name = "{0} ({1}) ~ {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Avito            | RU | LIMITED LIABILITY COMPANY AVISTO | ''          | true
            Alstom           | FR | ALSTONE INVESTMENT AG            | ''          | true
            Chery Automobile | CN | Cherry                           | ''          | true
            Avisto           | RU | LIMITED LIABILITY COMPANY AVISTO | AVISTO      | false
            Gazprombanc      | RU | GAZPROMBANK                      | GAZPROMBANK | false
            משה              | IL | MOSHE                            | MOSHE       | false
            """)
    void oneWordMatchedApproximately(String query, String country, String listed, String expected, boolean penalised) {
        MatchQuery q = new MatchQuery(query, "ENTITY", Set.of(country));
        List<Match> found = index.search(q, Matching.THRESHOLD, 3).matches();
        assertThat(found.stream().map(Match::entryId).findFirst().orElse(""))
                .as("%s: %s", query, found.stream().map(m -> m.matchedName() + " " + m.score()).toList())
                .isEqualTo(expected);
        Match m = index.compare(q, entity("X", listed));
        assertThat(m.features().get(0).detail().contains("one word matched approximately"))
                .as("%s ~ %s: %s", query, listed, m.features().get(0).detail()).isEqualTo(penalised);
    }

    @Test
    void aPersonIsStillFoundByPartOfTheName() {
        assertThat(index.search(new MatchQuery("Putin", "INDIVIDUAL", Set.of()), Matching.THRESHOLD, 3).matches())
                .extracting(Match::entryId).containsExactly("PUTIN");
    }

    @Test
    void theExplanationSaysWhenOnlyCommonWordsMatched() {
        Match m = index.compare(new MatchQuery("International Trading", "ENTITY", Set.of()),
                entity("X", "GOLDEN INTERNATIONAL TRADING"));
        assertThat(m.features().get(0).detail()).contains("only common words matched");
    }
}
