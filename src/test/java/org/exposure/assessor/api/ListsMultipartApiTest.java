package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** POST /api/v1/lists/OFAC-SDN as multipart/form-data with sdn, alt and add, on the fixture files (src/test/resources/lists). */
@QuarkusTest
class ListsMultipartApiTest {
    // From no list in force (the last test checks that bad requests leave none), and back to the start-up lists.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupLists() {
        ListFixtures.restore();
    }

    /**
     * The SDN fixture with one row of this run's own before the end-of-file marker, so that a database kept from an
     * earlier run never holds the same content already.
     */
    private static byte[] sdnWithOwnRow() {
        return Fixtures.withRowBeforeTheEndMarker(Fixtures.bytes(Fixtures.SDN),
                ((600_000_000L + System.nanoTime() % 99_999_999L)
                        + ",\"MULTIPART TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void sdnAltAndAddAreImportedTogether() {
        byte[] sdn = sdnWithOwnRow();
        JsonPath created = given().multiPart("sdn", "sdn.csv", sdn, "text/csv")
                .multiPart("alt", Fixtures.ALT.toFile(), "text/csv").multiPart("add", Fixtures.ADD.toFile(), "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(201).body("created", equalTo(true)).body("version.entryCount", equalTo(Fixtures.SDN_ENTRIES + 1))
                .body("version.skippedRows", equalTo(0)).extract().jsonPath();
        // Row counts of the three files; the fixture's alias and address rows are all of its own entries.
        assertThat(created.getLong("counts.sdnRows")).isEqualTo(Fixtures.SDN_ENTRIES + 1);
        assertThat(created.getLong("counts.altRows")).isEqualTo(Fixtures.ALT_ROWS);
        assertThat(created.getLong("counts.altUnknownEntity")).isZero();
        assertThat(created.getLong("counts.addRows")).isEqualTo(Fixtures.ADD_ROWS);
        assertThat(created.getLong("counts.addUnknownEntity")).isZero();
        assertThat(created.getMap("counts")).doesNotContainKey("download");
        assertThat(created.getMap("$")).doesNotContainKey("download");
        UUID versionId = UUID.fromString(created.getString("version.id"));
        // Entries with an alias row, and with an address row that is not -0- throughout, as stored.
        assertThat(entriesWhoseOriginalHas(versionId, "\"alt:")).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ALT);
        assertThat(entriesWhoseOriginalHas(versionId, "\"add:")).isEqualTo(Fixtures.SDN_ENTRIES_WITH_ADDRESS);

        // VTB's row in sdn.csv has no alias and no country; alt.csv and add.csv bring them.
        given().get("/api/v1/lists/OFAC-SDN/entries/17013").then().statusCode(200)
                .body("versionId", equalTo(versionId.toString()))
                .body("aliases.name", hasItems("JSC VTB BANK", "VTB BANK PAO"))
                .body("countries", hasItems("RU", "IN", "CN"))
                .body("original.'add:74656'", equalTo("The Taj Mahal Hotel, Lobby Mezzanine Floor 1, Mansingh Road, New Delhi 110001, India"));
        // And screening finds VTB by a former name that only alt.csv has.
        given().queryParam("name", "Bank Vneshney Torgovli Joint Stock Company").get("/api/v1/screen").then()
                .statusCode(200).body("matches.entryId", hasItems("17013"));

        // The same three files again: no new version.
        given().multiPart("sdn", "sdn.csv", sdn, "text/csv").multiPart("alt", Fixtures.ALT.toFile(), "text/csv")
                .multiPart("add", Fixtures.ADD.toFile(), "text/csv").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(200).body("created", equalTo(false)).body("version.id", equalTo(versionId.toString()));

        // A malformed part is rejected whole, named, and the version in force stays.
        given().multiPart("sdn", "sdn.csv", sdn, "text/csv")
                .multiPart("alt", "alt.csv", "<html><body>Service unavailable</body></html>".getBytes(StandardCharsets.US_ASCII), "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-format"))
                .body("detail", containsString("part alt: OFAC alt.csv: not an OFAC legacy CSV file but an HTML page"))
                .body("detail", containsString("version in force is unchanged"))
                .body("errors[0].field", equalTo("alt"));
        given().multiPart("sdn", "sdn.csv", "<?xml version=\"1.0\"?><list/>".getBytes(StandardCharsets.US_ASCII), "text/csv")
                .multiPart("add", Fixtures.ADD.toFile(), "text/csv").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(422).body("errors[0].field", equalTo("sdn"));
        JsonPath lists = given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath();
        assertThat(lists.getString("find { it.source == 'OFAC-SDN' }.id")).isEqualTo(versionId.toString());
    }

    @Test
    void unknownMissingRepeatedAndNonFileParts() {
        byte[] row = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        given().multiPart("sdn", "sdn.csv", row, "text/csv").multiPart("aliases", "alt.csv", row, "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("aliases"))
                .body("errors[0].message", containsString("sdn, alt, add"));
        given().multiPart("alt", "alt.csv", row, "text/csv").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).body("errors.field", hasItems("sdn")).body("errors.message", hasItems("is required"));
        given().multiPart("sdn", "sdn.csv", row, "text/csv").multiPart("sdn", "sdn2.csv", row, "text/csv")
                .post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).body("errors[0].field", equalTo("sdn")).body("errors[0].message", equalTo("is given 2 times"));
        given().multiPart("sdn", "36,\"AEROCARIBBEAN AIRLINES\"").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(400).body("errors[0].field", equalTo("sdn"))
                .body("errors[0].message", containsString("must be sent as a file (curl -F sdn=@sdn.csv)"));
        // A source published as one file takes one part named file.
        given().multiPart("sdn", "sdn.csv", row, "text/csv").post("/api/v1/lists/UN")
                .then().statusCode(400).body("errors.field", hasItems("sdn", "file"));
        given().multiPart("sdn", "sdn.csv", row, "text/csv").post("/api/v1/lists/NO-SUCH-LIST")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/api/v1/lists").then().statusCode(200).body("size()", equalTo(0));
    }

    private static long entriesWhoseOriginalHas(UUID versionId, String text) {
        return QuarkusTransaction.requiringNew().call(() ->
                ListEntryEntity.count("versionId = ?1 and originalJson like ?2", versionId, "%" + text + "%"));
    }
}
