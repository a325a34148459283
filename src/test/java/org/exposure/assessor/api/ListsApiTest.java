package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Upload, versions in force and entries, on the first rows of the OFAC SDN fixture (src/test/resources/lists). */
@QuarkusTest
class ListsApiTest {
    // Uploads of 20 and 30 rows: from no list in force, so they are judged on their own and not against the
    // fixture lists the service imported at start-up; those are back in force for the tests that follow.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupLists() {
        ListFixtures.restore();
    }

    private static final long RUN = System.nanoTime();

    /**
     * The first {@code rows} records of the fixture, byte for byte (Latin-1, CRLF), plus one row of this run's own
     * (a copy of the first with another ent_num), so that a database kept from an earlier run never holds the
     * same content already.
     */
    private static byte[] sdnSample(int rows) {
        String first = Fixtures.sdnLines().get(0);
        String own = (900_000_000L + RUN % 99_999_999L) + first.substring(first.indexOf(','));
        return Fixtures.sdnRows(rows, own);
    }

    private static String firstId(byte[] sample) {
        String first = new String(sample, StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow();
        return first.substring(0, first.indexOf(','));
    }

    @Test
    void uploadMakesAVersionInForceOnceAndEntriesReadable() {
        byte[] sample = sdnSample(20);
        JsonPath created = given().contentType("text/csv").body(sample).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(201).body("created", equalTo(true)).body("version.entryCount", equalTo(21))
                .body("version.inForce", equalTo(true)).extract().jsonPath();
        String versionId = created.getString("version.id");
        assertThat(created.getString("version.contentHash")).matches("[0-9a-f]{64}");

        // The same file again: no new version.
        given().contentType("text/csv").body(sample).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(200).body("created", equalTo(false)).body("version.id", equalTo(versionId));

        String id = firstId(sample);
        given().get("/api/v1/lists/OFAC-SDN/entries/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("versionId", equalTo(versionId)).body("source", equalTo("OFAC-SDN"));
        given().get("/api/v1/lists/OFAC-SDN/entries/no-such-entry").then().statusCode(404)
                .contentType("application/problem+json");

        // A file that is not an SDN file is rejected whole and the version in force stays.
        given().contentType("text/html").body("<html><body>Service unavailable</body></html>")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("version in force is unchanged"));
        JsonPath lists = given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath();
        assertThat(lists.getString("find { it.source == 'OFAC-SDN' }.id")).isEqualTo(versionId);

        // A different file makes a new version and retires the old one.
        byte[] bigger = sdnSample(30);
        String newId = given().contentType("text/csv").body(bigger).post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(201).body("version.entryCount", equalTo(31)).extract().path("version.id");
        assertThat(newId).isNotEqualTo(versionId);
        lists = given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath();
        assertThat(lists.getList("findAll { it.source == 'OFAC-SDN' }")).hasSize(1);
        assertThat(lists.getString("find { it.source == 'OFAC-SDN' }.id")).isEqualTo(newId);
    }

    @Test
    void anUnknownSourceIsA404Problem() {
        given().contentType("text/csv").body("a,b").post("/api/v1/lists/NO-SUCH-LIST")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("OFAC-SDN"));
    }
}
