package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exposure.assessor.domain.Severity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grade of a list match, shared by LIST-SDN, LIST-ENTITY-LIST, LIST-OTHER and GOODS-MIB-END-USER. */
class ListMatchTest {

    private static ListMatch match(String source, String list, String entryId, double score) {
        return new ListMatch("endUser", "END_USER", "Yilufa", source, list, "v-1", entryId, "YILUFA", "YILUFA", score,
                List.of(), false, List.of());
    }

    private static final String ENTITY_LIST = "Entity List (EL) - Bureau of Industry and Security";
    private static final String CSL_SDN = "Specially Designated Nationals (SDN) - Treasury Department";

    @Test
    @DisplayName("An SDN entry blocks, from the SDN file or the CSL; the Entity List and the UN list are SEVERE; any other HIGH")
    void severityByList() {
        assertThat(match("OFAC-SDN", null, "1", 0.9).getSeverity()).isEqualTo(Severity.BLOCKED);
        assertThat(match("US-CSL", CSL_SDN, "1", 0.9).getSeverity()).isEqualTo(Severity.BLOCKED);
        assertThat(match("US-CSL", ENTITY_LIST, "1", 0.9).getSeverity()).isEqualTo(Severity.SEVERE);
        assertThat(match("UN", null, "1", 0.9).getSeverity()).isEqualTo(Severity.SEVERE);
        assertThat(match("OPENSANCTIONS", null, "1", 0.9).getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(match("US-CSL", "Sectoral Sanctions Identifications List (SSI) - Treasury Department", "1", 0.9)
                .getSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    @DisplayName("The gravest list grades a party before any score; within a grade the best score; of equals the earliest")
    void gravest() {
        ListMatch other = match("OPENSANCTIONS", null, "o", 0.99);
        ListMatch un = match("UN", null, "u", 0.80);
        ListMatch entity = match("US-CSL", ENTITY_LIST, "e", 0.85);
        ListMatch sdn = match("OFAC-SDN", null, "s", 0.75);
        assertThat(ListMatch.gravest(List.of(other, un, sdn, entity))).isSameAs(sdn);
        assertThat(ListMatch.gravest(List.of(other, un, entity))).isSameAs(entity);
        ListMatch unAgain = match("UN", null, "u2", 0.85);
        assertThat(ListMatch.gravest(List.of(entity, unAgain))).isSameAs(entity);
        assertThat(ListMatch.gravest(List.of(unAgain, entity))).isSameAs(unAgain);
        assertThat(ListMatch.gravest(List.of())).isNull();
    }
}
