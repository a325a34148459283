package org.exposure.assessor.lists.opensanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ImportTesting;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

import org.junit.jupiter.api.Test;

class FtmImporterTest {
    private static void assertRejected(String content, String message) throws IOException {
        FtmImporter importer = new FtmImporter();
        ImportTesting.assertRejected("ftm-reject.json", ImportTesting.utf8(content), importer::importFrom,
                importer::importFrom, "OpenSanctions FtM", message);
    }

    // OpenSanctions' own test files (yente), copied whole: src/test/resources/README.md
    private static final Path T1 = Fixtures.FTM.resolve("t1_entities.ftm.json");
    private static final Path DELTA1 = Fixtures.FTM.resolve("t2_20240527194702-wnk_entities.delta.json");
    private static final Path DELTA2 = Fixtures.FTM.resolve("t2_20240528014702-pfh_entities.delta.json");

    @Test
    void fullFileOfSevenEntities() throws Exception {
        ImportResult r = new FtmImporter().importFrom(T1);
        assertThat(r.count("records")).isEqualTo(7);
        // six parties (4 Person, 2 Organization); the seventh record is an Address
        assertThat(r.entryCount()).isEqualTo(6);
        assertThat(r.count("nonParty")).isEqualTo(1);
        assertThat(r.problems()).isEmpty();
        assertThat(r.removedIds()).isEmpty();
        assertThat(r.source()).isEqualTo("OPENSANCTIONS");
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.INDIVIDUAL).count()).isEqualTo(4);

        ListEntry tobacco = r.entry("NK-2GdmHtZTeNXjNVrBGEXZNj");
        assertThat(tobacco.name()).isEqualTo("RAB „Inter Tobacco“");
        assertThat(tobacco.type()).isEqualTo(EntityType.ENTITY);
        assertThat(tobacco.aliases()).hasSize(11).contains(Alias.aka("LLC “Inter Tobacco”"),
                Alias.aka("Общество с ограниченной ответственностью “Интер Тобако”"));
        assertThat(tobacco.countries()).containsExactly("BY");
        assertThat(tobacco.identifiers()).containsExactly(new Identifier("registrationNumber", "808000714", null));
        assertThat(tobacco.datasets()).containsExactly("eu_fsf");
        assertThat(tobacco.remarks()).containsExactly("Belarus (Minsk Free Economic Zone)");
        assertThat(tobacco.evidence()).containsEntry("schema", "Organization").containsEntry("topics", "sanction");

        ListEntry kuzmenko = r.entry("NK-2Ka3UvopqbpZmVDFjWd4LA");
        assertThat(kuzmenko.type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(kuzmenko.allNames()).contains("Виталий Юрьевич КУЗЬМЕНКО", "Vitalij Kuzmenko");
        assertThat(kuzmenko.countries()).containsExactly("RU");
        assertThat(kuzmenko.identifiers()).contains(new Identifier("taxNumber", "366510784303", null));
    }

    @Test
    void deltaFiles() throws Exception {
        ImportResult first = new FtmImporter().importFrom(DELTA1);
        assertThat(first.entryCount()).isEqualTo(2);
        ListEntry aqi = first.entry("NK-2T3S8Hu29ktYnKSTgQp2wL");
        assertThat(aqi.name()).isEqualTo("AL-QAIDA IN IRAQ");
        assertThat(aqi.aliases()).contains(Alias.aka("Islamic State in Iraq and the Levant"), Alias.aka("ISIS"),
                new Alias("Daesch", AliasKind.AKA, false));
        assertThat(aqi.aliases()).anyMatch(Alias::weak);
        assertThat(aqi.countries()).containsExactly("IQ", "SY");
        assertThat(aqi.datasets()).contains("us_ofac_sdn", "un_sc_sanctions", "eu_fsf").hasSize(22);
        assertThat(aqi.evidence()).containsEntry("op", "ADD");

        ImportResult second = new FtmImporter().importFrom(DELTA2);
        assertThat(second.entries()).extracting(ListEntry::id).containsExactly("NK-500Poltergeist",
                "NK-2T3S8Hu29ktYnKSTgQp2wL");
        assertThat(second.entry("NK-500Poltergeist").name()).isEqualTo("AL-QAIDA IN IRAQ"); // its names are empty
        assertThat(second.entry("NK-2T3S8Hu29ktYnKSTgQp2wL").evidence()).containsEntry("op", "MOD");
        assertThat(second.entry("NK-2T3S8Hu29ktYnKSTgQp2wL").name()).isEqualTo("Foobar Foobargroup");
    }

    @Test
    void deleteOperationsAndMalformedLines() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(T1, StandardCharsets.UTF_8));
        lines.add(2, "{\"id\": \"broken\", \"schema\": \"Person\", \"properties\": {\"name\": [\"X\"]");
        lines.add(4, "{\"schema\": \"Person\", \"properties\": {\"name\": [\"No id\"]}}");
        lines.add("{\"op\": \"DEL\", \"entity\": {\"id\": \"NK-gone\"}}");
        lines.add("{\"id\": \"NK-noname\", \"schema\": \"Person\", \"properties\": {\"name\": [\"\"]}}");
        // Two records run together on one line (a lost line end): reported, not half-read.
        lines.add("{\"id\": \"NK-a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"A\"]}}"
                + "{\"id\": \"NK-b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"B\"]}}");
        Path file = Fixtures.scratch("ftm-broken-lines.json");
        Files.write(file, lines, StandardCharsets.UTF_8);
        ImportResult r = new FtmImporter().importFrom(file);
        assertThat(r.entryCount()).isEqualTo(6);
        assertThat(r.removedIds()).containsExactly("NK-gone");
        assertThat(r.problems()).extracting(RowProblem::rowNumber).containsExactly(3L, 5L, 11L, 12L);
        assertThat(r.problems().get(0).reason()).startsWith("not JSON");
        assertThat(r.problems().get(1).reason()).isEqualTo("no \"id\"");
        assertThat(r.problems().get(2).reason()).isEqualTo("entity NK-noname: no name");
        assertThat(r.problems().get(3).reason()).startsWith("not JSON");
    }

    @Test
    void wrongFilesAreRejectedWhole() throws Exception {
        FtmImporter importer = new FtmImporter();
        assertRejected("<html><body>Not found</body></html>", "HTML page");
        assertRejected("_id,source,name\n1,SDN,FOO\n", "line 1: not JSON");
        assertRejected("[{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {}}]", "not a JSON object");
        assertRejected("{\"results\": [], \"total\": 0}", "no \"id\"");
        assertRejected("", "empty file");
        byte[] real = Files.readAllBytes(T1);
        Path half = Fixtures.scratch("ftm-truncated.json");
        Files.write(half, java.util.Arrays.copyOf(real, 300));
        assertThatThrownBy(() -> importer.importFrom(half)).isInstanceOf(ImportException.class)
                .hasMessageContaining("not FollowTheMoney JSON lines");
    }

    @Test
    void readLineByLineWithTheFilesOwnHash() throws Exception {
        byte[] real = Files.readAllBytes(T1);
        ImportResult r = new FtmImporter().importFrom(T1);
        assertThat(r.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(real)));
        // A byte-order mark and CRLF line ends change nothing but the hash.
        String crlf = new String(real, StandardCharsets.UTF_8).replace("\n", "\r\n");
        ImportResult bom = new FtmImporter().importFrom(new ByteArrayInputStream(("\uFEFF" + crlf).getBytes(StandardCharsets.UTF_8)));
        assertThat(bom.entryCount()).isEqualTo(6);
        assertThat(bom.problems()).isEmpty();
        assertThat(bom.sha256()).isNotEqualTo(r.sha256());
    }

    @Test
    void manyLinesAreStreamedAndABadByteFarIntoTheFileRejectsIt() throws Exception {
        // 200,000 non-party lines (most of an OpenSanctions export) around the six parties: more than the 64 kB
        // buffers many times over, so the importer has to stream to get the counts right.
        Path big = Fixtures.scratch("ftm-big.json");
        String address = "{\"id\": \"addr-%d\", \"schema\": \"Address\", \"properties\": {\"full\": [\"%d Main Street\"]}}\n";
        try (var out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 100_000; i++) {
                out.write(String.format(java.util.Locale.ROOT, address, i, i));
            }
            out.write(Files.readString(T1, StandardCharsets.UTF_8));
            out.write("\n"); // the snapshot has no final line end
            for (int i = 100_000; i < 200_000; i++) {
                out.write(String.format(java.util.Locale.ROOT, address, i, i));
            }
        }
        ImportResult r = new FtmImporter().importFrom(big);
        assertThat(r.entryCount()).isEqualTo(6);
        assertThat(r.count("records")).isEqualTo(200_007);
        assertThat(r.count("nonParty")).isEqualTo(200_001);

        byte[] bytes = Files.readAllBytes(big);
        bytes[bytes.length - 10] = (byte) 0xff; // not UTF-8, in the last line
        Path bad = Fixtures.scratch("ftm-big-bad.json");
        Files.write(bad, bytes);
        assertThatThrownBy(() -> new FtmImporter().importFrom(bad)).isInstanceOf(ImportException.class)
                .hasMessageContaining("not UTF-8");
    }
}
