package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index finds the entries holding a query's identifiers whatever the names, or with no name at all, and an
 * entry whose identifier of a kind conflicts with the query's falls under the threshold. The entries are SDN
 * entries with their identifiers as the SDN list gives them (snapshot of 2024-05-03), and names of others.
 */
class IdentifierIndexTest {

    private static final NameNormalizer NORMALIZER = new NameNormalizer();

    private static final List<MatchCandidate> ENTRIES = List.of(
            entry("17013", "VTB BANK PUBLIC JOINT STOCK COMPANY", "RU", "BIC:VTBRRUMM", "INN:7702070139",
                    "OGRN:1027739609391"),
            entry("18715", "SBERBANK OF RUSSIA", "RU", "BIC:SABRRUMM", "INN:7707083893"),
            entry("7", "VTB BANK (EUROPE) SE", "DE", "BIC:OWHBDEFF"),
            entry("8", "VTB CAPITAL PLC", "GB"),
            entry("9", "PETROV, Ivan", "RU", "PASSPORT:K475336"),
            entry("10", "HAVIN BANK LTD", "GB", "BIC:HAVIGB2L"));

    private static final NameIndex INDEX = NameIndex.build(ENTRIES, NORMALIZER, 0.86, 25);

    private static MatchCandidate entry(String id, String name, String country, String... ids) {
        List<MatchIdentifier> list = new ArrayList<>();
        for (String i : ids) {
            String[] kv = i.split(":");
            list.add(new MatchIdentifier(kv[0], kv[1]));
        }
        return new MatchCandidate("OFAC-SDN", id, name, List.of(), name.contains(",") ? "INDIVIDUAL" : "ENTITY",
                Set.of(country), List.of(), new MatchAttributes(list, Set.of(), Set.of(), Set.of()));
    }

    private static MatchQuery query(String name, String ids) {
        List<MatchIdentifier> list = new ArrayList<>();
        if (ids != null) {
            for (String i : ids.split(" ")) {
                String[] kv = i.split(":");
                list.add(new MatchIdentifier(kv[0], kv[1]));
            }
        }
        return new MatchQuery(name == null ? "" : name, "ENTITY", Set.of(), new MatchAttributes(list, Set.of(), Set.of(), Set.of()));
    }

    /**
     * A query (name, or none; identifiers) and the entries that match it at the default threshold, best first, each
     * {@code entry@score} (an identical identifier with no name in common: 0.95 raised by the 0.02 of the same type
     * by a twentieth), with the explanation's identifier line of the first ('' for none).
     */
    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                     | BIC:VTBRRUMMXXX            | 17013@0.951                | BIC VTBRRUMMXXX = VTBRRUMM
            -                     | BIC:VTBRRUMM BIC:HAVIGB2LXXX | 17013@0.951 10@0.951    | BIC VTBRRUMM = VTBRRUMM
            -                     | BIC:DEUTDEFF               | ''                        | ''
            -                     | OTHER:VTBRRUMM             | ''                        | ''
            Roga i Kopyta         | INN:7702070139             | 17013@0.951                | INN 7702070139 = 7702070139
            VTB Bank              | OGRN:1027739609391         | 17013@1.0                 | OGRN 1027739609391 = 1027739609391
            VTB Bank PJSC         | -                          | 17013@1.0                 | ''
            VTB Bank PJSC         | BIC:DEUTDEFF               | ''                        | ''
            Sberbank of Russia    | BIC:SABRRUMM               | 18715@1.0                 | BIC SABRRUMM = SABRRUMM
            Sberbank of Russia    | BIC:VTBRRUMM               | 17013@0.951                | BIC VTBRRUMM = VTBRRUMM
            """)
    void byIdentifiers(String name, String ids, String expected, String line) {
        NameIndex.Result r = INDEX.search(query(name, ids), INDEX.threshold(), 10);
        List<String> got = r.matches().stream().map(m -> m.entryId() + "@" + Math.round(m.score() * 1000) / 1000.0)
                .toList();
        assertThat(got).isEqualTo(expected.isEmpty() ? List.of() : List.of(expected.split(" +")));
        if (!line.isEmpty()) {
            assertThat(r.matches().get(0).features()).filteredOn(f -> f.feature().equals("identifier"))
                    .extracting(MatchFeature::detail).containsExactly(line);
        }
    }

    /** A query without identifiers finds what it found before entries carried any, with the same explanations. */
    @ParameterizedTest
    @ValueSource(strings = {"VTB Bank", "Sberbank", "VTB Capital", "Ivan Petrov", "Havin Bank", "Bank"})
    void nameOnlyQueriesUnchanged(String name) {
        List<MatchCandidate> bare = ENTRIES.stream().map(c -> new MatchCandidate(c.listId(), c.entryId(),
                c.primaryName(), c.aliases(), c.type(), c.countries(), c.programs())).toList();
        NameIndex without = NameIndex.build(bare, NORMALIZER, 0.86, 25);
        MatchQuery q = new MatchQuery(name, null, Set.of("RU"));
        assertThat(INDEX.search(q, 0.5, 10)).isEqualTo(without.search(q, 0.5, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BIC:VTBRRUMM", "BIC:VTBRRUMMXXX", "INN:7702070139", "PASSPORT:K475336"})
    void theIndexHoldsEachIdentifierOnce(String id) {
        assertThat(INDEX.identifierCount()).isEqualTo(8);
        assertThat(INDEX.search(query(null, id), 0, 10).matches()).hasSize(1);
    }
}
