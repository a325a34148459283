package org.exposure.assessor.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The entry content a dismissal is bound to: order and formatting do not change it, content does. */
class EntryHashesTest {

    @Test
    void the_order_of_aliases_and_object_keys_does_not_change_the_canonical_form() {
        assertThat(EntryHashes.canonicalJson("[{\"name\":\"B\",\"weak\":false},{\"name\":\"A\"}]"))
                .isEqualTo(EntryHashes.canonicalJson("[ {\"name\":\"A\"}, {\"weak\":false, \"name\":\"B\"} ]"));
    }

    @Test
    void a_changed_alias_or_remark_changes_the_hash() {
        String before = EntryHashes.hash(List.of("OFAC-SDN", "990001", "ENTITY", "", "KESTREL",
                EntryHashes.canonicalJson("[\"a.k.a. K-AV\"]")));
        String same = EntryHashes.hash(List.of("OFAC-SDN", "990001", "ENTITY", "", "KESTREL",
                EntryHashes.canonicalJson("[ \"a.k.a. K-AV\" ]")));
        String changed = EntryHashes.hash(List.of("OFAC-SDN", "990001", "ENTITY", "", "KESTREL",
                EntryHashes.canonicalJson("[\"a.k.a. K-AV\",\"a.k.a. KESTREL AVIA\"]")));
        assertThat(before).hasSize(64).isEqualTo(same).isNotEqualTo(changed);
    }

    @Test
    void fields_are_separated_so_that_moving_text_between_them_changes_the_hash() {
        assertThat(EntryHashes.hash(List.of("ab", "c"))).isNotEqualTo(EntryHashes.hash(List.of("a", "bc")));
    }
}
