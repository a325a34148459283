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
 * Names across scripts in an index: a name listed in Hangul, Han, kana or Cyrillic is found by its usual English
 * spelling, a name listed in Latin script by the name in its own script, the best reading of either side wins, and
 * the explanation says which readings matched. The other listed names are there to make the tokens' weights those of
 * a list, and to be what must not match.
 */
class ScriptReadingsIndexTest {

    private static NameIndex index;

    private static MatchCandidate person(String id, String name, String... aliases) {
        return new MatchCandidate("T", id, name, List.of(aliases), "INDIVIDUAL", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(person("KJU", "김정은"));
        l.add(person("PJS", "박지성"));
        l.add(person("LMH", "이민호"));
        l.add(person("XJP", "习近平"));
        l.add(person("YT", "山田太郎"));
        l.add(person("DM", "Дмитрий Анатольевич Медведев"));
        l.add(person("PUTIN", "PUTIN, Vladimir Vladimirovich"));
        l.add(person("KJI", "KIM, Jong Il"));
        l.add(person("TH", "TANAKA, Hanako"));
        l.add(person("AP", "PETROV, Alexander"));
        // Everyday Korean, Chinese and Russian names, so that "kim", "li" or "ivanov" weigh as on a list.
        String[] given = {"Min Su", "Young Ho", "Sung Jin", "Hyun Woo", "Ji Hoon", "Dong Hyun", "Wei", "Ming", "Jun",
                "Ivan", "Sergey", "Oleg", "Taro", "Ichiro", "Hiroshi"};
        String[] family = {"KIM", "LEE", "PARK", "CHOI", "WANG", "LI", "ZHANG", "IVANOV", "PETROV", "SATO", "SUZUKI"};
        int n = 0;
        for (String f : family) {
            for (String g : given) {
                l.add(person("F" + n++, f + ", " + g));
            }
        }
        index = Matching.index(l);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2} / {3})")
    @CsvSource(delimiter = '|', textBlock = """
            Kim Jong Un              | KJU   | latin            | korean-mr
            KIM Jong-un              | KJU   | latin            | korean-mr
            Kim Jeong Eun            | KJU   | latin            | korean-rr
            Park Ji Sung             | PJS   | latin            | korean-common
            Lee Min Ho               | LMH   | latin            | korean-rr
            Xi Jinping               | XJP   | latin            | pinyin
            Xi Jin Ping              | XJP   | latin            | pinyin
            Yamada Taro              | YT    | latin            | hepburn
            Dmitry Medvedev          | DM    | latin            | english
            Dmitrii Anatolevich Medvedev | DM | latin           | icao
            김정일                   | KJI   | korean-mr        | latin
            田中花子                 | TH    | hepburn          | latin
            Александр Петров         | AP    | english          | latin
            블라디미르 푸틴          | PUTIN | korean-loanword  | latin
            """)
    void aNameIsFoundAcrossScriptsAndTheExplanationNamesTheReadings(String query, String entry, String queryReading,
                                                                    String listReading) {
        List<Match> matches = index.match(MatchQuery.of(query));
        assertThat(matches).as(query).isNotEmpty();
        Match best = matches.get(0);
        assertThat(best.entryId()).as(query).isEqualTo(entry);
        assertThat(best.features()).filteredOn(f -> f.feature().equals("reading")).singleElement()
                .satisfies(f -> assertThat(f.detail())
                        .isEqualTo("query read by " + queryReading + ", list name by " + listReading));
        assertThat(best.features().get(1).feature()).isEqualTo("reading");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Kim Min Su      | F0
            Ivanov Sergey   | F115
            """)
    void latinNamesHaveNoReadingLine(String query, String entry) {
        Match best = index.match(MatchQuery.of(query)).get(0);
        assertThat(best.entryId()).isEqualTo(entry);
        assertThat(best.features()).noneMatch(f -> f.feature().equals("reading"));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kim Min Ho      | KJU
            Lee Ji Sung     | PJS
            Yamada Hanako   | YT
            """)
    void anotherNameOfTheSameSurnameDoesNotMatch(String query, String entry) {
        assertThat(index.match(MatchQuery.of(query))).noneMatch(m -> m.entryId().equals(entry));
    }

    @Test
    void compareTriesEveryReadingOfBothSides() {
        Match m = index.compare(MatchQuery.of("김정은"), person("X", "KIM, Jong Un"));
        assertThat(m.score()).isGreaterThanOrEqualTo(Matching.THRESHOLD);
        assertThat(m.features()).anyMatch(f -> f.detail().equals("query read by korean-mr, list name by latin"));
    }

    @Test
    void theReadingsOfOneNameCountOnceInTheTokensRarity() {
        // 김정은 gives "kim" in many readings; its rarity must be that of one name holding it, as a Latin name's.
        NameIndex one = Matching.index(List.of(person("A", "김정은"), person("B", "KIM, Min Su"),
                person("C", "PARK, Ji Sung")));
        assertThat(one.stats().documentFrequency("kim")).isEqualTo(2);
        assertThat(one.stats().names()).isEqualTo(3);
    }
}
