package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.batch.BatchResource;
import org.exposure.assessor.operations.Retention;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The retention cleanup (assessor.retention.batch-jobs, P90D by default): a finished job older than that loses its
 * per-row results; a younger one, a job not finished, the job's header and totals, and the assessments its results
 * pointed at are kept. Plain SQL only, so that it runs on H2 and PostgreSQL alike.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    Retention retention;
    @Inject
    DataSource dataSource;

    @Test
    @DisplayName("a job finished 91 days ago loses its result rows (410 on .../results, audited), its header, totals and assessments stay; a job finished yesterday is kept whole")
    void oldJobCleanedYoungKept() throws SQLException {
        // Whatever earlier tests left is older than nothing yet; clean it first so that the counts below are ours.
        Instant now = Instant.now();
        retention.run(now);

        String old = job("OLD");
        String young = job("YOUNG");
        JsonNode oldBefore = Batches.status(old);
        List<JsonNode> oldResults = Batches.results(old, "");
        assertThat(oldResults).hasSize(3);
        finishedAgo(old, Duration.ofDays(91));
        finishedAgo(young, Duration.ofDays(1));

        Retention.Report report = retention.run(now);
        assertThat(report.jobs()).isEqualTo(1);
        assertThat(report.results()).isEqualTo(3);

        assertThat(count("SELECT COUNT(*) FROM batch_result WHERE job_id = ?", old)).isZero();
        assertThat(count("SELECT COUNT(*) FROM batch_result WHERE job_id = ?", young)).isEqualTo(3);
        assertThat(Batches.results(young, "")).hasSize(3);

        // The header and totals answer as before, with the date the results went.
        JsonNode oldAfter = Batches.status(old);
        assertThat(oldAfter.get("state").asText()).isEqualTo("DONE");
        assertThat(oldAfter.get("assessed").asLong()).isEqualTo(oldBefore.get("assessed").asLong()).isEqualTo(3);
        assertThat(oldAfter.get("riskLevels")).isEqualTo(oldBefore.get("riskLevels"));
        assertThat(oldAfter.get("resultsRemovedAt").asText()).isNotBlank();
        assertThat(Batches.status(young).has("resultsRemovedAt")).isFalse();
        var problem = Api.problem(io.restassured.RestAssured.given().get(Batches.PATH + "/" + old + "/results").then(), 410);
        assertThat(problem.jsonPath().getString("type")).isEqualTo("/problems/batch-results-removed");
        Api.problem(io.restassured.RestAssured.given().get(Batches.PATH + "/" + old + "/errors").then(), 410);

        // The assessments the removed rows pointed at are still stored and readable.
        for (JsonNode r : oldResults) {
            Api.getTree(Api.ASSESSMENTS + "/" + r.get("assessmentId").asText());
        }
        // One audit event for the job, in the trail.
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?", Retention.ACTION, old))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = ? AND target_id = ?", Retention.ACTION, young))
                .isZero();

        // Done once: a second run finds nothing more.
        assertThat(retention.run(now).jobs()).isZero();
    }

    @Test
    @DisplayName("a job not finished is never cleaned, however old; and while another instance holds the lock this one skips")
    void unfinishedAndLockedKept() throws Exception {
        Instant now = Instant.now();
        retention.run(now);
        String queued = job("QUEUED");
        String done = job("LOCKED");
        // As a job still queued (e.g. waiting for lists) since long ago.
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'QUEUED', created_at = ?, finished_at = NULL WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(400))));
            ps.setObject(2, UUID.fromString(queued));
            ps.executeUpdate();
        }
        finishedAgo(done, Duration.ofDays(200));
        try {
            // Another instance's cleanup holds the lock row: this one cleans nothing and does not wait.
            try (Connection other = dataSource.getConnection()) {
                other.setAutoCommit(false);
                try (PreparedStatement ps = other.prepareStatement("SELECT id FROM retention_lock WHERE id = 1 FOR UPDATE");
                     ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    long started = System.nanoTime();
                    assertThat(retention.run(now).jobs()).isZero();
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
                } finally {
                    other.rollback();
                }
            }
            assertThat(count("SELECT COUNT(*) FROM batch_result WHERE job_id = ?", done)).isEqualTo(3);

            Retention.Report report = retention.run(now);
            assertThat(report.jobs()).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM batch_result WHERE job_id = ?", done)).isZero();
            assertThat(count("SELECT COUNT(*) FROM batch_result WHERE job_id = ?", queued)).isEqualTo(3);
        } finally {
            // Finished again, so that no worker of a later test picks the job up, and created now again, so that lists of
            // jobs newest first (by creation) stay in the order of creation for later tests.
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'DONE', finished_at = ?, created_at = ? WHERE id = ?")) {
                ps.setTimestamp(1, Timestamp.from(now));
                ps.setTimestamp(2, Timestamp.from(now));
                ps.setObject(3, UUID.fromString(queued));
                ps.executeUpdate();
            }
        }
    }

    /** A finished job of three assessed rows. */
    private static String job(String prefix) {
        String rows = String.join("\n",
                "{\"type\":\"GOODS\",\"ref\":\"" + prefix + "-1\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}",
                "{\"type\":\"GOODS\",\"ref\":\"" + prefix + "-2\",\"hsCode\":\"6109.10\",\"destinationCountry\":\"DE\"}",
                "{\"type\":\"GOODS\",\"ref\":\"" + prefix + "-3\",\"hsCode\":\"8482.10\",\"destinationCountry\":\"RU\"}") + "\n";
        String id = Batches.submit(rows, BatchResource.JSONL);
        assertThat(Batches.awaitFinished(id).get("state").asText()).isEqualTo("DONE");
        return id;
    }

    private void finishedAgo(String job, Duration ago) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET finished_at = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(ago)));
            ps.setObject(2, UUID.fromString(job));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof String s && s.length() == 36 && s.charAt(8) == '-' && !sql.contains("target_id")) {
                    ps.setObject(i + 1, UUID.fromString(s));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
