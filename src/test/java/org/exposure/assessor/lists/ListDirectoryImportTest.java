package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ListDirectoryImportTest {
    @Inject
    ListDirectoryImport directoryImport;
    @Inject
    ListStore store;
    @Inject
    org.exposure.assessor.screening.ScreeningIndex index;

    @org.junit.jupiter.api.AfterEach
    void removeLists() {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            org.exposure.assessor.persistence.ListEntryEntity.deleteAll();
            org.exposure.assessor.persistence.ListVersionEntity.deleteAll();
        });
        index.reload();
    }

    @Test
    void importsEachSourceDirectoryAndSkipsABrokenOne() throws IOException {
        Path sdn = Path.of("../shared/data/ofac/sdn_2024-05-03.csv");
        Assumptions.assumeTrue(Files.isReadable(sdn), "needs the shared OFAC snapshot");
        Path dir = Path.of("target/list-dir-test/" + System.nanoTime());
        Files.createDirectories(dir.resolve("OFAC-SDN"));
        Files.createDirectories(dir.resolve("US-CSL"));
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(sdn, StandardCharsets.ISO_8859_1).subList(100, 111));
        // One row of this run's own, so that a database kept from an earlier run does not hold this content yet.
        String first = lines.get(0);
        lines.add((800_000_000L + System.nanoTime() % 99_999_999L) + first.substring(first.indexOf(',')));
        Files.write(dir.resolve("OFAC-SDN/sdn.csv"), lines, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("US-CSL/consolidated.csv"), "<html>not a csv list</html>");

        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(store.inForce()).anySatisfy(v -> {
            assertThat(v.source).isEqualTo("OFAC-SDN");
            assertThat(v.entryCount).isEqualTo(12);
        });
        // Running it again changes nothing: the same content is the same version.
        String before = store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow().id.toString();
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow().id.toString())
                .isEqualTo(before);
    }

    /**
     * DIR/OFAC-SDN with the whole snapshots as SDN.CSV, alt.csv and add.csv (OFAC's own names are upper case) and an
     * older file beside them: the three are imported together, aliases and addresses included.
     */
    @Test
    void readsSdnAltAndAddTogether() throws IOException {
        Path sdn = Snapshots.require("ofac/sdn_2024-05-03.csv");
        Path alt = Snapshots.require("ofac/alt_2025-12_watchman.csv");
        Path add = Snapshots.require("ofac/add_2025-12_watchman.csv");
        Path dir = Path.of("target/list-dir-test/" + System.nanoTime());
        Path ofac = Files.createDirectories(dir.resolve("OFAC-SDN"));
        // The whole SDN file plus one row of this run's own, so a database kept from an earlier run lacks this content.
        byte[] own = ((700_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"DIRECTORY TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(ofac.resolve("SDN.CSV"), withRowBeforeTheEndMarker(Files.readAllBytes(sdn), own));
        Files.copy(alt, ofac.resolve("alt.csv"));
        Files.copy(add, ofac.resolve("add.csv"));
        Files.writeString(ofac.resolve("zz-older-export.txt"), "not read: sdn.csv is there");

        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        var version = store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow();
        assertThat(version.entryCount).isEqualTo(14_966);
        assertThat(version.skippedRows).isZero();
        // Entries with at least one alias row of alt.csv, and with at least one non-empty address row of add.csv
        // (counted independently with Python's csv module: 7,086; 11,685, as 2,556 add.csv rows are -0- throughout).
        assertThat(entriesWhoseOriginalHas(version.id, "\"alt:")).isEqualTo(7_086);
        assertThat(entriesWhoseOriginalHas(version.id, "\"add:")).isEqualTo(11_685);
        // VTB's sdn.csv row has no alias and no country: they come from alt.csv and add.csv.
        var vtb = store.entry("OFAC-SDN", "17013").orElseThrow();
        assertThat(vtb.aliasesJson).contains("JSC VTB BANK", "BANK VNESHNEY TORGOVLI JOINT STOCK COMPANY");
        assertThat(vtb.originalJson).contains("The Taj Mahal Hotel, Lobby Mezzanine Floor 1, Mansingh Road, New Delhi 110001, India");
        assertThat(vtb.countriesJson).contains("RU", "IN", "CN");

        // alt.csv without sdn.csv is not read as an SDN file: nothing imported, the version in force stays.
        Path lonely = Path.of("target/list-dir-test/" + System.nanoTime());
        Files.createDirectories(lonely.resolve("OFAC-SDN"));
        Files.copy(alt, lonely.resolve("OFAC-SDN/alt.csv"));
        assertThat(directoryImport.importAll(lonely)).isZero();
        assertThat(store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow().id)
                .isEqualTo(version.id);
    }

    /** The file with {@code row} inserted before its last line, the lone 0x1A end-of-file marker. */
    static byte[] withRowBeforeTheEndMarker(byte[] file, byte[] row) {
        assertThat(file[file.length - 1]).isEqualTo((byte) 0x1a);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(file.length + row.length);
        out.write(file, 0, file.length - 1);
        out.writeBytes(row);
        out.write(0x1a);
        return out.toByteArray();
    }

    private static long entriesWhoseOriginalHas(java.util.UUID versionId, String text) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.exposure.assessor.persistence.ListEntryEntity.count("versionId = ?1 and originalJson like ?2",
                        versionId, "%" + text + "%"));
    }
}
