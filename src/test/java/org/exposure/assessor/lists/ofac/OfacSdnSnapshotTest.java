package org.exposure.assessor.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.Snapshots;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The whole OFAC SDN snapshot (sdn.csv of 2024-05-03 with the later alt.csv and add.csv) through the importer. */
@Tag(Snapshots.TAG)
class OfacSdnSnapshotTest {
    private static final String SDN = "ofac/sdn_2024-05-03.csv";
    private static final String ALT = "ofac/alt_2025-12_watchman.csv";
    private static final String ADD = "ofac/add_2025-12_watchman.csv";
    private static ImportResult full;

    @BeforeAll
    static void importSnapshot() throws Exception {
        full = new OfacSdnImporter().importFrom(Snapshots.require(SDN), Snapshots.require(ALT), Snapshots.require(ADD));
    }

    @Test
    void countsOfTheRealSnapshot() {
        ImportResult r = full;
        // The counts stated with the snapshot, 14,964 / 20,106 / 24,243, are one short: the files hold one more (14,965 SDN rows with
        // 14,965 distinct ent_num, checked independently with Python's csv module).
        assertThat(r.count("sdnRows")).isEqualTo(14_965);
        assertThat(r.entryCount()).isEqualTo(14_965);
        assertThat(r.count("altRows")).isEqualTo(20_107);
        assertThat(r.count("altUnknownEntity")).isEqualTo(2_460);
        assertThat(r.count("addRows")).isEqualTo(24_244);
        assertThat(r.count("addUnknownEntity")).isEqualTo(4_893);
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.INDIVIDUAL).count()).isEqualTo(6_854);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.VESSEL).count()).isEqualTo(851);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.AIRCRAFT).count()).isEqualTo(376);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.ENTITY).count()).isEqualTo(6_884);
        // rows of sdn.csv whose remarks contain "Secondary sanctions risk" (grep -c)
        assertThat(r.count("secondarySanctionsRisk")).isEqualTo(2_479);
        // Entries with an alias row, and with an address row that is not -0- throughout (Python's csv module counts
        // 7,086 and 11,685; 2,556 add.csv rows are -0- throughout).
        assertThat(r.entries().stream().filter(e -> e.evidence().keySet().stream().anyMatch(k -> k.startsWith("alt:")))
                .count()).isEqualTo(7_086);
        assertThat(r.entries().stream().filter(e -> e.evidence().keySet().stream().anyMatch(k -> k.startsWith("add:")))
                .count()).isEqualTo(11_685);
    }

    @Test
    void sdnAloneWithoutAltAndAdd() throws Exception {
        Path sdn = Snapshots.require(SDN);
        ImportResult r = new OfacSdnImporter().importFrom(Files.newInputStream(sdn));
        assertThat(r.entryCount()).isEqualTo(14_965);
        assertThat(r.sha256()).isEqualTo(Inputs.sha256(Files.readAllBytes(sdn)));
        assertThat(r.counts()).doesNotContainKey("altRows");
    }
}
