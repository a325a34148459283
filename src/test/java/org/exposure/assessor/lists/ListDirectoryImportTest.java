package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The import of a lists directory (assessor.lists.dir) on directories of the tests' own, made from the fixtures. */
@QuarkusTest
class ListDirectoryImportTest {
    @Inject
    ListDirectoryImport directoryImport;
    @Inject
    ListStore store;

    // From no list in force, so each import here is judged on its own and not against the start-up lists (the
    // very same fixture files, in the second test), which are back in force for the tests that follow.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupLists() {
        ListFixtures.restore();
    }

    @Test
    void importsEachSourceDirectoryAndSkipsABrokenOne() throws IOException {
        Path dir = Path.of("target/list-dir-test/" + System.nanoTime());
        Files.createDirectories(dir.resolve("OFAC-SDN"));
        Files.createDirectories(dir.resolve("US-CSL"));
        List<String> lines = new ArrayList<>(Fixtures.sdnLines().subList(100, 111));
        // One row of this run's own, so that a database kept from an earlier run does not hold this content yet.
        String first = lines.get(0);
        lines.add((800_000_000L + System.nanoTime() % 99_999_999L) + first.substring(first.indexOf(',')));
        Files.write(dir.resolve("OFAC-SDN/sdn.csv"), lines, StandardCharsets.ISO_8859_1);
        Files.writeString(dir.resolve("US-CSL/consolidated.csv"), "<html>not a csv list</html>");

        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(store.inForce()).singleElement().satisfies(v -> {
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
     * Files already stored are recognised by their content hash without parsing and leave their version as it is:
     * the same file again keeps its version; an earlier file does not undo the newer version in force (a directory
     * kept from last month must not undo today's download at every start); new content that drops too many entries
     * (assessor.lists.max-drop) is held, and held again next time without a second version.
     */
    @Test
    void storedContentIsRecognisedByItsHashAndTreatedAsStoringItWould() throws IOException {
        Path dir = Path.of("target/list-dir-test/" + System.nanoTime());
        Path sdn = Files.createDirectories(dir.resolve("OFAC-SDN")).resolve("sdn.csv");
        // Rows of this run's own, so that a database kept from an earlier run does not hold this content yet.
        long own = 600_000_000L + System.nanoTime() % 99_999_000L;
        String a = rows(own, 20);
        String b = a + rows(own + 20, 1);
        String c = rows(own, 15);

        Files.writeString(sdn, a, StandardCharsets.ISO_8859_1);
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        var first = inForce("OFAC-SDN");
        assertThat(first.entryCount).isEqualTo(20);
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(inForce("OFAC-SDN").id).isEqualTo(first.id);

        Files.writeString(sdn, b, StandardCharsets.ISO_8859_1);
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(inForce("OFAC-SDN").entryCount).isEqualTo(21);

        // Back to the first file: already stored, so nothing changes; the newer version stays in force.
        var second = inForce("OFAC-SDN");
        Files.writeString(sdn, a, StandardCharsets.ISO_8859_1);
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(inForce("OFAC-SDN").id).isEqualTo(second.id);

        // Dropping 6 of 21 is held, new or known; the version in force stays, and no version is added.
        Files.writeString(sdn, c, StandardCharsets.ISO_8859_1);
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        long versions = versionCount("OFAC-SDN");
        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        assertThat(versionCount("OFAC-SDN")).isEqualTo(versions);
        assertThat(inForce("OFAC-SDN").id).isEqualTo(second.id);
        assertThat(io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.exposure.assessor.persistence.ListVersionEntity.count("source = ?1 and held = true and entryCount = 15",
                        "OFAC-SDN"))).isEqualTo(1);
    }

    private static String rows(long firstId, int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(firstId + i).append(",\"HASH TEST ").append(i).append("\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
        }
        return out.toString();
    }

    private org.exposure.assessor.persistence.ListVersionEntity inForce(String source) {
        return store.inForce().stream().filter(v -> v.source.equals(source)).findFirst().orElseThrow();
    }

    private static long versionCount(String source) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.exposure.assessor.persistence.ListVersionEntity.count("source", source));
    }

    /**
     * DIR/OFAC-SDN with the fixture files as SDN.CSV, alt.csv and add.csv (OFAC's own names are upper case) and an
     * older file beside them: the three are imported together, aliases and addresses included.
     */
    @Test
    void readsSdnAltAndAddTogether() throws IOException {
        Path dir = Path.of("target/list-dir-test/" + System.nanoTime());
        Path ofac = Files.createDirectories(dir.resolve("OFAC-SDN"));
        // The SDN fixture plus one row of this run's own, so a database kept from an earlier run lacks this content.
        byte[] own = ((700_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"DIRECTORY TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Files.write(ofac.resolve("SDN.CSV"), Fixtures.withRowBeforeTheEndMarker(Fixtures.bytes(Fixtures.SDN), own));
        Files.copy(Fixtures.ALT, ofac.resolve("alt.csv"));
        Files.copy(Fixtures.ADD, ofac.resolve("add.csv"));
        Files.writeString(ofac.resolve("zz-older-export.txt"), "not read: sdn.csv is there");

        assertThat(directoryImport.importAll(dir)).isEqualTo(1);
        var version = store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow();
        assertThat(version.entryCount).isEqualTo(Fixtures.SDN_ENTRIES + 1);
        assertThat(version.skippedRows).isZero();
        // Entries with at least one alias row of alt.csv, and with at least one address row of add.csv that is not
        // -0- throughout, as stored.
        assertThat(entriesWhoseOriginalHas(version.id, "\"alt:")).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ALT);
        assertThat(entriesWhoseOriginalHas(version.id, "\"add:")).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ADDRESS);
        // VTB's sdn.csv row has no alias and no country: they come from alt.csv and add.csv.
        var vtb = store.entry("OFAC-SDN", "17013").orElseThrow();
        assertThat(vtb.aliasesJson).contains("JSC VTB BANK", "BANK VNESHNEY TORGOVLI JOINT STOCK COMPANY");
        assertThat(vtb.originalJson).contains("The Taj Mahal Hotel, Lobby Mezzanine Floor 1, Mansingh Road, New Delhi 110001, India");
        assertThat(vtb.countriesJson).contains("RU", "IN", "CN");

        // alt.csv without sdn.csv is not read as an SDN file: nothing imported, the version in force stays.
        Path lonely = Path.of("target/list-dir-test/" + System.nanoTime());
        Files.createDirectories(lonely.resolve("OFAC-SDN"));
        Files.copy(Fixtures.ALT, lonely.resolve("OFAC-SDN/alt.csv"));
        assertThat(directoryImport.importAll(lonely)).isZero();
        assertThat(store.inForce().stream().filter(v -> v.source.equals("OFAC-SDN")).findFirst().orElseThrow().id)
                .isEqualTo(version.id);
    }

    /** The fixture directory itself, as the test profile imports it at start-up: every source, every entry. */
    @Test
    void theFixtureDirectoryImportsEverySource() {
        assertThat(directoryImport.importAll(Fixtures.LISTS)).isEqualTo(5);
        assertThat(store.inForce()).extracting(v -> v.source + " " + v.entryCount + " " + v.skippedRows)
                .containsExactlyInAnyOrder("OFAC-SDN " + Fixtures.SDN_ENTRIES + " 0", "US-CSL " + Fixtures.CSL_ROWS + " 0",
                        "UN " + (Fixtures.UN_INDIVIDUALS + Fixtures.UN_ENTITIES) + " 0",
                        "EU-FSF " + Fixtures.EU_FSF_ENTITIES + " 0", "UK-SL " + Fixtures.UK_SL_DESIGNATIONS + " 0");
    }

    private static long entriesWhoseOriginalHas(java.util.UUID versionId, String text) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                org.exposure.assessor.persistence.ListEntryEntity.count("versionId = ?1 and originalJson like ?2",
                        versionId, "%" + text + "%"));
    }
}
