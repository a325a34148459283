package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate index: which entries a query puts forward for scoring, in which order, and which of them match.
 * A small list with the traits of the real ones (common words such as "bank", "commercial" and "trading" in many
 * names, Russian first names shared by many people, a run-together name, a code, Arabic names) and a candidate cap
 * of {@value #CAP}, so that the ranking decides. The expected values were computed by the matcher before it was
 * split into its parts, so that this table pins its behaviour.
 */
class CandidateIndexTest {

    private static final int CAP = 5;
    private static NameIndex index;

    private static MatchCandidate entry(String id, String name, String... aliases) {
        return new MatchCandidate("T", id, name, List.of(aliases), "ENTITY", Set.of(), List.of());
    }

    private static MatchCandidate person(String id, String name) {
        return new MatchCandidate("T", id, name, List.of(), "INDIVIDUAL", Set.of(), List.of());
    }

    @BeforeAll
    static void build() {
        List<MatchCandidate> l = new ArrayList<>();
        l.add(entry("U", "UNISTREAM COMMERCIAL BANK JSC"));
        l.add(entry("V", "VTB BANK PJSC", "BANK VTB PAO", "VNESHTORGBANK"));
        l.add(person("P", "PUTIN, Vladimir Vladimirovich"));
        l.add(person("R", "MAKHLOUF, Rami"));
        l.add(person("X", "XI JINPING"));
        l.add(entry("A", "AEROCARIBBEAN AIRLINES"));
        l.add(entry("Y", "YV2716"));
        l.add(entry("M", "MOHAMMED ALI HASSAN"));
        l.add(entry("D", "ABDULLAH AL-RASHID"));
        l.add(entry("S", "SYRIA INTERNATIONAL ISLAMIC BANK"));
        String[] words = {"RYUGYONG", "MODULBANK", "ROSTFINANCE", "SOLIDARNOST", "SPUTNIK", "NEZAVISIMOST", "VOSTOCHNY",
                "AGROSOYUZ", "KORYO", "VERKHNEVOLZHSKY", "ZOLOTAYA", "KUBANSKY", "SEVERNY", "YUZHNY", "URALSKY"};
        for (int i = 0; i < words.length; i++) {
            l.add(entry("B" + i, words[i] + " COMMERCIAL BANK"));
            l.add(entry("T" + i, words[(i + 3) % words.length] + " TRADING"));
            l.add(entry("K" + i, "BANK " + words[(i + 7) % words.length] + " " + words[(i + 1) % words.length]));
        }
        String[] first = {"Vladimir", "Sergei", "Aleksandr", "Dmitry", "Igor"};
        String[] surname = {"IVANOV", "PETROV", "SMIRNOV", "KUZNETSOV", "SOKOLOV", "POPOV", "LEBEDEV", "KOZLOV"};
        for (int i = 0; i < 40; i++) {
            l.add(entry("N" + i, surname[i % surname.length] + ", " + first[i % first.length]));
        }
        index = NameIndex.build(l, new NameNormalizer(), Matching.THRESHOLD, CAP);
    }

    @Test
    void theDictionaryHoldsEachDistinctNameAndToken() {
        assertThat(index.nameCount()).isEqualTo(97);
        assertThat(index.tokenCount()).isEqualTo(52);
    }

    /**
     * {@code considered}: names the lookup credited; {@code scored}: names put to scoring (at most the cap), both
     * summed over the query's readings (习近平: xi jinping and xi jin ping; محمد علي حسن: mhmd ly hsn and muhammad ali
     * hasan; عبد الله الرشيد: bd allh alrshyd, abdullah al rashid, which matches D, and bd allh al rshyd, whose "al"
     * puts M forward too);
     * {@code forward}: their entries, best score first (threshold 0: every name scored is reported); {@code
     * matches}: the entries at the default threshold.
     */
    @ParameterizedTest(name = "{0}: {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Unistream Commercial Bank | 34 | 5 | U B14 B13 B12 B11 | U
            UNISTREEM BANK | 34 | 5 | U B14 B13 B12 B11 | U
            Vneshtorgbank | 1 | 1 | V | V
            Bank VTB | 34 | 5 | V B14 B13 B12 | V
            Vladimir Poutine | 9 | 5 | P N35 N30 N25 N20 | P
            Ramimakhlouf | 1 | 1 | R | R
            Xi Jin Ping | 1 | 1 | X | X
            习近平 | 2 | 2 | X | X
            Aerocarribean Airlines | 1 | 1 | A | A
            YV2716 | 1 | 1 | Y | Y
            YV2726 | 0 | 0 | '' | ''
            محمد علي حسن | 4 | 4 | M D | M
            عبد الله الرشيد | 5 | 5 | D M | D
            Syria International Islamic Bank | 34 | 5 | S B14 B13 B12 B11 | S
            Commercial Bank | 34 | 5 | B14 B13 B12 B11 B10 | ''
            Heihe Rural Commercial Bank | 34 | 5 | B14 B13 B12 B11 B10 | ''
            Qqqq Zzzz | 0 | 0 | '' | ''
            Ivanov Sergei | 12 | 5 | N16 N0 N32 N24 N8 | N16
            Korio Trading | 18 | 5 | T5 B8 K7 K1 T14 | T5
            """)
    void whatAQueryPutsForward(String query, int considered, int scored, String forward, String matches) {
        NameIndex.Result all = index.search(MatchQuery.of(query), 0.0, 100);
        assertThat(all.namesConsidered()).as("considered").isEqualTo(considered);
        assertThat(all.namesScored()).as("scored").isEqualTo(scored);
        assertThat(ids(all)).as("put forward").isEqualTo(forward);
        assertThat(ids(index.search(MatchQuery.of(query), Matching.THRESHOLD, 100))).as("matches")
                .isEqualTo(matches);
    }

    private static String ids(NameIndex.Result r) {
        return String.join(" ", r.matches().stream().map(Match::entryId).toList());
    }
}
