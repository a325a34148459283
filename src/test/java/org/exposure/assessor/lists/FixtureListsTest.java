package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.ofac.OfacSdnImporter;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;
import org.junit.jupiter.api.Test;

/**
 * The fixture lists import cleanly with the project's own importers, with the counts src/test/resources/README.md
 * gives, and hold the entries the other tests look up or screen for. If a fixture is re-cut, this says which of
 * those tests lost its entry before they fail one by one for less obvious reasons.
 */
class FixtureListsTest {

    @Test
    void ofacSdnWithAltAndAdd() throws Exception {
        ImportResult r = new OfacSdnImporter().importFrom(Fixtures.SDN, Fixtures.ALT, Fixtures.ADD);
        assertThat(r.problems()).isEmpty();
        assertThat(r.count("sdnRows")).isEqualTo(Fixtures.SDN_ENTRIES);
        assertThat(r.entryCount()).isEqualTo(Fixtures.SDN_ENTRIES);
        // Only the alias and address rows of the chosen entries were kept, so none is of an unknown entity.
        assertThat(r.count("altRows")).isEqualTo(Fixtures.ALT_ROWS);
        assertThat(r.count("altUnknownEntity")).isZero();
        assertThat(r.count("addRows")).isEqualTo(Fixtures.ADD_ROWS);
        assertThat(r.count("addUnknownEntity")).isZero();
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.INDIVIDUAL).count()).isEqualTo(110);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.VESSEL).count()).isEqualTo(16);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.AIRCRAFT).count()).isEqualTo(6);
        assertThat(r.entries().stream().filter(e -> e.type() == EntityType.ENTITY).count()).isEqualTo(173);
        assertThat(r.count("secondarySanctionsRisk")).isEqualTo(57);
        assertThat(r.entries().stream().filter(e -> e.programs().contains("RUSSIA-EO14024")).count()).isEqualTo(75);
        assertThat(r.entries().stream().filter(e -> !e.identifierValues("SWIFT/BIC").isEmpty()).count()).isEqualTo(13);
        assertThat(r.entries().stream().filter(e -> e.evidence().keySet().stream().anyMatch(k -> k.startsWith("alt:")))
                .count()).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ALT);
        assertThat(r.entries().stream().filter(e -> e.evidence().keySet().stream().anyMatch(k -> k.startsWith("add:")))
                .count()).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ADDRESS);
        assertThat(r.entries().stream().flatMap(e -> e.aliases().stream()).anyMatch(a -> a.kind() == AliasKind.FKA)).isTrue();
        // Looked up or screened for by the tests.
        assertThat(r.entry("36").name()).isEqualTo("AEROCARIBBEAN AIRLINES");
        assertThat(r.entry("306").name()).isEqualTo("BANCO NACIONAL DE CUBA");
        assertThat(r.entry("906").name()).isEqualTo("HAVIN BANK LIMITED");
        assertThat(r.entry("17013").name()).isEqualTo("VTB BANK PUBLIC JOINT STOCK COMPANY");
        assertThat(r.entry("47700").name()).isEqualTo("YILUFA ELECTRONICS LIMITED");
        assertThat(r.entry("35096").name()).isEqualTo("PUTIN, Vladimir Vladimirovich");
        assertThat(r.entry("25068").name()).isEqualTo("BAHMAN GROUP");
        assertThat(r.entry("13122").name()).isEqualTo("SYRIA INTERNATIONAL ISLAMIC BANK");
        assertThat(r.entry("37444").type()).isEqualTo(EntityType.VESSEL);
        assertThat(r.entries().stream().filter(e -> e.name().contains("COMMERCIAL BANK")).count()).isEqualTo(8);
    }

    @Test
    void usCsl() throws Exception {
        ImportResult r = new CslImporter().importFrom(Fixtures.CSL);
        assertThat(r.problems()).isEmpty();
        assertThat(r.count("rows")).isEqualTo(Fixtures.CSL_ROWS);
        assertThat(r.entryCount()).isEqualTo(Fixtures.CSL_ROWS);
        assertThat(r.entries().stream().map(ListEntry::id).distinct().count()).isEqualTo(243);
        assertThat(r.count("list:Specially Designated Nationals (SDN) - Treasury Department")).isEqualTo(170);
        assertThat(r.count("list:Entity List (EL) - Bureau of Industry and Security")).isEqualTo(37);
        assertThat(r.count("list:Sectoral Sanctions Identifications List (SSI) - Treasury Department")).isEqualTo(3);
        assertThat(r.count("list:Denied Persons List (DPL) - Bureau of Industry and Security")).isEqualTo(14);
        // every one of the 13 lists of the CSL is there
        assertThat(r.counts().keySet().stream().filter(k -> k.startsWith("list:"))).hasSize(13);
        assertThat(r.count("secondarySanctionsRisk")).isEqualTo(24);
        assertThat(r.entries().stream().filter(e -> e.id().equals("17013"))).hasSize(3);
        assertThat(r.entries()).anySatisfy(e -> assertThat(e.name()).isEqualTo("140 Repair Plant JSC"));
        // the record whose quoted field holds a line end is read as one record
        assertThat(r.entries()).anySatisfy(e -> assertThat(e.id()).isEqualTo("026dba5afe5742c3d9b83179846272ca67cdb5c0"));
    }

    @Test
    void unConsolidated() throws Exception {
        ImportResult r = new UnConsolidatedImporter().importFrom(Fixtures.UN);
        assertThat(r.problems()).isEmpty();
        assertThat(r.count("individuals")).isEqualTo(Fixtures.UN_INDIVIDUALS);
        assertThat(r.count("entities")).isEqualTo(Fixtures.UN_ENTITIES);
        assertThat(r.entryCount()).isEqualTo(Fixtures.UN_INDIVIDUALS + Fixtures.UN_ENTITIES);
        assertThat(r.published()).isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(r.entry("113458").name()).isEqualTo("AL-QAIDA");
        assertThat(r.entry("6908402").name()).isEqualTo("ADF");
        assertThat(r.entry("6908072").name()).isEqualTo("TARIQ AZIZ");
        assertThat(r.entry("6907994").name()).isEqualTo("FRANK KAKOLELE BWAMBALE");
    }

    /** The directory is read by part name as the start-up import reads it (ListDirectoryImport). */
    @Test
    void everySourceDirectoryImportsThroughTheRegistryByPartName() throws Exception {
        ListSources importers = new ListSources();
        Map<String, Integer> expected = Map.of("OFAC-SDN", Fixtures.SDN_ENTRIES, "US-CSL", Fixtures.CSL_ROWS,
                "UN", Fixtures.UN_INDIVIDUALS + Fixtures.UN_ENTITIES, "EU-FSF", Fixtures.EU_FSF_ENTITIES,
                "UK-SL", Fixtures.UK_SL_DESIGNATIONS);
        try (var dirs = Files.list(Fixtures.LISTS)) {
            assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        for (Map.Entry<String, Integer> source : expected.entrySet()) {
            Map<String, InputStream> parts = new LinkedHashMap<>();
            try (var files = Files.list(Fixtures.LISTS.resolve(source.getKey()))) {
                for (var f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    String part = importers.parts(source.getKey()).size() > 1 ? name.substring(0, name.indexOf('.'))
                            : OneFileSource.PART;
                    parts.put(part, Files.newInputStream(f));
                }
            }
            try {
                ImportResult r = importers.read(source.getKey(), parts);
                assertThat(r.entryCount()).as(source.getKey()).isEqualTo(source.getValue());
                assertThat(r.problems()).as(source.getKey()).isEmpty();
            } finally {
                for (InputStream in : parts.values()) {
                    in.close();
                }
            }
        }
    }
}
