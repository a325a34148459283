package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.exposure.assessor.batch.BatchResource;
import org.exposure.assessor.testsupport.CuttableProxy;
import org.exposure.assessor.testsupport.DatabaseBehindProxy;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * The database goes away while the service works, and comes back: the connection between them is cut by a proxy
 * (live connections closed mid-statement, new ones refused), the database itself keeps running. Runs on H2 served
 * over TCP in the default suite and on PostgreSQL under {@code -Ppostgresql}.
 */
@QuarkusTest
@WithTestResource(DatabaseBehindProxy.class)
class DatabaseOutageTest {
    private static final Logger LOG = Logger.getLogger(DatabaseOutageTest.class);
    private static final int ROWS = 2_000;
    /** What the pool settings promise: a request fails well within this while the database is away. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Test
    @DisplayName("a batch job cut off from its database mid-run pauses, resumes by itself, and stores every row exactly once; "
            + "meanwhile readiness is DOWN and requests get a 503 problem with Retry-After")
    void batchJobSurvivesAnOutage() throws Exception {
        CuttableProxy proxy = DatabaseBehindProxy.proxy();
        String tag = "OUTAGE-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> rows = new ArrayList<>();
        for (String row : BatchRows.mixed(ROWS, new Random(11))) {
            rows.add(row.replace("\"ref\":\"row-", "\"ref\":\"" + tag));
        }
        String id = Batches.submit(String.join("\n", rows) + "\n", BatchResource.JSONL);

        // Cut while the job is under way: some chunks committed, most not yet.
        JsonNode before = waitFor(() -> {
            JsonNode s = Batches.status(id);
            return s.get("chunksDone").asInt() > 0 ? s : null;
        }, Duration.ofSeconds(120), "the job's first chunk");
        assertThat(before.get("state").asText()).as("the job must still be running when the database goes away: %s", before)
                .isEqualTo("RUNNING");
        assertThat(before.get("chunksDone").asInt()).isLessThan(before.get("chunks").asInt());
        proxy.cut();
        Instant cutAt = Instant.now();
        try {
            // Readiness says DOWN, with 503, while the database cannot be reached.
            Response ready = waitFor(() -> {
                Response r = given().get("/q/health/ready");
                return r.statusCode() == 503 ? r : null;
            }, Duration.ofSeconds(30), "readiness to go DOWN");
            assertThat(ready.jsonPath().getString("status")).isEqualTo("DOWN");

            // A request that needs the database: 503 problem naming the cause, with Retry-After, and soon.
            long started = System.nanoTime();
            Response status = given().get(Batches.PATH + "/" + id);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            LOG.infof("Job status with the database away answered %d in %d ms", status.statusCode(), took.toMillis());
            assertDatabaseUnavailable(status);
            assertThat(took).isLessThan(FAIL_FAST);

            started = System.nanoTime();
            Response assess = given().contentType("application/json").body(Api.KZ_CHIPS).post(Api.ASSESSMENTS);
            took = Duration.ofNanos(System.nanoTime() - started);
            LOG.infof("An assessment with the database away answered %d in %d ms", assess.statusCode(), took.toMillis());
            assertDatabaseUnavailable(assess);
            assertThat(took).isLessThan(FAIL_FAST);

            // An upload is refused the same way, and no half-received job is left to be worked on.
            Response upload = given().contentType(BatchResource.JSONL)
                    .body((rows.get(0) + "\n").getBytes(StandardCharsets.UTF_8)).post(Batches.PATH);
            assertDatabaseUnavailable(upload);

            // Long enough that the workers have failed and backed off more than once.
            long left = 3_000 - Duration.between(cutAt, Instant.now()).toMillis();
            if (left > 0) {
                Thread.sleep(left);
            }
        } finally {
            proxy.restore();
        }
        Instant restoredAt = Instant.now();

        // The job goes on by itself and finishes.
        JsonNode done = waitFor(() -> {
            Response r = given().get(Batches.PATH + "/" + id);
            if (r.statusCode() != 200) {
                return null; // a connection the pool has not yet found dead
            }
            JsonNode s = Batches.lines(r.asString()).get(0);
            String state = s.get("state").asText();
            return state.equals("RUNNING") || state.equals("QUEUED") ? null : s;
        }, Duration.ofSeconds(180), "the job to finish after the database came back");
        LOG.infof("Job finished %d ms after the database came back", Duration.between(restoredAt, Instant.now()).toMillis());
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.get("assessed").asLong() + done.get("rejected").asLong()).isEqualTo(ROWS);
        assertThat(done.get("assessed").asLong()).isEqualTo(ROWS);

        // Every row once in the results, in order.
        List<JsonNode> results = Batches.results(id, "");
        assertThat(results).hasSize(ROWS);
        for (int i = 0; i < ROWS; i++) {
            assertThat(results.get(i).get("line").asLong()).isEqualTo(i + 1);
            assertThat(results.get(i).get("ref").asText()).isEqualTo(tag + i);
        }
        // Every row assessed and stored exactly once: no assessment of a rolled-back chunk survived, none is missing.
        try (Connection c = dataSource.getConnection()) {
            long[] stored = counts(c, "SELECT COUNT(*), COUNT(DISTINCT ref) FROM assessment WHERE ref LIKE ?", tag + "%");
            assertThat(stored[0]).as("assessments stored").isEqualTo(ROWS);
            assertThat(stored[1]).as("distinct refs stored").isEqualTo(ROWS);
            long[] resultRows = counts(c, "SELECT COUNT(*), COUNT(DISTINCT line) FROM batch_result WHERE job_id = ?", UUID.fromString(id));
            assertThat(resultRows[0]).isEqualTo(ROWS);
            assertThat(resultRows[1]).isEqualTo(ROWS);
            // The outage really fell inside the job: chunks were committed after the database came back.
            long[] after = counts(c, "SELECT COUNT(*), COUNT(*) FROM batch_chunk WHERE job_id = ? AND done_at > ?",
                    UUID.fromString(id), Timestamp.from(restoredAt));
            assertThat(after[0]).as("chunks committed after the outage").isPositive();
        }

        // And the service is ready again.
        waitFor(() -> given().get("/q/health/ready").statusCode() == 200 ? Boolean.TRUE : null, Duration.ofSeconds(30),
                "readiness to come back UP");
    }

    private static void assertDatabaseUnavailable(Response r) {
        assertThat(r.statusCode()).as(r.asString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(r.header("Retry-After")).isEqualTo("10");
        assertThat(r.jsonPath().getString("type")).isEqualTo("/problems/database-unavailable");
        assertThat(r.jsonPath().getString("title")).isEqualTo("Database unavailable");
        assertThat(r.asString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static long[] counts(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    private static <T> T waitFor(Supplier<T> check, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(50);
        }
    }
}
