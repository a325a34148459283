package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The canonical content two list versions are compared in: what is cosmetic, and what is not. */
class EntryContentTest {
    private static EntryContent.Stored entry(String source, String name, String aliases, String programs,
                                             String remarks, boolean secondary, String original) {
        return new EntryContent.Stored(source, name, "ENTITY", null, aliases, programs, "[\"RU\",\"CY\"]",
                "[{\"type\":\"SWIFT/BIC\",\"value\":\"VTBRRUMM\",\"country\":null}]", remarks, "[]", secondary,
                original);
    }

    @Test
    void orderWhitespaceAndKeyOrderAreCosmetic() {
        EntryContent.Stored a = entry("OFAC-SDN", "VTB BANK",
                "[{\"name\":\"VTB\",\"kind\":\"AKA\",\"weak\":false},{\"name\":\"BANK VTB\",\"kind\":\"FKA\",\"weak\":false}]",
                "[\"UKRAINE-EO13662\",\"RUSSIA-EO14024\"]", "[\"SWIFT/BIC VTBRRUMM; Website www.vtb.ru.\"]", true,
                "{\"ent_num\":\"17013\",\"title\":\"a b\",\"add:1\":\"Moscow, Russia\",\"add:2\":\"St. Petersburg, Russia\"}");
        EntryContent.Stored b = new EntryContent.Stored("OFAC-SDN", "  VTB\u00a0 BANK ", "ENTITY", null,
                "[{\"weak\":false,\"kind\":\"FKA\",\"name\":\"BANK  VTB\"},{\"name\":\"VTB\",\"kind\":\"AKA\",\"weak\":false}]",
                "[\"RUSSIA-EO14024\",\"UKRAINE-EO13662\"]", "[\"CY\",\"RU\"]",
                "[{\"value\":\"VTBRRUMM\",\"type\":\"SWIFT/BIC\",\"country\":null}]",
                "[\"SWIFT/BIC VTBRRUMM;   Website www.vtb.ru.\"]", "[]", true,
                "{\"add:2\":\"St. Petersburg,\\n Russia\",\"title\":\"a  b\",\"add:1\":\"Moscow, Russia\",\"ent_num\":\"17013\"}");
        assertThat(EntryContent.fields(b)).isEqualTo(EntryContent.fields(a));
        assertThat(EntryContent.hash(b)).isEqualTo(EntryContent.hash(a)).matches("[0-9a-f]{64}");
    }

    @Test
    void addressesAndTheRestOfTheRecordAreFieldsOfTheirOwn() {
        Map<String, JsonNode> f = EntryContent.fields(entry("US-CSL", "X", "[]", "[]", "[]", false,
                "{\"_id\":\"1\",\"name\":\"X\",\"alt_names\":\"A; B\",\"addresses\":\"Street 1, Moscow, RU; Road 2, Minsk, BY\","
                        + "\"ids\":\"Gender, Male\",\"title\":\"Director\"}"));
        assertThat(f.keySet()).containsExactlyElementsOf(EntryContent.FIELDS);
        assertThat(f.get("addresses").toString()).isEqualTo("[\"Road 2, Minsk, BY\",\"Street 1, Moscow, RU\"]");
        // The id, the name and the aliases are reported by their own fields, not again as the record's.
        assertThat(f.get("record").toString()).isEqualTo("{\"ids\":\"Gender, Male\",\"title\":\"Director\"}");
    }

    @Test
    void aRepeatedFieldIsComparedWhateverTheOrderOfItsValues() {
        Map<String, JsonNode> a = EntryContent.fields(entry("UN", "X", "[]", "[]", "[]", false,
                "{\"DATE_OF_BIRTH\":\"1960 | 1961\",\"ADDRESS\":\"Kabul, Afghanistan | Quetta, Pakistan\"}"));
        Map<String, JsonNode> b = EntryContent.fields(entry("UN", "X", "[]", "[]", "[]", false,
                "{\"ADDRESS\":\"Quetta, Pakistan | Kabul,  Afghanistan\",\"DATE_OF_BIRTH\":\"1961 | 1960\"}"));
        assertThat(b).isEqualTo(a);
        assertThat(a.get("addresses")).hasSize(2);
    }

    @Test
    void whatTheEntrySaysIsNotCosmetic() {
        EntryContent.Stored base = entry("OFAC-SDN", "X", "[]", "[\"SDGT\"]", "[]", false, "{\"title\":\"Director\"}");
        String hash = EntryContent.hash(base);
        assertThat(EntryContent.hash(entry("OFAC-SDN", "X", "[]", "[\"SDGT\"]", "[]", true, "{\"title\":\"Director\"}")))
                .isNotEqualTo(hash);
        assertThat(EntryContent.hash(entry("OFAC-SDN", "X", "[]", "[\"SDGT\",\"IRAN\"]", "[]", false, "{\"title\":\"Director\"}")))
                .isNotEqualTo(hash);
        assertThat(EntryContent.hash(entry("OFAC-SDN", "X", "[]", "[\"SDGT\"]", "[]", false, "{\"title\":\"Manager\"}")))
                .isNotEqualTo(hash);
        assertThat(EntryContent.hash(entry("OFAC-SDN", "X Y", "[]", "[\"SDGT\"]", "[]", false, "{\"title\":\"Director\"}")))
                .isNotEqualTo(hash);
        // Case is content: a publisher that corrects "Llc" to "LLC" changed the entry.
        assertThat(EntryContent.hash(entry("OFAC-SDN", "x", "[]", "[\"SDGT\"]", "[]", false, "{\"title\":\"Director\"}")))
                .isNotEqualTo(hash);
    }
}
