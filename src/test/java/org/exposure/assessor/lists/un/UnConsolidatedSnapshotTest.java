package org.exposure.assessor.lists.un;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.Snapshots;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole UN consolidated list snapshot (generated 2026-02-27) through the importer. */
@Tag(Snapshots.TAG)
class UnConsolidatedSnapshotTest {

    @Test
    void countsOfTheRealSnapshot() throws Exception {
        ImportResult r = new UnConsolidatedImporter().importFrom(Snapshots.require("un/UN_consolidated.xml"));
        assertThat(r.count("individuals")).isEqualTo(730);
        assertThat(r.count("entities")).isEqualTo(273);
        assertThat(r.entryCount()).isEqualTo(1_003);
        assertThat(r.problems()).isEmpty();
        assertThat(r.published()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.INDIVIDUAL).count()).isEqualTo(730);
    }
}
