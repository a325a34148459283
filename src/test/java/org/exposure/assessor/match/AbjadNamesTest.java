package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code arabic-names}, {@code hebrew-names} and {@code ethiopic-names} readings ({@link AbjadNames}): names made
 * up from the tables' words and from words the tables do not hold (read by rule), then found in an index of Latin
 * names, where a different name sharing only its first word must not match.
 */
class AbjadNamesTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();
    private static NameIndex index;

    @ParameterizedTest(name = "{0} -> {2} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            محمد علي                  | arabic-names   | muhammad ali
            أحمد حسن                  | arabic-names   | ahmad hasan
            عبد الرحمن يوسف           | arabic-names   | abdul rahman yusuf
            عبدالغفار خان             | arabic-names   | abdul ghaffar khan
            عبد الله عمر              | arabic-names   | abdullah umar
            يوسف عبد الكريم           | arabic-names   | yusuf abdul karim
            سید رحمت الله             | arabic-names   | sayed rahmatullah
            نصیرالدین شاه             | arabic-names   | nasiruddin shah
            شمس الحق                  | arabic-names   | shamsulhaq
            مصطفی کمال                | arabic-names   | mustafa kamal
            على موسى                  | arabic-names   | ali musa
            جمال الزنجاني             | arabic-names   | jamal al zanjani
            سلماني                    | arabic-names   | salmani
            عبد الصابر                | arabic-names   | abdul sabir
            דוד כהן                   | hebrew-names   | david cohen
            יוסף רוזנברג              | hebrew-names   | yosef rosenberg
            שמואל גולדשטיין           | hebrew-names   | shmuel goldstein
            רחל לוי                   | hebrew-names   | rachel levi
            ተስፋይ ገብረሚካኤል            | ethiopic-names | tesfay gebremikael
            አበበ ግርማ                  | ethiopic-names | abebe girma
            """)
    void namesAreReadAsTheListsSpellThem(String name, String system, String tokens) {
        List<NameNormalizer.Reading> readings = NORMALIZER.readings(name);
        assertThat(readings).filteredOn(r -> r.system().equals(system)).as(name)
                .singleElement()
                .satisfies(r -> assertThat(String.join(" ", r.name().tokens())).isEqualTo(tokens));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            تكريتي   | false | takriti
            زنجاني   | false | zanjani
            احمد     | false | ahmad
            صابر     | false | sabir
            سعيد     | false | said
            حمزة     | false | hamza
            ثابت     | false | thabit
            ثابت     | true  | sabit
            ذكي      | true  | zaki
            """)
    void unknownArabicWordsAreVocalisedByRule(String word, boolean persian, String latin) {
        assertThat(AbjadNames.vocaliseArabic(AbjadNames.foldArabic(word), persian)).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            אורי     | ori
            גולד     | gold
            שמש      | shemesh
            מלך      | melekh
            כלב      | kelev
            """)
    void unknownHebrewWordsAreVocalisedByRule(String word, String latin) {
        assertThat(AbjadNames.vocaliseHebrew(AbjadNames.foldHebrew(word))).isEqualTo(latin);
    }

    private static MatchCandidate person(String id, String name) {
        return new MatchCandidate("T", id, name, List.of(), "INDIVIDUAL", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(person("MH", "HASSAN, Mohammed"));
        l.add(person("YAR", "ABDUR REHMAN, Yousef"));
        l.add(person("SR", "Sayed RAHMATULLAH"));
        l.add(person("NS", "NASIRUDDIN Shah"));
        l.add(person("DC", "COHEN, David"));
        l.add(person("TG", "Tesfay GEBREMICHAEL"));
        // Everyday names, so that "mohammed", "abdul" or "david" weigh as on a list.
        String[] given = {"Ahmad", "Omar", "Khalid", "Ibrahim", "Yusuf", "Abdul Karim", "Abdul Qadir", "Moshe",
                "Yosef"};
        String[] family = {"AL-RASHID", "KHAN", "HUSSEIN", "SALEH", "MANSOUR", "LEVI", "MIZRAHI"};
        int n = 0;
        for (String f : family) {
            for (String g : given) {
                l.add(person("F" + n++, f + ", " + g));
            }
        }
        index = Matching.index(l);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            محمد حسن           | MH  | arabic-names
            يوسف عبد الرحمن    | YAR | arabic-names
            سید رحمت‌الله       | SR  | arabic-names
            نصیرالدین شاه      | NS  | arabic-names
            דוד כהן            | DC  | hebrew-names
            ተስፋይ ገብረሚካኤል     | TG  | ethiopic-names
            """)
    void aNameInItsScriptFindsItsLatinEntry(String query, String entry, String reading) {
        List<Match> matches = index.match(MatchQuery.of(query));
        assertThat(matches).as(query).isNotEmpty();
        Match best = matches.get(0);
        assertThat(best.entryId()).as(query).isEqualTo(entry);
        assertThat(best.score()).isGreaterThanOrEqualTo(Matching.THRESHOLD);
        assertThat(best.features()).filteredOn(f -> f.feature().equals("reading")).singleElement()
                .satisfies(f -> assertThat(f.detail()).isEqualTo("query read by " + reading + ", list name by latin"));
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', textBlock = """
            محمد علي           | MH
            يوسف عبد الكريم    | YAR
            سید نعمت الله      | SR
            דוד לוי            | DC
            """)
    void aDifferentNameWithTheSameFirstWordDoesNotMatch(String query, String entry) {
        assertThat(index.match(MatchQuery.of(query))).noneMatch(m -> m.entryId().equals(entry));
    }
}
