package org.exposure.assessor.lists.uk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.Identifier;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ImportTesting;
import org.exposure.assessor.lists.ListEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UK importer on the FCDO XML fixtures (the one the service loads, and the same with a synthetic designation
 * without a UniqueID) and on a cut of OFSI's ConList CSV of 10 April 2025.
 */
class UkSanctionsListImporterTest {
    private static ImportResult fixture;
    private static ImportResult withSynthetic;
    private static ImportResult conList;

    @BeforeAll
    static void importFixtures() throws Exception {
        fixture = new UkSanctionsListImporter().importFrom(Fixtures.UK_SL);
        withSynthetic = new UkSanctionsListImporter().importFrom(Fixtures.UK_SL_WITH_SYNTHETIC);
        conList = new UkSanctionsListImporter().importFrom(Fixtures.UK_CONLIST);
    }

    private static void assertRejected(byte[] content, String message) throws IOException {
        UkSanctionsListImporter importer = new UkSanctionsListImporter();
        ImportTesting.assertRejected("uk-reject.xml", content, importer::importFrom, importer::importFrom, "UK-SL",
                message);
    }

    @Test
    void countsOfTheXmlFixture() {
        assertThat(fixture.source()).isEqualTo("UK-SL");
        assertThat(fixture.entries()).extracting(ListEntry::id).containsExactly("AFG0011", "AQD0128", "AQD0377", "DPR0075");
        assertThat(fixture.entryCount()).isEqualTo(Fixtures.UK_SL_DESIGNATIONS);
        assertThat(fixture.problems()).isEmpty();
        assertThat(fixture.count("individuals")).isEqualTo(2);
        assertThat(fixture.count("entities")).isEqualTo(1);
        assertThat(fixture.count("ships")).isEqualTo(1);
        assertThat(fixture.published()).isEqualTo(Instant.parse("2026-08-14T23:00:04.744Z"));
    }

    @Test
    void individualWithAliasesANonLatinNameRegimeAndPassports() {
        ListEntry e = fixture.entry("AFG0011");
        assertThat(e.name()).isEqualTo("ABDUL LATIF MANSUR");
        assertThat(e.type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(e.aliases()).contains(Alias.aka("Abdul Latif MANSOOR"), Alias.aka("Wali MOHAMMAD"),
                Alias.aka("عبد اللطيف منصور"));
        assertThat(e.programs()).containsExactly("The Afghanistan (Sanctions) (EU Exit) Regulations 2020");
        assertThat(e.list()).isEqualTo("The Afghanistan (Sanctions) (EU Exit) Regulations 2020");
        assertThat(e.identifiers()).contains(new Identifier("UK Unique ID", "AFG0011", null),
                new Identifier("OFSI Group ID", "7270", null), new Identifier("UN Reference Number", "TAi.007", null),
                new Identifier("Passport", "D0009720", null), new Identifier("Passport", "D0010442", null));
        assertThat(e.countries()).containsExactly("AF");
        assertThat(e.evidence().get("DOB")).isEqualTo("dd/mm/1968 | 12/11/1967");
    }

    @Test
    void lowQualityAliasesAreWeakAndTheNameTypeIsReadInAnyCase() {
        ListEntry e = fixture.entry("AQD0128");
        assertThat(e.name()).isEqualTo("AKRAM TURKI HISHAN AL-MAZIDIH");
        assertThat(e.aliases()).contains(new Alias("Abu Akram", AliasKind.AKA, true), Alias.aka("Akram Turki Al-Hishan"));
        assertThat(e.identifiers()).contains(new Identifier("National identifier", "0075258", null));
        assertThat(e.countries()).containsExactlyInAnyOrder("IQ", "SY");
    }

    @Test
    void entityAndShip() {
        ListEntry ktj = fixture.entry("AQD0377");
        assertThat(ktj.type()).isEqualTo(EntityType.ENTITY);
        assertThat(ktj.name()).isEqualTo("Khatiba al-Tawhid wal-Jihad (KTJ)");
        assertThat(ktj.aliases()).contains(Alias.aka("Jannat Oshiklari"), Alias.aka("Катиба ат-Таухид валь-Джихад"));
        ListEntry ship = fixture.entry("DPR0075");
        assertThat(ship.type()).isEqualTo(EntityType.VESSEL);
        assertThat(ship.name()).isEqualTo("Petrel 8");
        assertThat(ship.identifiers()).contains(new Identifier("IMO", "IMO9562233", null));
        assertThat(ship.identifiers()).extracting(Identifier::type).doesNotContain("OFSI Group ID");
        assertThat(ship.countries()).containsExactly("KM");
    }

    @Test
    void aDesignationWithoutUniqueIdIsARowProblemAndTheOthersAreImported() {
        assertThat(withSynthetic.entries()).isEqualTo(fixture.entries());
        assertThat(withSynthetic.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("Designation: no UniqueID");
            assertThat(p.rowNumber()).isPositive();
        });
    }

    @Test
    void conListRowsAreGroupedByGroupId() {
        assertThat(conList.count("rows")).isEqualTo(Fixtures.UK_CONLIST_ROWS);
        assertThat(conList.entryCount()).isEqualTo(Fixtures.UK_CONLIST_GROUPS);
        assertThat(conList.problems()).isEmpty();
        assertThat(conList.published()).isEqualTo(Instant.parse("2025-04-10T00:00:00Z"));
        ListEntry haq = conList.entry("15672");
        assertThat(haq.type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(haq.programs()).containsExactly("Global Human Rights");
        assertThat(haq.allNames()).contains("Mian MITHOO", "Mian MITHU");
        assertThat(haq.identifiers()).contains(new Identifier("UK Unique ID", "GHR0086", null),
                new Identifier("OFSI Group ID", "15672", null));
        assertThat(haq.countries()).contains("PK");
        assertThat(conList.entry("13651").type()).isEqualTo(EntityType.VESSEL);
        assertThat(conList.entry("13189").aliases()).extracting(Alias::kind).contains(AliasKind.FKA);
        assertThat(conList.entry("13378").aliases()).anyMatch(Alias::weak);
        assertThat(conList.entry("14241").aliases()).extracting(Alias::name)
                .anyMatch(n -> n.codePoints().anyMatch(c -> c > 0x2FF));
        assertThat(conList.entry("12431").type()).isEqualTo(EntityType.ENTITY);
    }

    @Test
    void aConListGroupWithoutPrimaryNameRowTakesItsFirstName() {
        ListEntry e = conList.entry("16601");
        assertThat(e).isNotNull();
        assertThat(e.allNames()).contains(e.name());
    }

    @Test
    void aConListRowWithoutGroupIdIsARowProblem() throws Exception {
        String csv = Files.readString(Fixtures.UK_CONLIST, StandardCharsets.UTF_8) + "NOBODY,John,,,,,,,,,,,,,,,,,,,,,,,,,,,Individual,Primary name,,Russia,01/01/2025,01/01/2025,01/01/2025,\n";
        ImportResult r = new UkSanctionsListImporter().importFrom(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.entries()).isEqualTo(conList.entries());
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).isEqualTo("ConList: no Group ID");
            assertThat(p.rowNumber()).isEqualTo(Fixtures.UK_CONLIST_ROWS + 3);
        });
    }

    @Test
    void aGzippedConListIsRead() throws Exception {
        byte[] gz = ImportTesting.gzip(Files.readAllBytes(Fixtures.UK_CONLIST));
        ImportResult r = new UkSanctionsListImporter().importFrom(new ByteArrayInputStream(gz));
        assertThat(r.entries()).isEqualTo(conList.entries());
    }

    @Test
    void malformedXmlAndOtherFilesAreRejectedWhole() throws IOException {
        String xml = Files.readString(Fixtures.UK_SL, StandardCharsets.UTF_8);
        assertRejected(xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8), "not well-formed XML");
        assertRejected("<export/>".getBytes(StandardCharsets.UTF_8), "expected <Designations>");
        assertRejected("a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8), "neither the FCDO");
        assertRejected("Last Updated,10/04/2025\nName 6,Name 1\nX,Y\n".getBytes(StandardCharsets.UTF_8),
                "no column 'Group Type'");
        assertRejected("<Designations><Designation><Names/></Designation></Designations>"
                .getBytes(StandardCharsets.UTF_8), "no valid Designation in 1 records");
    }
}
