package org.exposure.assessor.lists.csl;

import static org.assertj.core.api.Assertions.assertThat;

import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.Snapshots;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole US Consolidated Screening List snapshot (gzipped, as trade.gov also publishes it) through the importer. */
@Tag(Snapshots.TAG)
class CslSnapshotTest {
    private static final String SDN = "Specially Designated Nationals (SDN) - Treasury Department";
    private static final String EL = "Entity List (EL) - Bureau of Industry and Security";
    private static final String SSI = "Sectoral Sanctions Identifications List (SSI) - Treasury Department";

    @Test
    void countsOfTheRealSnapshot() throws Exception {
        ImportResult r = new CslImporter().importFrom(Snapshots.require("csl/csl_us_consolidated_2025.csv.gz"));
        assertThat(r.entryCount()).isEqualTo(14_160);
        assertThat(r.count("rows")).isEqualTo(14_160);
        assertThat(r.problems()).isEmpty();
        assertThat(r.count("list:" + SDN)).isEqualTo(10_026);
        assertThat(r.count("list:" + EL)).isEqualTo(2_001);
        assertThat(r.count("list:" + SSI)).isEqualTo(290);
        assertThat(r.entries().stream().filter(e -> EL.equals(e.list())).count()).isEqualTo(2_001);
        // one party on several lists has one row per list with the same _id
        assertThat(r.entries().stream().map(ListEntry::id).distinct().count()).isEqualTo(14_048);
        assertThat(r.count("secondarySanctionsRisk")).isEqualTo(1_402);
        assertThat(r.sha256()).hasSize(64);
    }
}
