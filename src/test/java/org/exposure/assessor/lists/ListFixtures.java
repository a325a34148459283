package org.exposure.assessor.lists;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;

import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ScreeningIndex;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The lists every {@code @QuarkusTest} starts with: the extracts in src/test/resources/lists, imported at start-up
 * by the test profile ({@code %test.assessor.lists.dir}). Tests that import or remove lists put these back, so the
 * tests after them screen against the same lists whatever order they run in.
 */
public final class ListFixtures {
    /** The directory the test profile imports at start-up. */
    public static final Path DIR = Path.of("src/test/resources/lists");

    private ListFixtures() {
    }

    /** Removes every list version and imports the fixtures again, then rebuilds the index from them. */
    public static void restore() {
        removeAll();
        int sources = Arc.container().instance(ListDirectoryImport.class).get().importAll(DIR);
        if (sources != 5) {
            throw new IllegalStateException("the list fixtures in " + DIR + " gave " + sources + " sources, not 5");
        }
        Arc.container().instance(ScreeningIndex.class).get().reload();
    }

    /** Removes every list version, for a test that needs no list in force; call {@link #restore()} afterwards. */
    public static void removeAll() {
        QuarkusTransaction.requiringNew().run(() -> {
            ListEntryEntity.deleteAll();
            ListVersionEntity.deleteAll();
        });
        Arc.container().instance(ScreeningIndex.class).get().reload();
    }

    /**
     * Removes every list version and uploads the OFAC SDN fixture (with its alt and add files) through the API, so that
     * what a test's assessments fire depends on that one list; returns the new version's id. Call {@link #restore()}
     * afterwards.
     */
    public static String onlySdn() {
        removeAll();
        return given().multiPart("sdn", "sdn.csv", Fixtures.bytes(Fixtures.SDN), "text/csv")
                .multiPart("alt", "alt.csv", Fixtures.bytes(Fixtures.ALT), "text/csv")
                .multiPart("add", "add.csv", Fixtures.bytes(Fixtures.ADD), "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(201).body("version.entryCount", equalTo(Fixtures.SDN_ENTRIES))
                .extract().path("version.id");
    }
}
