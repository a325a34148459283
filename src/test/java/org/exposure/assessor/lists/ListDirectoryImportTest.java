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
}
