package org.exposure.assessor.lists.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.Snapshots;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The UK files of the shared snapshots through the importer: OFSI's whole Consolidated List of 10 April 2025 (as
 * CSV, gzipped) and the sample of the FCDO's UK Sanctions List XML of 14 August 2026.
 */
@Tag(Snapshots.TAG)
class UkSanctionsListSnapshotTest {

    @Test
    void theWholeConListIsOneEntryPerGroupId() throws Exception {
        long start = System.nanoTime();
        ImportResult r = new UkSanctionsListImporter().importFrom(Snapshots.require("uk/ofsi_conlist_2025-04-10.csv.gz"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(r.count("rows")).isEqualTo(18_796);
        assertThat(r.entryCount()).isEqualTo(4_686);
        assertThat(r.count("individuals")).isEqualTo(3_662);
        assertThat(r.count("entities")).isEqualTo(1_009);
        assertThat(r.count("ships")).isEqualTo(15);
        assertThat(r.problems()).isEmpty();
        assertThat(r.published()).isEqualTo(Instant.parse("2025-04-10T00:00:00Z"));
        // Every group but one (15878, whose Other Information starts with its statement of reasons) carries its UK
        // Sanctions List reference; two of them a UN-style one ("SDi.005").
        assertThat(r.entries().stream().filter(e -> e.identifierValues("UK Unique ID").isEmpty()))
                .extracting(ListEntry::id).containsExactly("15878");
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.UNKNOWN)).isEmpty();
        System.out.printf("UK ConList 2025-04-10: %d rows, %d entries, %d aliases in %d ms%n", r.count("rows"),
                r.entryCount(), r.count("aliases"), millis);
    }

    @Test
    void theFcdoSample() throws Exception {
        ImportResult r = new UkSanctionsListImporter()
                .importFrom(Snapshots.require("uk/fcdo_uk_sanctions_list_sample_2026-08-14.xml"));
        assertThat(r.count("records")).isEqualTo(5);
        assertThat(r.entries()).extracting(ListEntry::id).containsExactly("AFG0011", "AQD0128", "AQD0377", "DPR0075");
        assertThat(r.problems()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("Designation: no UniqueID"));
        assertThat(r.published()).isEqualTo(Instant.parse("2026-08-14T23:00:04.744Z"));
    }
}
