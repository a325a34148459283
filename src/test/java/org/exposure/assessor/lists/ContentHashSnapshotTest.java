package org.exposure.assessor.lists;

import static org.exposure.assessor.lists.ContentHashTest.assertSameHash;
import static org.exposure.assessor.lists.ImportTesting.parts;

import java.nio.file.Files;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link ContentHashTest} on the whole snapshots: the hash from the bytes is the hash of the parsed import. */
@Tag(Snapshots.TAG)
class ContentHashSnapshotTest {
    private final ListSources importers = new ListSources();

    @Test
    void theSharedSnapshots() throws Exception {
        assertSameHash(importers, "OFAC-SDN", parts("sdn", Files.readAllBytes(Snapshots.require("ofac/sdn_2024-05-03.csv")),
                "alt", Files.readAllBytes(Snapshots.require("ofac/alt_2025-12_watchman.csv")),
                "add", Files.readAllBytes(Snapshots.require("ofac/add_2025-12_watchman.csv"))));
        assertSameHash(importers, "US-CSL",
                parts("file", Files.readAllBytes(Snapshots.require("csl/csl_us_consolidated_2025.csv.gz"))));
        assertSameHash(importers, "UN", parts("file", Files.readAllBytes(Snapshots.require("un/UN_consolidated.xml"))));
        assertSameHash(importers, "EU-FSF",
                parts("file", Files.readAllBytes(Snapshots.require("eu/fsf_sample_gsmiguel_2026-08-05.xml"))));
        assertSameHash(importers, "UK-SL",
                parts("file", Files.readAllBytes(Snapshots.require("uk/ofsi_conlist_2025-04-10.csv.gz"))));
    }
}
