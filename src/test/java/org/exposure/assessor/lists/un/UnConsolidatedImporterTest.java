package org.exposure.assessor.lists.un;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ImportTesting;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UN importer on the fixture (src/test/resources/lists/UN); the full snapshot: UnConsolidatedSnapshotTest. */
class UnConsolidatedImporterTest {
    private static ImportResult full;

    @BeforeAll
    static void importFixture() throws Exception {
        full = new UnConsolidatedImporter().importFrom(Fixtures.UN);
    }

    private static void assertRejected(byte[] content, String message) throws IOException {
        UnConsolidatedImporter importer = new UnConsolidatedImporter();
        ImportTesting.assertRejected("un-reject.xml", content, importer::importFrom, importer::importFrom, "UN", message);
    }

    private static ImportResult full() {
        return full;
    }

    @Test
    void countsOfTheFixture() {
        ImportResult r = full();
        assertThat(r.count("individuals")).isEqualTo(Fixtures.UN_INDIVIDUALS);
        assertThat(r.count("entities")).isEqualTo(Fixtures.UN_ENTITIES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.published()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(r.source()).isEqualTo("UN");
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.INDIVIDUAL).count())
                .isEqualTo(Fixtures.UN_INDIVIDUALS);
    }

    @Test
    void entityWithAliases() {
        ListEntry q = full().entry("113458");
        assertThat(q.name()).isEqualTo("AL-QAIDA");
        assertThat(q.type()).isEqualTo(EntityType.ENTITY);
        assertThat(q.programs()).containsExactly("Al-Qaida");
        assertThat(q.aliases()).contains(Alias.aka("Al Qaeda"), Alias.aka("Islamic Salvation Foundation"));
        assertThat(q.identifiers()).contains(new Identifier("UN Reference Number", "QDe.004", null));

        ListEntry adf = full().entry("6908402");
        assertThat(adf.name()).isEqualTo("ADF");
        assertThat(adf.aliases()).contains(Alias.aka("Allied Democratic Forces"),
                new Alias("ADF/NALU", AliasKind.FKA, false));
        assertThat(adf.countries()).containsExactly("CD");
        assertThat(adf.programs()).containsExactly("DRC");
    }

    @Test
    void individualWithOriginalScriptNationalityAndDocument() {
        ListEntry t = full().entry("6908072");
        assertThat(t.name()).isEqualTo("TARIQ AZIZ");
        assertThat(t.type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(t.aliases()).contains(Alias.aka("طارق عزيز"), Alias.aka("Tariq Mikhail Aziz"));
        assertThat(t.countries()).contains("IQ");
        assertThat(t.identifiers()).contains(new Identifier("Passport", "No34409/129", null));
        assertThat(t.evidence()).containsEntry("DATAID", "6908072").containsKey("REFERENCE_NUMBER");

        ListEntry kakolele = full().entry("6907994");
        assertThat(kakolele.name()).isEqualTo("FRANK KAKOLELE BWAMBALE");
        assertThat(kakolele.aliases()).contains(Alias.aka("AIGLE BLANC"));
        assertThat(kakolele.remarks().get(0)).startsWith("Left the CNDP in January 2008");
        assertThat(full().entries().stream().flatMap(e -> e.aliases().stream()).anyMatch(Alias::weak)).isTrue();
    }

    @Test
    void malformedRecordsAreReportedAndTheRestImported() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
                  <INDIVIDUALS>
                    <INDIVIDUAL>
                      <DATAID>1</DATAID><FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME>
                      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
                    </INDIVIDUAL>
                    <INDIVIDUAL>
                      <FIRST_NAME>NO ID</FIRST_NAME>
                    </INDIVIDUAL>
                  </INDIVIDUALS>
                  <ENTITIES>
                    <ENTITY>
                      <DATAID>2</DATAID><UN_LIST_TYPE>DRC</UN_LIST_TYPE>
                    </ENTITY>
                    <ENTITY>
                      <DATAID>3</DATAID><FIRST_NAME>ADF</FIRST_NAME>
                      <ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Allied Democratic Forces</ALIAS_NAME></ENTITY_ALIAS>
                    </ENTITY>
                  </ENTITIES>
                </CONSOLIDATED_LIST>
                """;
        Path file = Fixtures.scratch("un-broken-records.xml");
        Files.writeString(file, xml);
        ImportResult r = new UnConsolidatedImporter().importFrom(file);
        assertThat(r.entries()).extracting(ListEntry::id).containsExactly("1", "3");
        assertThat(r.problems()).containsExactly(new RowProblem(8, "INDIVIDUAL: no DATAID"),
                new RowProblem(13, "ENTITY: DATAID 2: no name"));
        assertThat(r.count("individuals")).isEqualTo(1);
        assertThat(r.count("entities")).isEqualTo(1);
    }

    @Test
    void wrongFilesAreRejectedWhole() throws Exception {
        UnConsolidatedImporter importer = new UnConsolidatedImporter();
        assertRejected("<!DOCTYPE html><html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8),
                "an HTML page");
        assertRejected("<?xml version=\"1.0\"?><sdnList><sdnEntry/></sdnList>".getBytes(StandardCharsets.UTF_8),
                "root element is <sdnList>, expected <CONSOLIDATED_LIST>");
        assertRejected("{\"id\": \"x\"}".getBytes(StandardCharsets.UTF_8), "JSON document");
        assertRejected("36,\"AEROCARIBBEAN AIRLINES\",-0- \n".getBytes(StandardCharsets.UTF_8), "not well-formed XML");
        byte[] real = Files.readAllBytes(Fixtures.UN);
        assertRejected(Arrays.copyOf(real, real.length / 2), "not well-formed XML");
        assertRejected("<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>".getBytes(StandardCharsets.UTF_8),
                "no valid INDIVIDUAL or ENTITY");
        // no external entities: an XXE attempt is not expanded (DTDs are off) and the file is rejected
        assertRejected(("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>&e;</FIRST_NAME>"
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>").getBytes(StandardCharsets.UTF_8), "UN");
    }
}
