package org.exposure.assessor.lists.eu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.Snapshots;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The two EU FSF samples of the shared snapshots (carved from the Commission's export of 2026-08-05) through the
 * importer: the whole EU list is not among the snapshots, so these are the largest real EU files at hand.
 */
@Tag(Snapshots.TAG)
class EuFsfSnapshotTest {

    @Test
    void theFiveEntitiesOfTheFirstSample() throws Exception {
        ImportResult r = new EuFsfImporter().importFrom(Snapshots.require("eu/fsf_sample_gsmiguel_2026-08-05.xml"));
        assertThat(r.entries()).extracting(ListEntry::id).containsExactly("191", "521", "3822", "6106", "6177");
        assertThat(r.count("records")).isEqualTo(5);
        assertThat(r.count("persons")).isEqualTo(4);
        assertThat(r.count("enterprises")).isEqualTo(1);
        assertThat(r.problems()).isEmpty();
        assertThat(r.published()).isEqualTo(Instant.parse("2026-08-05T14:47:04.449Z"));
    }

    @Test
    void theSecondSampleWithItsSyntheticEntityWithoutAName() throws Exception {
        ImportResult r = new EuFsfImporter().importFrom(Snapshots.require("eu/fsf_sample_jaggeman_2026-08-05.xml"));
        assertThat(r.count("records")).isEqualTo(5);
        assertThat(r.entries()).extracting(ListEntry::id).containsExactly("13", "191", "980", "330");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("999999"));
        assertThat(r.entry("330").aliases()).isNotEmpty();
    }
}
