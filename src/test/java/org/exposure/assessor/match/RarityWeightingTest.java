package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens weigh by their rarity among the index's names: common words alone do not make a match. */
class RarityWeightingTest {

    private static MatchCandidate entry(String id, String name) {
        return new MatchCandidate("TEST", id, name, List.of(), "ENTITY", Set.of(), List.of());
    }

    /** A list where "commercial", "bank" and "trading" are in many names, as on the SDN list. */
    private static NameIndex banks() {
        List<MatchCandidate> list = new ArrayList<>();
        list.add(entry("U", "UNISTREAM COMMERCIAL BANK JSC"));
        list.add(entry("M", "M AND S TRADING"));
        list.add(entry("Y", "YV2716"));
        String[] words = {"RYUGYONG", "MODULBANK", "ROSTFINANCE", "SOLIDARNOST", "SPUTNIK", "NEZAVISIMOST", "VOSTOCHNY",
                "AGROSOYUZ", "KORYO", "VERKHNEVOLZHSKY", "ZOLOTAYA", "KUBANSKY", "SEVERNY", "YUZHNY", "URALSKY"};
        for (int i = 0; i < words.length; i++) {
            list.add(entry("B" + i, words[i] + " COMMERCIAL BANK"));
            list.add(entry("T" + i, words[(i + 3) % words.length] + " TRADING"));
            list.add(entry("K" + i, "BANK " + words[(i + 7) % words.length] + " " + words[(i + 1) % words.length]));
        }
        return Matching.index(list);
    }

    @Test
    void commonWordsWeighLittleAndRareWordsMuch() {
        TokenStats stats = banks().stats();
        assertThat(stats.weight("bank")).isLessThan(stats.weight("unistream") / 3);
        assertThat(stats.rarity("unistream")).isEqualTo(1.0);
        assertThat(stats.rarity("commercial")).isLessThan(0.6);
        assertThat(stats.weight("neverseen")).isEqualTo(stats.weight("unistream")); // as rare as the rarest
    }

    @Test
    void aNameSharingOnlyCommonWordsWithListedNamesMatchesNone() {
        NameIndex index = banks();
        assertThat(index.match(MatchQuery.of("Heihe Rural Commercial Bank"))).isEmpty();
        assertThat(index.match(MatchQuery.of("Commercial Bank"))).isEmpty();
        assertThat(index.match(MatchQuery.of("Suifenhe Trading Company"))).isEmpty();
    }

    @Test
    void theRareWordMakesTheMatchEvenMisspeltOrReordered() {
        NameIndex index = banks();
        for (String q : List.of("Unistream Commercial Bank", "UNISTREEM COMMERCIAL BANK", "Commercial Bank Unistream JSC",
                "Unistream Bank")) {
            assertThat(index.match(MatchQuery.of(q))).as(q).extracting(Match::entryId).first().isEqualTo("U");
        }
    }

    @Test
    void theExplanationGivesEachTokensShareOfTheWeight() {
        NameIndex index = banks();
        Match m = index.search(MatchQuery.of("Heihe Commercial Bank"), 0.0, 50).matches().stream()
                .filter(x -> x.entryId().equals("U")).findFirst().orElseThrow();
        List<String> tokens = m.features().stream().filter(f -> f.feature().equals("token")).map(MatchFeature::detail).toList();
        assertThat(tokens).anyMatch(d -> d.startsWith("commercial ~ commercial: 1.000 ("));
        assertThat(tokens).anyMatch(d -> d.startsWith("heihe: not in the list name"));
        assertThat(tokens).anyMatch(d -> d.startsWith("unistream: not in the query"));
        assertThat(m.features().get(0).detail()).contains("symmetric", "subset", "base");
        assertThat(m.score()).isLessThan(0.6);
    }

    @Test
    void anInitialCountsOnlyAsMuchAsAnInitial() {
        NameIndex index = banks();
        // "s" in M AND S TRADING stands for any word beginning with s: it does not vouch for "suifenhe".
        Match m = index.search(MatchQuery.of("Suifenhe Trading"), 0.0, 50).matches().stream()
                .filter(x -> x.entryId().equals("M")).findFirst().orElseThrow();
        assertThat(m.score()).isLessThan(0.6);
    }

    @Test
    void codesWithDigitsMatchOnlyExactly() {
        NameIndex index = banks();
        assertThat(index.match(MatchQuery.of("YV2716"))).extracting(Match::entryId).containsExactly("Y");
        assertThat(index.match(MatchQuery.of("YV2726"))).isEmpty();
        assertThat(TokenSimilarity.token("61st", "71st", false)).isZero();
    }

    @Test
    void runTogetherNamesAreFoundAndPaired() {
        List<MatchCandidate> list = new ArrayList<>(List.of(entry("R", "MAKHLOUF, Rami"), entry("X", "XI JINPING")));
        for (int i = 0; i < 30; i++) {
            list.add(entry("F" + i, "FILLER" + (char) ('A' + i % 26) + " NAME" + i));
        }
        NameIndex index = Matching.index(list);
        assertThat(index.match(MatchQuery.of("Ramimakhlouf"))).extracting(Match::entryId).first().isEqualTo("R");
        assertThat(index.match(MatchQuery.of("习近平"))).extracting(Match::entryId).first().isEqualTo("X"); // xi jin ping
    }

    @Test
    void withoutAnIndexEveryTokenWeighsTheSame() {
        NameNormalizer n = new NameNormalizer();
        NameSimilarity.Result r = NameSimilarity.compare(n.normalize("Heihe Commercial Bank"),
                n.normalize("Unistream Commercial Bank"));
        assertThat(r.queryCoverage()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        TokenStats custom = TokenStats.of(Map.of("bank", 100, "commercial", 50), 1000);
        assertThat(NameSimilarity.compare(n.normalize("Heihe Commercial Bank"), n.normalize("Unistream Commercial Bank"),
                custom).queryCoverage()).isLessThan(0.4);
    }
}
