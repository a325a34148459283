package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.exposure.assessor.audit.AuditLog;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.download.DownloadHistory;
import org.exposure.assessor.lists.download.LocalListServer;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.exposure.assessor.lists.download.LocalListsProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * POST /api/v1/lists/{source}/download against an HTTP server on the loopback interface, started before the
 * service so that the configured URLs point at it (see {@link LocalListsProfile}).
 */
@QuarkusTest
@TestProfile(LocalListsProfile.class)
class ListDownloadApiTest {
    @Inject
    DownloadHistory history;
    @Inject
    AuditLog audit;

    /** The kind the audit trail recorded for the last failed download of a source. */
    private String lastFailureKind(String source) {
        return audit.latest(List.of("LIST_DOWNLOAD_FAILED"), 50).stream()
                .filter(e -> e.afterJson().contains("\"source\":\"" + source + "\""))
                .map(e -> e.afterJson().replaceAll(".*\"kind\":\"([A-Z_]+)\".*", "$1")).findFirst().orElse(null);
    }
    private static final Path ALT = Fixtures.ALT;
    private static final Path ADD = Fixtures.ADD;
    private static final String LAST_MODIFIED = "Fri, 03 May 2024 12:00:00 GMT";

    // From no list in force: the downloads here are of 21 rows, and the tests check what is in force (or that
    // nothing is) after them. The start-up lists are back in force for the tests that follow.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupListsAndNoAnswers() {
        ListFixtures.restore();
        server().reset();
    }

    private static LocalListServer server() {
        return LocalListsProfile.server();
    }

    /**
     * The first 20 rows of the SDN fixture and one row of this call's own (so that each call gives other content and
     * a database kept from an earlier run does not hold it), with the end-of-file marker.
     */
    private static byte[] sdnSample() {
        return Fixtures.withEndMarker(Fixtures.sdnRows(20, (500_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"DOWNLOAD TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- "));
    }

    /** Serves the OFAC files with validators, downloads them and returns the new version's id. */
    private static String aFirstDownload(byte[] sdn) throws IOException {
        server().answer("/ofac/sdn.csv", Answer.file(sdn, "\"sdn-1\"", LAST_MODIFIED))
                .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(ALT), "\"alt-1\"", LAST_MODIFIED))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(ADD), null, LAST_MODIFIED));
        return given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(201)
                .body("created", equalTo(true)).extract().path("version.id");
    }

    private static String inForce(String source) {
        return given().get("/api/v1/lists").then().statusCode(200).extract().jsonPath()
                .getString("find { it.source == '" + source + "' }.id");
    }

    @Test
    void aNewVersionThenNotModifiedThenTheSameContentAgain() throws IOException {
        byte[] sdn = sdnSample();
        server().answer("/ofac/sdn.csv", Answer.file(sdn, "\"sdn-1\"", LAST_MODIFIED))
                .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(ALT), "\"alt-1\"", LAST_MODIFIED))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(ADD), null, LAST_MODIFIED));
        JsonPath first = given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(201)
                .body("created", equalTo(true)).body("version.entryCount", equalTo(21))
                .body("counts.altRows", equalTo(Fixtures.ALT_ROWS)).body("counts.addRows", equalTo(Fixtures.ADD_ROWS))
                .body("download.notModified", equalTo(false))
                .body("download.files.part", equalTo(List.of("sdn", "alt", "add")))
                .body("download.files.status", equalTo(List.of(200, 200, 200)))
                .body("download.files[0].bytes", equalTo(sdn.length))
                .body("download.files[1].url", equalTo(server().url("/ofac/alt.csv").toString()))
                .extract().jsonPath();
        String versionId = first.getString("version.id");
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);
        // Entry 36's alias and address come from alt.csv and add.csv.
        given().get("/api/v1/lists/OFAC-SDN/entries/36").then().statusCode(200)
                .body("aliases.name", hasItems("AERO-CARIBBEAN")).body("original.'add:25'", equalTo("Havana, Cuba"));
        assertThat(server().requests()).hasSize(3).noneMatch(LocalListServer.Request::conditional);

        // Asked again with the validators of the files in force: 304 for each, nothing imported.
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(200)
                .body("created", equalTo(false)).body("version.id", equalTo(versionId))
                .body("download.notModified", equalTo(true))
                .body("download.files.status", equalTo(List.of(304, 304, 304)))
                .body("counts.size()", equalTo(0));
        assertThat(server().requests("/ofac/sdn.csv").get(1))
                .isEqualTo(new LocalListServer.Request("/ofac/sdn.csv", "\"sdn-1\"", LAST_MODIFIED));
        assertThat(server().requests("/ofac/add.csv").get(1))
                .isEqualTo(new LocalListServer.Request("/ofac/add.csv", null, LAST_MODIFIED));

        // A server that ignores conditional requests sends the same bytes: the content hash makes no new version.
        server().answer("/ofac/sdn.csv", Answer.file(sdn)).answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(ALT)))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(ADD)));
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(200)
                .body("created", equalTo(false)).body("version.id", equalTo(versionId))
                .body("download.notModified", equalTo(false)).body("counts.altRows", equalTo(Fixtures.ALT_ROWS));
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);

        // One file changed (a new ETag), the others not: all three are fetched whole and a new version is made.
        server().answer("/ofac/sdn.csv", Answer.file(sdnSample(), "\"sdn-2\"", LAST_MODIFIED))
                .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(ALT), "\"alt-1\"", LAST_MODIFIED))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(ADD), null, LAST_MODIFIED));
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(201);
        server().answer("/ofac/sdn.csv", Answer.file(sdnSample(), "\"sdn-3\"", LAST_MODIFIED));
        int before = server().requests("/ofac/alt.csv").size();
        String third = given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(201)
                .body("download.files.status", equalTo(List.of(200, 200, 200))).extract().path("version.id");
        List<LocalListServer.Request> alt = server().requests("/ofac/alt.csv");
        assertThat(alt.subList(before, alt.size())).extracting(LocalListServer.Request::conditional).containsExactly(true, false);
        assertThat(inForce("OFAC-SDN")).isEqualTo(third);
    }

    @Test
    void anErrorStatusIsA502NamingItAndTheVersionInForceStays() throws IOException {
        String versionId = aFirstDownload(sdnSample());

        server().answer("/ofac/sdn.csv", Answer.status(404));
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-download-failed"))
                .body("detail", equalTo("GET " + server().url("/ofac/sdn.csv") + " answered HTTP 404; the version in force is unchanged"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"OFAC-SDN\".url"));
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);

        server().answer("/ofac/sdn.csv", Answer.file(sdnSample())).answer("/ofac/alt.csv", Answer.status(500));
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(502)
                .body("detail", containsString("/ofac/alt.csv answered HTTP 500"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"OFAC-SDN\".alt-url"));
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);
        given().get("/api/v1/lists/OFAC-SDN/entries/36").then().statusCode(200).body("versionId", equalTo(versionId));

        // A source never downloaded before: nothing in force afterwards.
        given().post("/api/v1/lists/UN/download").then().statusCode(502).body("detail", containsString("HTTP 404"));
        assertThat(inForce("UN")).isNull();
    }

    @Test
    void aCorruptFileIsA422NamingItsUrlAndTheVersionInForceStays() throws IOException {
        String versionId = aFirstDownload(sdnSample());

        server().answer("/ofac/sdn.csv", Answer.file(sdnSample()))
                .answer("/ofac/add.csv", Answer.file("<!DOCTYPE html><html><body>Maintenance</body></html>"
                        .getBytes(StandardCharsets.US_ASCII), "\"maintenance\"", null));
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-format"))
                .body("detail", containsString("the file downloaded from " + server().url("/ofac/add.csv")))
                .body("detail", containsString("OFAC add.csv: not an OFAC legacy CSV file but an HTML page"))
                .body("detail", containsString("the version in force is unchanged"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"OFAC-SDN\".add-url"));
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);

        // Half an XML document where the UN list should be.
        server().answer("/un/consolidated.xml", Answer.file("<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS>"
                .getBytes(StandardCharsets.US_ASCII)));
        given().post("/api/v1/lists/UN/download").then().statusCode(422)
                .body("errors[0].field", equalTo("assessor.lists.download.\"UN\".url"));
        assertThat(inForce("UN")).isNull();
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsA504() throws IOException {
        String versionId = aFirstDownload(sdnSample());
        server().answer("/ofac/sdn.csv", Answer.file(sdnSample()).late(8_000));
        long start = System.nanoTime();
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(504).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-download-failed"))
                .body("detail", containsString("did not complete within PT3S"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"OFAC-SDN\".url"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(inForce("OFAC-SDN")).isEqualTo(versionId);

        // A body that stops half-way through.
        server().answer("/csl/consolidated.csv", Answer.file(new byte[200_000]).stalling());
        given().post("/api/v1/lists/US-CSL/download").then().statusCode(504);
        assertThat(inForce("US-CSL")).isNull();

        // A body that never stops arriving, a byte at a time: the same timeout, and the history says so.
        server().answer("/un/consolidated.xml", Answer.file(Files.readAllBytes(Fixtures.UN)).dribbling(100));
        start = System.nanoTime();
        given().post("/api/v1/lists/UN/download").then().statusCode(504)
                .body("detail", containsString("did not complete within PT3S"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(inForce("UN")).isNull();
        assertThat(history.last().get("UN")).satisfies(a -> {
            assertThat(a.ok()).isFalse();
            assertThat(a.message()).contains("did not complete within PT3S");
        });
        assertThat(lastFailureKind("UN")).isEqualTo("TIMEOUT");
    }

    @Test
    void aGzipBombDownloadedIsRefusedAndRecordedAsTooLarge() throws IOException {
        server().answer("/csl/consolidated.csv", Answer.file(Files.readAllBytes(Fixtures.CSL)));
        String versionId = given().post("/api/v1/lists/US-CSL/download").then().statusCode(201).extract().path("version.id");
        server().answer("/csl/consolidated.csv", Answer.file(HostileListFilesApiTest.gzipOfZeros(256)));
        given().post("/api/v1/lists/US-CSL/download").then().statusCode(502).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-download-failed"))
                .body("detail", containsString("assessor.lists.max-compression-ratio"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"US-CSL\".url"));
        assertThat(inForce("US-CSL")).isEqualTo(versionId);
        assertThat(lastFailureKind("US-CSL")).isEqualTo("TOO_LARGE");
        assertThat(history.last().get("US-CSL").ok()).isFalse();

        // Garbage where the list should be: the history records a wrong format.
        server().answer("/csl/consolidated.csv", Answer.file("\u0000\u0001garbage\u00ff".repeat(1000)
                .getBytes(StandardCharsets.ISO_8859_1)));
        given().post("/api/v1/lists/US-CSL/download").then().statusCode(422);
        assertThat(inForce("US-CSL")).isEqualTo(versionId);
        assertThat(lastFailureKind("US-CSL")).isEqualTo("FORMAT");
    }

    @Test
    void theOpenApiDocumentShowsBothUploadsAndTheDownload() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getMap("paths.'/api/v1/lists/{source}'.post.requestBody.content"))
                .containsKeys("*/*", "multipart/form-data");
        assertThat(doc.getString("paths.'/api/v1/lists/{source}'.post.requestBody.content.'multipart/form-data'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/ListParts");
        assertThat(doc.getMap("components.schemas.ListParts.properties")).containsOnlyKeys("sdn", "alt", "add", "file");
        assertThat(doc.getMap("paths.'/api/v1/lists/{source}/download'.post.responses"))
                .containsKeys("200", "201", "404", "409", "422", "502", "504", "507");
    }

    @Test
    void aSourceWithoutUrlIsA409AndAnUnknownSourceA404() {
        given().post("/api/v1/lists/OPENSANCTIONS/download").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/list-download-not-configured"))
                .body("detail", equalTo("no download URL is configured for OPENSANCTIONS; set assessor.lists.download.\"OPENSANCTIONS\".url"))
                .body("errors[0].field", equalTo("assessor.lists.download.\"OPENSANCTIONS\".url"));
        given().post("/api/v1/lists/NO-SUCH-LIST/download").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("known sources: OFAC-SDN"));
        assertThat(server().requests()).isEmpty();
    }
}
