package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.exposure.assessor.domain.Severity;
import org.junit.jupiter.api.Test;

/**
 * A match on the EU or UK list, whose entries carry their programme or regime as their list: graded HIGH by
 * LIST-OTHER (neither SDN nor Entity List), and labelled with the list and the regime.
 */
class EuUkListMatchTest {
    private static ListMatch match(String source, String list, String entryId, String primaryName) {
        return new ListMatch("subject", "SUBJECT", primaryName, source, list, "v-1", entryId, primaryName, primaryName,
                0.95, List.of(), false, List.of());
    }

    @Test
    void anEuMatchIsHighNotSdnAndNamesItsProgramme() {
        ListMatch eu = match("EU-FSF", "programme IRN", "3822", "Parchin Chemical Industries (PCI)");
        assertThat(eu.isSdn()).isFalse();
        assertThat(eu.isEntityList()).isFalse();
        assertThat(eu.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(eu.getLabel()).isEqualTo("EU-FSF / programme IRN entry 3822 (Parchin Chemical Industries (PCI))");
    }

    @Test
    void aUkMatchIsHighNotSdnAndNamesItsRegime() {
        ListMatch uk = match("UK-SL", "The Russia (Sanctions) (EU Exit) Regulations 2019", "RUS0001", "Ivan PETROV");
        assertThat(uk.isSdn()).isFalse();
        assertThat(uk.isEntityList()).isFalse();
        assertThat(uk.getSeverity()).isEqualTo(Severity.HIGH);
        assertThat(uk.getLabel())
                .isEqualTo("UK-SL / The Russia (Sanctions) (EU Exit) Regulations 2019 entry RUS0001 (Ivan PETROV)");
    }
}
