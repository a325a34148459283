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
 * Khmer and Burmese names read by their letter tables: the inherent vowel, finals, subscript consonants and the
 * Burmese rhymes as names are spelt in Latin script; found in an index by those spellings, and a different name of
 * the same script not.
 */
class BrahmicReadingsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ហ៊ុន សែន          | hun sen
            ហ៊ុន ម៉ាណែត       | hun manet
            សម រង្ស៊ី          | sam rangsi
            ភ្នំពេញ           | phnompenh
            ABC ហ៊ុន          | ABC hun
            """)
    void khmer(String name, String reading) {
        assertThat(BrahmicReadings.khmer(name)).isEqualTo(reading);
    }

    @ParameterizedTest(name = "{0} -> {1} / {2}")
    @CsvSource(delimiter = '|', textBlock = """
            မင်းအောင်လှိုင်     | minaunghlaing  | min aung hlaing
            အောင်ဆန်းစုကြည်    | aungsansukyi   | aung san su kyi
            ဦးထွန်းမြင့်         | uhtunmyin      | u htun myin
            ကုမ္ပဏီ             | kumpni         | ku m p ni
            """)
    void burmese(String name, String joined, String syllables) {
        assertThat(BrahmicReadings.burmese(name)).isEqualTo(joined);
        assertThat(BrahmicReadings.burmeseSyllables(name)).isEqualTo(syllables);
    }

    @Test
    void theReadingsAreAmongTheNamesReadings() {
        assertThat(new NameNormalizer().readings("ហ៊ុន សែន")).extracting(NameNormalizer.Reading::system)
                .contains("khmer");
        assertThat(new NameNormalizer().readings("မင်းအောင်လှိုင်")).extracting(NameNormalizer.Reading::system)
                .contains("burmese", "burmese-syllables");
    }

    private static NameIndex index;

    private static MatchCandidate person(String id, String name) {
        return new MatchCandidate("T", id, name, List.of(), "INDIVIDUAL", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(person("HS", "HUN, Sen"));
        l.add(person("HM", "HUN, Manet"));
        l.add(person("MAH", "MIN AUNG HLAING"));
        l.add(person("ASSK", "AUNG SAN SUU KYI"));
        String[] given = {"Sokha", "Dara", "Vanna", "Sophal", "Chanthou", "Kyaw", "Thein", "Zaw", "Naing", "Htay"};
        String[] family = {"HENG", "CHEA", "SOK", "KEM", "PRAK", "TUN", "MYINT", "OO", "WIN", "AUNG"};
        int n = 0;
        for (String f : family) {
            for (String g : given) {
                l.add(person("F" + n++, f + ", " + g));
            }
        }
        index = Matching.index(l);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            ហ៊ុន សែន            | HS   | khmer
            ហ៊ុន ម៉ាណែត         | HM   | khmer
            မင်းအောင်လှိုင်       | MAH  | burmese-syllables
            ဇော်ဝင်း              | F87  | burmese
            """)
    void foundByTheReading(String query, String entry, String system) {
        List<Match> found = index.match(MatchQuery.of(query));
        assertThat(found).as(query).isNotEmpty();
        assertThat(found.get(0).entryId()).as(query).isEqualTo(entry);
        assertThat(found.get(0).features()).anyMatch(f -> f.detail().startsWith("query read by " + system));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ហ៊ុន សុខា            | HS
            မင်းထွန်း            | MAH
            """)
    void anotherNameDoesNotMatch(String query, String entry) {
        assertThat(index.match(MatchQuery.of(query))).noneMatch(m -> m.entryId().equals(entry));
    }
}
