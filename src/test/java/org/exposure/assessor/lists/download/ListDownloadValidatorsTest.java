package org.exposure.assessor.lists.download;

import org.exposure.assessor.audit.AuditTrail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.exposure.assessor.lists.download.LocalListServer.Request;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The download validators live in the database with the version they made: a new instance (here a fresh
 * {@link ListDownloads}, with nothing in memory) asks conditionally, and an upload that replaces that version
 * stops them being sent.
 */
@QuarkusTest
@TestProfile(LocalListsProfile.class)
class ListDownloadValidatorsTest {
    private static final Path ALT = Fixtures.ALT;
    private static final Path ADD = Fixtures.ADD;
    private static final String LAST_MODIFIED = "Fri, 03 May 2024 12:00:00 GMT";

    @Inject
    AssessorConfig config;
    @Inject
    ListSources importers;
    @Inject
    ListStore store;
    @Inject
    ListDownloads downloads;
    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;
    @Inject
    AuditTrail audit;

    // From no list in force, so that the versions counted are this test's; the start-up lists come back afterwards.
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

    /** The first rows of the SDN fixture and a row of this call's own, so each call gives other content. */
    static byte[] sdnSample(int rows) {
        return Fixtures.sdnRows(rows, (600_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"VALIDATOR TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
    }

    static void serveOfac(byte[] sdn) throws IOException {
        server().answer("/ofac/sdn.csv", Answer.file(sdn, "\"sdn-1\"", LAST_MODIFIED))
                .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(ALT), "\"alt-1\"", LAST_MODIFIED))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(ADD), null, LAST_MODIFIED));
    }

    /** The stored validators of OFAC-SDN as "part version etag lastModified", by part. */
    private List<String> storedValidators() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT part, CAST(version_id AS VARCHAR(36)), etag, last_modified "
                    + "FROM list_download_validator WHERE source = 'OFAC-SDN' ORDER BY part").getResultList();
            return rows.stream().map(r -> r[0] + " " + r[1] + " " + r[2] + " " + r[3]).toList();
        });
    }

    private long versions() {
        return QuarkusTransaction.requiringNew().call(() -> ListVersionEntity.count("source", "OFAC-SDN"));
    }

    /** The latest audit event: actor, action, target id and after state. */
    private String lastAuditEvent() throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT actor, action, target_id, after_json "
                     + "FROM audit_event ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4);
        }
    }

    private List<Request> requestsSince(int before) {
        List<Request> all = server().requests();
        return all.subList(before, all.size());
    }

    @Test
    void aNewInstanceAsksWithTheValidatorsFromTheDatabase() throws Exception {
        byte[] sdn = sdnSample(20);
        serveOfac(sdn);
        ListDownloads.Outcome first = downloads.download("OFAC-SDN");
        assertThat(first.stored().created()).isTrue();
        UUID v1 = first.stored().version().id;
        assertThat(lastAuditEvent()).startsWith("system LIST_IMPORTED " + v1 + " ").contains("\"via\":\"download\"");
        assertThat(storedValidators()).containsExactly("add " + v1 + " null " + LAST_MODIFIED,
                "alt " + v1 + " \"alt-1\" " + LAST_MODIFIED, "sdn " + v1 + " \"sdn-1\" " + LAST_MODIFIED);

        // A file that does not import stores nothing, validators included.
        server().answer("/ofac/alt.csv", Answer.file("<html>down</html>".getBytes(StandardCharsets.US_ASCII), "\"x\"", null));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> downloads.download("OFAC-SDN"))
                .isInstanceOf(org.exposure.assessor.lists.ImportException.class);
        assertThat(lastAuditEvent()).startsWith("system LIST_DOWNLOAD_FAILED OFAC-SDN ")
                .contains("\"kind\":\"FORMAT\"");
        assertThat(storedValidators()).hasSize(3).allMatch(v -> v.contains(v1.toString()))
                .noneMatch(v -> v.contains("\"x\""));
        serveOfac(sdn);

        // As after a restart: nothing in memory, only the database.
        int before = server().requests().size();
        ListDownloads fresh = new ListDownloads(config, importers, store, audit,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        ListDownloads.Outcome again = fresh.download("OFAC-SDN");
        assertThat(again.notModified()).isTrue();
        assertThat(again.stored().version().id).isEqualTo(v1);
        assertThat(again.files().values()).extracting(ListDownloader.Fetched::status).containsExactly(304, 304, 304);
        assertThat(requestsSince(before)).containsExactly(
                new Request("/ofac/sdn.csv", "\"sdn-1\"", LAST_MODIFIED),
                new Request("/ofac/alt.csv", "\"alt-1\"", LAST_MODIFIED),
                new Request("/ofac/add.csv", null, LAST_MODIFIED));
        assertThat(versions()).isEqualTo(1);
        assertThat(store.inForce()).singleElement().satisfies(v -> assertThat(v.id).isEqualTo(v1));
    }

    @Test
    void anUploadThatReplacesTheVersionInForceStopsItsValidatorsBeingSent() throws Exception {
        byte[] served = sdnSample(20);
        serveOfac(served);
        String v1 = given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(201).extract().path("version.id");
        assertThat(storedValidators()).hasSize(3);

        // The same files as in force uploaded: the version in force stays, and so do its validators.
        given().multiPart("sdn", "sdn.csv", served, "text/csv").multiPart("alt", "alt.csv", Files.readAllBytes(ALT), "text/csv")
                .multiPart("add", "add.csv", Files.readAllBytes(ADD), "text/csv").post("/api/v1/lists/OFAC-SDN")
                .then().statusCode(200).body("version.id", equalTo(v1));
        assertThat(storedValidators()).hasSize(3).allMatch(v -> v.contains(v1));

        // Other content of the same size: the server's files, v1 again, then drop no entry of v2, so v1 is put back
        // in force rather than held as a shrunken list.
        String v2 = given().contentType("text/csv").body(sdnSample(20)).post("/api/v1/lists/OFAC-SDN").then()
                .statusCode(201).extract().path("version.id");
        assertThat(storedValidators()).isEmpty();

        // The server still has the files of v1: a 304 would keep v2. Asked without validators, it sends them and
        // v1 (the same content) is in force again.
        int before = server().requests().size();
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(200)
                .body("created", equalTo(false)).body("version.id", equalTo(v1))
                .body("download.notModified", equalTo(false))
                .body("download.files.status", equalTo(List.of(200, 200, 200)));
        assertThat(requestsSince(before)).hasSize(3).noneMatch(Request::conditional);
        assertThat(store.inForce()).singleElement().satisfies(v -> {
            assertThat(v.id.toString()).isEqualTo(v1).isNotEqualTo(v2);
        });
        assertThat(storedValidators()).hasSize(3).allMatch(v -> v.contains(v1));

        // And from then on the download is conditional again.
        before = server().requests().size();
        given().post("/api/v1/lists/OFAC-SDN/download").then().statusCode(200)
                .body("download.notModified", equalTo(true)).body("version.id", equalTo(v1));
        assertThat(requestsSince(before)).hasSize(3).allMatch(Request::conditional);
    }

    @Test
    void aVersionReplacedWhileTheDownloadAsksIsNotKeptByA304() throws Exception {
        byte[] sdn = sdnSample(20);
        serveOfac(sdn);
        UUID v1 = downloads.download("OFAC-SDN").stored().version().id;

        // Another instance holds the source's lock and puts other content in force while the download asks.
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("SELECT source FROM list_source WHERE source = 'OFAC-SDN' FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
            }
            int before = server().requests().size();
            Future<ListDownloads.Outcome> running = thread.submit(() -> downloads.download("OFAC-SDN"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (server().requests().size() < before + 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(requestsSince(before)).hasSize(3).allMatch(Request::conditional);
            Thread.sleep(1_000);
            assertThat(running.isDone()).as("waits for the lock before trusting the 304s").isFalse();
            try (PreparedStatement ps = other.prepareStatement("UPDATE list_version SET in_force = FALSE WHERE id = ?")) {
                ps.setObject(1, v1);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO list_version (id, source, content_hash, "
                    + "entry_count, skipped_rows, imported_at, in_force) VALUES (?, 'OFAC-SDN', 'uploaded', 0, 0, "
                    + "CURRENT_TIMESTAMP, TRUE)")) {
                ps.setObject(1, UUID.randomUUID());
                ps.executeUpdate();
            }
            other.commit();

            ListDownloads.Outcome outcome = running.get(60, TimeUnit.SECONDS);
            assertThat(outcome.notModified()).isFalse();
            assertThat(outcome.stored().version().id).isEqualTo(v1);
            assertThat(requestsSince(before)).hasSize(6).extracting(Request::conditional)
                    .containsExactly(true, true, true, false, false, false);
        } finally {
            thread.shutdownNow();
        }
        assertThat(store.inForce()).singleElement().satisfies(v -> assertThat(v.id).isEqualTo(v1));
        assertThat(versions()).isEqualTo(2);
    }
}
