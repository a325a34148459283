package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameIndexTest {

    private static MatchCandidate entry(String id, String name, String type, Set<String> countries, String... aliases) {
        return new MatchCandidate("TEST", id, name, List.of(aliases), type, countries, List.of("RUSSIA-EO14024"));
    }

    private static List<MatchCandidate> sample() {
        List<MatchCandidate> list = new ArrayList<>();
        list.add(entry("1", "VTB BANK PJSC", "ENTITY", Set.of("RU"), "BANK VTB PAO", "VNESHTORGBANK"));
        list.add(entry("2", "PUTIN, Vladimir Vladimirovich", "INDIVIDUAL", Set.of("RU")));
        list.add(entry("3", "SHENZHEN YILUFA ELECTRONICS CO., LTD.", "ENTITY", Set.of("CN"), "YILUFA ELECTRONICS LTD"));
        list.add(entry("4", "AEROCARIBBEAN AIRLINES", "ENTITY", Set.of("CU")));
        list.add(entry("5", "SNOW STORM 1", "VESSEL", Set.of()));
        // Tokens are weighted by their rarity among the list's names; like the real list, this one holds other
        // Russian names, so that a first name or a patronymic counts less than a surname.
        String[] first = {"Vladimir", "Sergei", "Aleksandr", "Dmitry", "Igor"};
        String[] patronymic = {"Vladimirovich", "Sergeyevich", "Aleksandrovich", "Dmitriyevich", "Igorevich"};
        String[] surname = {"IVANOV", "PETROV", "SMIRNOV", "KUZNETSOV", "SOKOLOV", "POPOV", "LEBEDEV", "KOZLOV"};
        for (int i = 0; i < 40; i++) {
            list.add(entry("R" + i, surname[i % surname.length] + ", " + first[i % first.length] + " "
                    + patronymic[(i / 5) % patronymic.length], "INDIVIDUAL", Set.of("RU")));
        }
        return list;
    }

    @Test
    void findsByPrimaryNameAndAliasWhateverTheTokenOrderAndLegalForm() {
        NameIndex index = Matching.index(sample());
        for (String q : List.of("VTB Bank PJSC", "PJSC VTB BANK", "Bank VTB, PAO", "Public Joint Stock Company VTB Bank")) {
            List<Match> m = index.match(MatchQuery.of(q));
            assertThat(m).as(q).isNotEmpty();
            assertThat(m.get(0).entryId()).as(q).isEqualTo("1");
            assertThat(m.get(0).score()).as(q).isGreaterThanOrEqualTo(0.95);
        }
        Match alias = index.match(MatchQuery.of("Vneshtorgbank")).get(0);
        assertThat(alias.alias()).isTrue();
        assertThat(alias.matchedName()).isEqualTo("VNESHTORGBANK");
        assertThat(alias.primaryName()).isEqualTo("VTB BANK PJSC");
        assertThat(alias.listId()).isEqualTo("TEST");
        assertThat(alias.programs()).containsExactly("RUSSIA-EO14024");
    }

    @Test
    void matchesAcrossScriptsAndSpellings() {
        NameIndex index = Matching.index(sample());
        for (String q : List.of("Владимир Путин", "Vladimir Vladimirovitch Poutine", "Putin Vladimir", "فلاديمير بوتين")) {
            List<Match> m = index.match(MatchQuery.of(q));
            assertThat(m).as(q).extracting(Match::entryId).first().isEqualTo("2");
        }
        assertThat(index.match(MatchQuery.of("AEROCARRIBEAN AIRLINES"))).extracting(Match::entryId).containsExactly("4");
        assertThat(index.match(MatchQuery.of("Yilufa Electronics Ltd."))).extracting(Match::entryId).containsExactly("3");
        assertThat(index.match(MatchQuery.of("Banco Nacional de Cuba"))).isEmpty();
        assertThat(index.match(MatchQuery.of("Snow Storm 2"))).isEmpty();
    }

    @Test
    void eachMatchExplainsItsScore() {
        NameIndex index = Matching.index(sample());
        Match m = index.match(new MatchQuery("Yilufa Electronics Ltd.", "ENTITY", Set.of("CN"))).get(0);
        assertThat(m.queryNormalized()).isEqualTo("yilufa electronics");
        assertThat(m.candidateNormalized()).isEqualTo("yilufa electronics");
        assertThat(m.features()).extracting(MatchFeature::feature)
                .contains("name", "token", "coverage", "country", "type", "legalForm");
        double sum = m.features().stream().mapToDouble(MatchFeature::contribution).sum();
        assertThat(m.score()).isEqualTo(Math.min(1.0, sum), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void countryAndTypeAgreementRaiseAndDisagreementLowersTheScore() {
        NameIndex index = NameIndex.build(sample(), new NameNormalizer(), 0.0, Matching.CANDIDATE_CAP);
        MatchQuery plain = MatchQuery.of("Vladimir Poutine");
        MatchQuery agree = new MatchQuery("Vladimir Poutine", "INDIVIDUAL", Set.of("RU"));
        MatchQuery disagree = new MatchQuery("Vladimir Poutine", "INDIVIDUAL", Set.of("FR"));
        MatchQuery wrongType = new MatchQuery("Vladimir Poutine", "VESSEL", Set.of());
        double p = top(index, plain);
        assertThat(top(index, agree)).isGreaterThan(p);
        assertThat(top(index, disagree)).isLessThan(p);
        assertThat(top(index, wrongType)).isLessThan(p);
    }

    private static double top(NameIndex index, MatchQuery q) {
        return index.search(q, 0.0, 5).matches().stream().filter(m -> m.entryId().equals("2"))
                .findFirst().orElseThrow().score();
    }

    @Test
    void aQueryScoresOnlyCandidatesSharingATokenOrTrigramNeverTheWholeList() {
        List<MatchCandidate> list = new ArrayList<>(sample());
        Random rnd = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            list.add(entry("R" + i, word(rnd) + " " + word(rnd) + " " + word(rnd), "ENTITY", Set.of()));
        }
        NameIndex index = Matching.index(list);
        assertThat(index.nameCount()).isGreaterThan(20_000);
        for (String q : List.of("VTB Bank PJSC", "Vladimir Putin", "AEROCARRIBEAN AIRLINES", "Qqqq Zzzz")) {
            NameIndex.Result r = index.search(MatchQuery.of(q), index.threshold(), 10);
            assertThat(r.namesScored()).as(q).isLessThanOrEqualTo(Matching.CANDIDATE_CAP);
            assertThat(r.namesConsidered()).as(q).isLessThan(index.nameCount() / 10);
        }
        assertThat(index.search(MatchQuery.of("Vladimir Putin"), index.threshold(), 10).matches())
                .extracting(Match::entryId).first().isEqualTo("2");
        NameIndex.Result none = index.search(MatchQuery.of("Qqqq Zzzz"), index.threshold(), 10);
        assertThat(none.namesConsidered()).isLessThan(100);
        assertThat(none.matches()).isEmpty();
    }

    private static String word(Random rnd) {
        StringBuilder b = new StringBuilder();
        int n = 4 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }

    @Test
    void theDefaultThresholdIsTheConfiguredDefault() throws NoSuchMethodException {
        io.smallrye.config.WithDefault d = org.exposure.assessor.config.AssessorConfig.Lists.Match.class
                .getMethod("threshold").getAnnotation(io.smallrye.config.WithDefault.class);
        assertThat(Double.parseDouble(d.value())).isEqualTo(Matching.THRESHOLD);
    }

    @Test
    void emptyQueryMatchesNothing() {
        NameIndex index = Matching.index(sample());
        assertThat(index.match(MatchQuery.of("  "))).isEmpty();
    }

    /**
     * Normalising the names on several threads (as the service does) must give the same index as on one: the same
     * names, tokens and weights, hence the same matches with the same scores and explanations. Enough entries for
     * several blocks of work, in several scripts, so that threads really share the names.
     */
    @Test
    void namesNormalisedOnSeveralThreadsGiveTheSameIndex() {
        List<MatchCandidate> list = new ArrayList<>(sample());
        Random rnd = new Random(7);
        String[] parts = {"Vladimir", "Владимир", "Сергей", "Ivanov", "Петров", "习近平", "李", "محمد", "عبد الله",
                "Trading", "LLC", "ООО", "Bank", "Shenzhen", "Ltd", "Δημήτρης", "Zhang", "Wei", "Abdul", "Rahman"};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 0; k < 2 + rnd.nextInt(3); k++) {
                name.append(parts[rnd.nextInt(parts.length)]).append(k == 0 ? ", " : " ");
            }
            name.append("N").append(i);
            list.add(entry("G" + i, name.toString(), i % 2 == 0 ? "INDIVIDUAL" : "ENTITY", Set.of("RU"),
                    parts[rnd.nextInt(parts.length)] + " " + i, parts[rnd.nextInt(parts.length)] + " alias " + i));
        }
        NameNormalizer normalizer = new NameNormalizer();
        NameIndex one = NameIndex.build(list, normalizer, Matching.THRESHOLD, Matching.CANDIDATE_CAP, 1);
        NameIndex three = NameIndex.build(list, normalizer, Matching.THRESHOLD, Matching.CANDIDATE_CAP, 3);
        assertThat(three.nameCount()).isEqualTo(one.nameCount());
        assertThat(three.tokenCount()).isEqualTo(one.tokenCount());
        int matched = 0;
        for (int i = 0; i < 300; i++) {
            MatchCandidate c = list.get(rnd.nextInt(list.size()));
            String q = i % 3 == 0 ? c.primaryName() : i % 3 == 1 ? c.aliases().isEmpty() ? c.primaryName() : c.aliases().get(0)
                    : parts[rnd.nextInt(parts.length)] + " " + parts[rnd.nextInt(parts.length)];
            List<Match> a = one.search(MatchQuery.of(q), 0.5, 50).matches();
            assertThat(three.search(MatchQuery.of(q), 0.5, 50).matches()).as(q).isEqualTo(a);
            matched += a.isEmpty() ? 0 : 1;
        }
        assertThat(matched).isGreaterThan(150);
    }

    @Test
    void aSubIndexWeighedAsTheFullOneGivesItsEntriesTheFullIndexScores() {
        NameNormalizer normalizer = new NameNormalizer();
        List<MatchCandidate> all = sample();
        NameIndex full = NameIndex.build(all, normalizer, 0.0, 100_000);
        List<MatchCandidate> few = List.of(all.get(0), all.get(1), all.get(2), all.get(10), all.get(20));
        NameIndex sub = NameIndex.subIndex(few, normalizer, full.stats(), 0.0, 100_000);
        Set<String> ids = Set.of("1", "2", "3", "R5", "R15");
        int compared = 0;
        for (String q : List.of("VTB Bank", "Bank VTB PAO", "Vladimir Putin", "Putin", "Yilufa Electronics", "Ivanov Sergei",
                "Kozlov Igor Igorevich", "Sokolov", "Shenzhen Electronics Co Ltd", "Popov Dmitry", "Vladimir Petrov")) {
            List<Match> found = sub.search(MatchQuery.of(q), 0.5, 10).matches();
            // Whatever the full index finds among these entries, the sub-index finds too.
            assertThat(found).extracting(Match::entryId).as(q).containsAll(full.search(MatchQuery.of(q), 0.5, 100)
                    .matches().stream().map(Match::entryId).filter(ids::contains).toList());
            for (Match s : found) {
                assertThat(ids).contains(s.entryId());
                Match f = full.compare(MatchQuery.of(q), few.stream().filter(c -> c.entryId().equals(s.entryId()))
                        .findFirst().orElseThrow());
                assertThat(s.score()).as(q + " ~ " + s.primaryName()).isCloseTo(f.score(), org.assertj.core.data.Offset.offset(1e-9));
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(7);
        // Weighed by its own five names, a token is weighed differently, and so are the scores.
        NameIndex own = NameIndex.build(few, normalizer, 0.0, 100_000);
        assertThat(own.stats().weight("vladimir")).isNotEqualTo(full.stats().weight("vladimir"));
        assertThat(sub.stats().weight("vladimir")).isEqualTo(full.stats().weight("vladimir"));
    }
}
