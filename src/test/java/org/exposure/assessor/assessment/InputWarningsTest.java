package org.exposure.assessor.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.testsupport.ExportBuilder.export;
import static org.exposure.assessor.testsupport.SupplierBuilder.supplier;

import java.util.List;

import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.rules.ReferenceData;
import org.exposure.assessor.testsupport.Engines;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The BORDER_CROSSING_UNKNOWN warning beside SUP-BORDER-CROSSING: a crossing the China-Russia list does not know. */
class InputWarningsTest {
    private final ReferenceData ref = Engines.project().reference();

    @Test
    @DisplayName("SUP-BORDER-CROSSING: an unknown crossing (Erenhot, China–Mongolia) gives BORDER_CROSSING_UNKNOWN naming the export's field; a known one (Kani-Kurgan) or none gives nothing")
    void unknownCrossingWarns() {
        List<Warning> warnings = InputWarnings.crossings(supplier().exports(
                export().via("Kani-Kurgan"), export().via("Erenhot"), export().via(null), export().via("  ")).build(), ref);
        assertThat(warnings).hasSize(1);
        Warning w = warnings.get(0);
        assertThat(w.code()).isEqualTo("BORDER_CROSSING_UNKNOWN");
        assertThat(w.field()).isEqualTo("exports[1].borderCrossing");
        assertThat(w.message()).contains("\"Erenhot\"", "not on the China–Russia land border list");
    }
}
