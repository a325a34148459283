package org.exposure.assessor.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.OneFileSource;
import org.exposure.assessor.lists.RowProblem;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OFAC SDN importer on the fixture files (src/test/resources/lists/OFAC-SDN); the full snapshot: OfacSdnSnapshotTest. */
class OfacSdnImporterTest {
    private static void assertRejected(String content, String message) throws IOException {
        OfacSdnImporter importer = new OfacSdnImporter();
        ImportTesting.assertRejected("sdn-reject.txt", ImportTesting.utf8(content), importer::importFrom,
                importer::importFrom, "OFAC", message);
    }

    private static ImportResult full;

    @BeforeAll
    static void importFixture() throws Exception {
        full = new OfacSdnImporter().importFrom(Fixtures.SDN, Fixtures.ALT, Fixtures.ADD);
    }

    private static ImportResult full() {
        return full;
    }

    @Test
    void countsOfTheFixture() {
        ImportResult r = full();
        assertThat(r.count("sdnRows")).isEqualTo(Fixtures.SDN_ENTRIES);
        assertThat(r.problems()).isEmpty();
        assertThat(r.published()).isNull();
        assertThat(r.source()).isEqualTo("OFAC-SDN");
        assertThat(r.sha256()).hasSize(64);
    }

    @Test
    void vtbBankWithSwiftBicProgramsAndSecondaryRisk() {
        ListEntry vtb = full().entry("17013");
        assertThat(vtb.name()).isEqualTo("VTB BANK PUBLIC JOINT STOCK COMPANY");
        assertThat(vtb.type()).isEqualTo(EntityType.ENTITY);
        assertThat(vtb.programs()).containsExactly("UKRAINE-EO13662", "RUSSIA-EO14024");
        assertThat(vtb.identifierValues("SWIFT/BIC")).containsExactly("VTBRRUMM");
        assertThat(vtb.identifiers()).contains(new Identifier("Tax ID No.", "7702070139", "RU"),
                new Identifier("BIK (RU)", "044030707", null), new Identifier("Website", "www.vtb.com", null));
        assertThat(vtb.secondarySanctionsRisk()).isTrue();
        assertThat(vtb.countries()).contains("RU");
        assertThat(vtb.evidence()).containsEntry("ent_num", "17013").containsKey("remarks");
        assertThat(vtb.list()).isNull();
    }

    @Test
    void yilufaCarriesTheEo14114SecondaryRiskRemark() {
        ListEntry e = full().entry("47700");
        assertThat(e.name()).isEqualTo("YILUFA ELECTRONICS LIMITED");
        assertThat(e.secondarySanctionsRisk()).isTrue();
        assertThat(e.remarks().get(0)).contains("section 11 of Executive Order 14024, as amended by Executive Order 14114");
        assertThat(e.identifiers()).contains(new Identifier("Unified Social Credit Code (USCC)", "91440300769188559R", "CN"));
        assertThat(e.programs()).containsExactly("RUSSIA-EO14024");
    }

    @Test
    void swiftBicOfABankWithoutSecondaryRisk() {
        ListEntry havin = full().entry("906");
        assertThat(havin.identifierValues("SWIFT/BIC")).containsExactly("HAVIGB2L");
        assertThat(havin.identifiers()).contains(new Identifier("Company Number", "01074897", "GB"));
        assertThat(havin.secondarySanctionsRisk()).isFalse();
    }

    @Test
    void aliasesFromRemarksAndAltFile() {
        ListEntry bnc = full().entry("306");
        assertThat(bnc.name()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(bnc.aliases()).contains(new Alias("BNC", AliasKind.AKA, false),
                new Alias("NATIONAL BANK OF CUBA", AliasKind.AKA, false));
        assertThat(bnc.countries()).contains("CH");
        assertThat(full().entries().stream().flatMap(e -> e.aliases().stream())
                .anyMatch(a -> a.kind() == AliasKind.FKA)).isTrue();
    }

    @Test
    void sdnAloneWithoutAltAndAdd() throws Exception {
        Path sdn = Fixtures.SDN;
        ImportResult r = new OfacSdnImporter().importFrom(Files.newInputStream(sdn));
        assertThat(r.entryCount()).isEqualTo(Fixtures.SDN_ENTRIES);
        // without add.csv, VTB's entry has no address and so no country (its sdn.csv row gives none)
        assertThat(r.entry("17013").countries()).isEmpty();
        assertThat(r.sha256()).isEqualTo(Inputs.sha256(Files.readAllBytes(sdn)));
        assertThat(r.counts()).doesNotContainKey("altRows");
    }

    @Test
    void malformedRowsAreReportedAndTheRestImported() throws Exception {
        List<String> lines = Fixtures.sdnLines().subList(0, 10);
        List<String> copy = new ArrayList<>(lines);
        copy.add(3, "X12,\"BROKEN ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
        copy.add(6, "4711,\"TOO FEW COLUMNS\",-0- ");
        copy.add(8, "4712,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
        copy.add("\u001a");
        Path file = Fixtures.scratch("sdn-broken-rows.csv");
        Files.write(file, copy, StandardCharsets.ISO_8859_1);

        ImportResult r = new OfacSdnImporter().importFrom(file);
        assertThat(r.entryCount()).isEqualTo(10);
        assertThat(r.problems()).extracting(RowProblem::rowNumber).containsExactly(4L, 7L, 9L);
        assertThat(r.problems().get(0).reason()).contains("ent_num 'X12' is not a number");
        assertThat(r.problems().get(1).reason()).contains("3 columns, expected 12");
        assertThat(r.problems().get(2).reason()).contains("empty name");
    }

    @Test
    void altRowsOfUnknownEntitiesAreSkippedAndCounted() throws Exception {
        Path sdn = Fixtures.scratch("sdn-small.csv");
        Files.write(sdn, Fixtures.sdnLines().subList(0, 3),
                StandardCharsets.ISO_8859_1);
        Path alt = Fixtures.scratch("alt-small.csv");
        Files.writeString(alt, "36,12,\"aka\",\"AERO-CARIBBEAN\",-0- \r\n999999,1,\"aka\",\"NOBODY\",-0- \r\n"
                + "36,13,\"fka\",-0- ,-0- \r\n\u001a", StandardCharsets.ISO_8859_1);
        ImportResult r = new OfacSdnImporter().importFrom(sdn, alt, null);
        assertThat(r.entry("36").aliases()).containsExactly(new Alias("AERO-CARIBBEAN", AliasKind.AKA, false));
        assertThat(r.count("altUnknownEntity")).isEqualTo(1);
        assertThat(r.problems()).containsExactly(new RowProblem(3, "alt.csv: empty alt_name"));
    }

    @Test
    void aRejectedFileIsNamedByItsPart() throws Exception {
        Path sdn = Fixtures.scratch("sdn-small.csv");
        Files.write(sdn, Fixtures.sdnLines().subList(0, 3),
                StandardCharsets.ISO_8859_1);
        Path html = Fixtures.scratch("not-a-list.html");
        Files.writeString(html, "<html><body>Service unavailable</body></html>");
        OfacSdnImporter importer = new OfacSdnImporter();
        assertThatThrownBy(() -> importer.importFrom(sdn, html, null)).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.part()).hasValue("alt"));
        assertThatThrownBy(() -> importer.importFrom(sdn, null, html)).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.part()).hasValue("add"));
        // An sdn.csv given as alt.csv: 12 columns where alt.csv has 5.
        assertThatThrownBy(() -> importer.importFrom(sdn, sdn, null)).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.part()).hasValue("alt"));
        assertThatThrownBy(() -> importer.importFrom(html, null, null)).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.part()).hasValue("sdn"));
        // Through the registry, by part name.
        ListSources importers = new ListSources();
        assertThat(importers.parts("OFAC-SDN")).containsExactly("sdn", "alt", "add");
        assertThat(importers.parts("UN")).containsExactly(OneFileSource.PART);
        assertThatThrownBy(() -> importers.read("OFAC-SDN", java.util.Map.of("sdn", Files.newInputStream(sdn),
                "add", Files.newInputStream(html)))).isInstanceOfSatisfying(ImportException.class,
                e -> assertThat(e.part()).hasValue("add"));
        assertThat(importers.read("OFAC-SDN", java.util.Map.of("sdn", Files.newInputStream(sdn))).entryCount()).isEqualTo(3);
    }

    @Test
    void wrongFilesAreRejectedWhole() throws Exception {
        OfacSdnImporter importer = new OfacSdnImporter();
        assertRejected("<!DOCTYPE html><html><body>Service unavailable</body></html>", "HTML page");
        assertRejected("{\"results\": []}", "JSON document");
        assertRejected("", "empty file");
        assertRejected("_id,source,name\n1,SDN,FOO\n", "first row");
        assertRejected("36,\"UNTERMINATED ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n", "");
        // another list's real file
        assertThatThrownBy(() -> importer.importFrom(Fixtures.UN)).isInstanceOf(ImportException.class)
                .hasMessageContaining("XML");
    }
}
