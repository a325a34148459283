package org.exposure.assessor.lists.eu;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The EU FSF importer on the two fixtures cut from the Commission's export of 2026-08-05: the one the service loads
 * (src/test/resources/lists/EU-FSF) and the one with a synthetic entity without a name (src/test/resources/eu).
 */
class EuFsfImporterTest {
    private static ImportResult fixture;
    private static ImportResult withSynthetic;

    @BeforeAll
    static void importFixtures() throws Exception {
        fixture = new EuFsfImporter().importFrom(Fixtures.EU_FSF);
        withSynthetic = new EuFsfImporter().importFrom(Fixtures.EU_FSF_WITH_SYNTHETIC);
    }

    private static void assertRejected(byte[] content, String message) throws IOException {
        EuFsfImporter importer = new EuFsfImporter();
        ImportTesting.assertRejected("eu-reject.xml", content, importer::importFrom, importer::importFrom, "EU-FSF",
                message);
    }

    @Test
    void countsOfTheFixture() {
        assertThat(fixture.source()).isEqualTo("EU-FSF");
        assertThat(fixture.entryCount()).isEqualTo(Fixtures.EU_FSF_ENTITIES);
        assertThat(fixture.problems()).isEmpty();
        assertThat(fixture.count("persons")).isEqualTo(4);
        assertThat(fixture.count("enterprises")).isEqualTo(1);
        assertThat(fixture.published()).isEqualTo(Instant.parse("2026-08-05T14:47:04.449Z"));
        assertThat(fixture.entries()).extracting(ListEntry::id).containsExactly("191", "521", "3822", "6106", "6177");
        // 45 nameAlias elements; the primary name of each entity is not counted as its alias.
        assertThat(fixture.count("aliases")).isEqualTo(45 - 5
                - fixture.entries().stream().mapToLong(EuFsfImporterTest::repeatedAliases).sum());
    }

    /** Aliases the entry dropped because they repeat another of its names (case ignored). */
    private static long repeatedAliases(ListEntry e) {
        String[] evidence = e.evidence().get("nameAlias").split(" \\| ");
        return evidence.length - 1 - e.aliases().size();
    }

    @Test
    void enterpriseWithProgrammeIdentifiersAndAddresses() {
        ListEntry e = fixture.entry("3822");
        // Its first aliases are Irish and Hungarian; the English one is the name.
        assertThat(e.name()).isEqualTo("Parchin Chemical Industries (PCI)");
        assertThat(e.aliases()).extracting(Alias::name).contains("Parcsini Vegyipari Vállalat");
        assertThat(e.programs()).containsExactly("IRN");
        assertThat(e.type()).isEqualTo(EntityType.ENTITY);
        assertThat(e.programs()).isNotEmpty();
        assertThat(e.list()).isEqualTo("programme " + String.join(", ", e.programs()));
        assertThat(e.identifiers()).contains(new Identifier("EU reference number", "EU.3953.70", null),
                new Identifier("Registration Number", "892", null));
        assertThat(e.countries()).containsExactly("IR");
        assertThat(e.evidence()).containsKeys("regulation", "address", "designationDate");
        assertThat(e.evidence().get("designationDetails")).isEqualTo("UN designation:24/03/2007 (no longer valid)");
    }

    @Test
    void personWithNamesInOtherScriptsAPassportAndCitizenship() {
        ListEntry p = fixture.entry("6106");
        assertThat(p.type()).isEqualTo(EntityType.INDIVIDUAL);
        assertThat(p.identifiers()).contains(new Identifier("UN reference number", "LYi.006", null),
                new Identifier("National passport", "FK117RK0", "LY"));
        assertThat(p.countries()).contains("LY");
        // Every alias is kept, whatever its script: at least one not in the Latin script.
        assertThat(fixture.entries()).flatExtracting(ListEntry::aliases).extracting(Alias::name)
                .anyMatch(n -> n.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        assertThat(p.aliases()).allMatch(a -> a.kind() == AliasKind.AKA);
    }

    @Test
    void aNameInAnotherLanguageIsAnAliasAndTheEnglishOneThePrimaryName() {
        ListEntry saddam = withSynthetic.entry("13");
        assertThat(saddam.name()).isEqualTo("Saddam Hussein Al-Tikriti");
        assertThat(saddam.aliases()).extracting(Alias::name).contains("Abu Ali", "Abou Ali");
        assertThat(saddam.programs()).containsExactly("IRQ");
        assertThat(saddam.countries()).contains("IQ");
        assertThat(saddam.identifiers()).contains(new Identifier("EU reference number", "EU.27.28", null));
        assertThat(saddam.remarks()).contains("UNSC RESOLUTION 1483");
    }

    @Test
    void anEntityWithoutANameIsARowProblemAndTheOthersAreImported() {
        assertThat(withSynthetic.entries()).extracting(ListEntry::id).containsExactly("13", "191", "980", "330");
        assertThat(withSynthetic.problems()).singleElement().satisfies(p -> {
            assertThat(p.reason()).contains("999999").contains("no nameAlias");
            assertThat(p.rowNumber()).isPositive();
        });
        assertThat(withSynthetic.count("problems")).isEqualTo(1);
        // Entity 191 is the same record in both fixtures and reads the same.
        assertThat(withSynthetic.entry("191")).isEqualTo(fixture.entry("191"));
    }

    @Test
    void malformedXmlIsRejectedWhole() throws IOException {
        String xml = Files.readString(Fixtures.EU_FSF, StandardCharsets.UTF_8);
        assertRejected(xml.substring(0, xml.length() / 2).getBytes(StandardCharsets.UTF_8), "not well-formed XML");
    }

    @Test
    void anotherXmlOrAFileOfAnotherKindIsRejected() throws IOException {
        assertRejected("<CONSOLIDATED_LIST/>".getBytes(StandardCharsets.UTF_8), "expected <export>");
        assertRejected("{\"a\": 1}".getBytes(StandardCharsets.UTF_8), "a JSON document");
        assertRejected(("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\"><sanctionEntity logicalId=\"1\"/>"
                + "</export>").getBytes(StandardCharsets.UTF_8), "no valid sanctionEntity in 1 records");
    }
}
