package org.exposure.assessor.lists.csl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exposure.assessor.lists.ImportTesting.gzip;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ImportTesting;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The US CSL importer on the fixture (src/test/resources/lists/US-CSL); the full snapshot: CslSnapshotTest. */
class CslImporterTest {
    private static final String SDN = "Specially Designated Nationals (SDN) - Treasury Department";
    private static final String EL = "Entity List (EL) - Bureau of Industry and Security";
    private static final String SSI = "Sectoral Sanctions Identifications List (SSI) - Treasury Department";
    private static ImportResult full;

    @BeforeAll
    static void importFixture() throws Exception {
        full = new CslImporter().importFrom(Fixtures.CSL);
    }

    private static ImportResult full() {
        return full;
    }

    private static void assertRejected(byte[] content, String message) throws IOException {
        CslImporter importer = new CslImporter();
        ImportTesting.assertRejected("csl-reject.bin", content, importer::importFrom, importer::importFrom, "US CSL",
                message);
    }

    private static List<ListEntry> withId(String id) {
        return full().entries().stream().filter(e -> e.id().equals(id)).toList();
    }

    @Test
    void countsOfTheFixture() {
        ImportResult r = full();
        assertThat(r.entryCount()).isEqualTo(Fixtures.CSL_ROWS);
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries().stream().filter(e -> EL.equals(e.list())).count()).isEqualTo(37);
        // the ids column also carries facts that are not identifiers; they stay in the evidence only
        assertThat(r.entries().stream().flatMap(e -> e.identifiers().stream()).map(Identifier::type))
                .doesNotContain("Gender", "Secondary sanctions risk:", "Additional Sanctions Information -")
                .contains("SWIFT/BIC", "Passport");
        assertThat(r.sha256()).isEqualTo(Inputs.sha256(Fixtures.bytes(Fixtures.CSL)));
        assertThat(r.published()).isNull();
    }

    @Test
    void theSameFileGzippedGivesTheSameEntries() throws Exception {
        // trade.gov publishes the CSL gzipped as well as plain; the snapshot was gzipped, the fixture is plain
        ImportResult gz = new CslImporter().importFrom(new ByteArrayInputStream(gzip(Fixtures.bytes(Fixtures.CSL))));
        assertThat(gz.entries()).isEqualTo(full().entries());
        assertThat(gz.problems()).isEmpty();
    }

    @Test
    void vtbBankIsOnSdnSsiAndCapta() {
        List<ListEntry> vtb = withId("17013");
        assertThat(vtb).extracting(ListEntry::list).containsExactlyInAnyOrder(SDN, SSI,
                "Capta List (CAP) - Treasury Department");
        ListEntry sdn = vtb.stream().filter(e -> SDN.equals(e.list())).findFirst().orElseThrow();
        assertThat(sdn.name()).isEqualTo("VTB BANK PUBLIC JOINT STOCK COMPANY");
        assertThat(sdn.type()).isEqualTo(EntityType.ENTITY);
        assertThat(sdn.aliases()).contains(Alias.aka("VTB BANK PJSC"), Alias.aka("VNESHTORGBANK"));
        assertThat(sdn.programs()).contains("RUSSIA-EO14024");
        assertThat(sdn.identifiers()).contains(new Identifier("Tax ID No.", "7702070139", "RU"));
        assertThat(sdn.countries()).contains("RU");
        assertThat(sdn.evidence()).containsEntry("_id", "17013").containsEntry("source", SDN);
    }

    @Test
    void entityListRowWithItsAliases() {
        ListEntry e = withId("4398d33e9e93c7477af39f1e0bfffc13ddd47bcc").get(0);
        assertThat(e.name()).isEqualTo("140 Repair Plant JSC");
        assertThat(e.list()).isEqualTo(EL);
        assertThat(e.type()).isEqualTo(EntityType.UNKNOWN);
        assertThat(e.aliases()).containsExactly(Alias.aka("Open Joint Stock Company 140 Repair Plant"),
                Alias.aka("JSC 140 Repair Plant"));
        assertThat(e.countries()).containsExactly("BY");
    }

    @Test
    void malformedRowsAreReportedAndTheRestImported() throws Exception {
        List<String> lines = Arrays.asList(new String(Fixtures.bytes(Fixtures.CSL), StandardCharsets.UTF_8).split("\n", 12));
        List<String> copy = new ArrayList<>(lines.subList(0, 11)); // header + 10 rows without embedded newlines
        assertThat(copy).allMatch(l -> !l.isEmpty());
        copy.add(4, "only,three,columns");
        copy.add(7, ",Entity List (EL) - Bureau of Industry and Security,,,,No id,,,,,,,,,,,,,,,,,,,,,,,");
        Path file = Fixtures.scratch("csl-broken-rows.csv.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(String.join("\n", copy).getBytes(StandardCharsets.UTF_8));
        }
        ImportResult r = new CslImporter().importFrom(file);
        assertThat(r.entryCount()).isEqualTo(10);
        assertThat(r.problems()).containsExactly(new RowProblem(5, "3 columns, header has 29"),
                new RowProblem(8, "empty _id"));

        // the same rows uncompressed
        Path plain = Fixtures.scratch("csl-broken-rows.csv");
        Files.writeString(plain, String.join("\n", copy));
        assertThat(new CslImporter().importFrom(plain).entryCount()).isEqualTo(10);
    }

    @Test
    void wrongFilesAreRejectedWhole() throws Exception {
        CslImporter importer = new CslImporter();
        assertRejected("<html><head><title>502 Bad Gateway</title></head></html>".getBytes(), "HTML page");
        assertRejected(gzip("{\"total\": 0, \"results\": []}"), "JSON document");
        assertRejected(gzip("a,b,c\n1,2,3\n"), "header lacks _id, source, name, alt_names");
        byte[] real = gzip(Fixtures.bytes(Fixtures.CSL));
        assertRejected(Arrays.copyOf(real, real.length / 2), "truncated gzip");
        // another list's real file
        assertThatThrownBy(() -> importer.importFrom(Fixtures.SDN)).isInstanceOf(ImportException.class)
                .hasMessageContaining("header lacks");
    }
}
