package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.exposure.assessor.batch.BatchResource;
import org.exposure.assessor.operations.OperationsGauges;
import org.exposure.assessor.security.Roles;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** /q/metrics: who may read it, and that the assessor's series move with an assessment and a batch job. */
@QuarkusTest
class MetricsApiTest {
    @Inject
    DataSource dataSource;
    @Inject
    OperationsGauges gauges;

    @Test
    @DisplayName("/q/metrics needs the metrics role or admin: 401 without credentials, 403 for an analyst, 200 for the scraper and an admin")
    void onlyScrapersAndAdminsReadMetrics() {
        Users.anonymous().get("/q/metrics").then().statusCode(401);
        Users.ANALYST.given().get("/q/metrics").then().statusCode(403);
        Users.MACHINE.given().get("/q/metrics").then().statusCode(403);
        Users.SCRAPER.given().get("/q/metrics").then().statusCode(200)
                // OpenMetrics (text) when asked for it, as Prometheus does; the classic text format otherwise.
                .contentType(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.containsString("text/plain"),
                        org.hamcrest.Matchers.containsString("application/openmetrics-text")));
        Users.ADMIN.given().get("/q/metrics").then().statusCode(200);
        // The scraper's role opens nothing else.
        Users.SCRAPER.given().get(Api.ASSESSMENTS).then().statusCode(403);
        assertThat(Roles.METRICS).isEqualTo("metrics");
    }

    @Test
    @DisplayName("an assessment moves assessor_assessments_total{kind,risk_level,channel=api}, the rule firings by rule id and the screening timer")
    void assessmentMovesCounters() {
        Scrape before = Scrape.now();
        JsonNode a = Api.created("{\"type\":\"GOODS\",\"ref\":\"" + Api.uniqueRef("METRICS") + "\",\"hsCode\":\"8542.31\","
                + "\"destinationCountry\":\"KZ\"}");
        assertThat(a.get("riskLevel").asText()).isEqualTo("SEVERE");
        List<String> rules = Api.ruleIds(a);
        assertThat(rules).contains("GOODS-CHPL-T1", "GOODS-TRANSSHIPMENT");
        Scrape after = Scrape.now();

        String[] series = {"channel", "api", "kind", "GOODS", "risk_level", "SEVERE"};
        assertThat(after.value("assessor_assessments_total", series) - before.value("assessor_assessments_total", series))
                .isEqualTo(1.0);
        for (String rule : rules) {
            assertThat(after.value("assessor_rule_firings_total", "rule_id", rule)
                    - before.value("assessor_rule_firings_total", "rule_id", rule)).as(rule).isEqualTo(1.0);
        }
        assertThat(after.value("assessor_screening_seconds_count") - before.value("assessor_screening_seconds_count"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(after.has("assessor_screening_seconds_bucket", "le", "+Inf")).as("a histogram, with buckets").isTrue();
    }

    @Test
    @DisplayName("a batch job moves assessor_batch_rows_total by outcome and the batch channel's assessments; the queue gauges are back to 0 when it is done")
    void batchJobMovesCounters() throws SQLException {
        List<String> rows = new ArrayList<>(BatchRows.mixed(150, new java.util.Random(11)));
        rows.add("{\"type\":\"GOODS\",\"ref\":\"bad-1\",\"hsCode\":\"not a code\"}");
        rows.add("{\"type\":\"NOPE\",\"ref\":\"bad-2\"}");
        Scrape before = Scrape.now();
        String id = Batches.submit(String.join("\n", rows) + "\n", BatchResource.JSONL);
        JsonNode status = Batches.awaitFinished(id);
        assertThat(status.get("state").asText()).isEqualTo("DONE");
        long assessed = status.get("assessed").asLong();
        long rejected = status.get("rejected").asLong();
        assertThat(assessed).isEqualTo(150);
        assertThat(rejected).isEqualTo(2);
        gauges.refresh();
        Scrape after = Scrape.now();

        assertThat(after.value("assessor_batch_rows_total", "outcome", "assessed")
                - before.value("assessor_batch_rows_total", "outcome", "assessed")).isEqualTo(assessed);
        assertThat(after.value("assessor_batch_rows_total", "outcome", "rejected")
                - before.value("assessor_batch_rows_total", "outcome", "rejected")).isEqualTo(rejected);
        double batchAssessments = 0;
        for (String kind : List.of("GOODS", "SUPPLIER", "BANK")) {
            for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = status.get("riskLevels").fields(); it.hasNext(); ) {
                String level = it.next().getKey();
                String[] s = {"channel", "batch", "kind", kind, "risk_level", level};
                batchAssessments += after.value("assessor_assessments_total", s) - before.value("assessor_assessments_total", s);
            }
        }
        assertThat(batchAssessments).isEqualTo(assessed);
        String[] severe = {"channel", "batch", "kind", "GOODS", "risk_level", "SEVERE"};
        assertThat(after.value("assessor_assessments_total", severe)).isPositive();
        assertThat(after.has("assessor_batch_queue_jobs")).isTrue();
        assertThat(after.value("assessor_batch_queue_jobs")).isEqualTo(queryLong(
                "SELECT COUNT(*) FROM batch_job WHERE state IN ('QUEUED', 'RUNNING')"));
        assertThat(after.value("assessor_batch_queue_rows")).isEqualTo(queryLong("SELECT COALESCE(SUM(row_count), 0) "
                + "FROM batch_chunk WHERE state = 'PENDING' AND job_id IN (SELECT id FROM batch_job WHERE state IN ('QUEUED', 'RUNNING'))"));
        assertThat(after.value("assessor_metrics_refreshed_seconds")).isCloseTo(System.currentTimeMillis() / 1000.0, within(30.0));
    }

    @Test
    @DisplayName("the review backlog gauge follows the open review items, and the list gauges give each source's entries and age")
    void gaugesFollowTheDatabaseAndTheLists() throws SQLException {
        gauges.refresh();
        double openBefore = Scrape.now().value("assessor_review_items", "status", "OPEN");
        assertThat(openBefore).isEqualTo(queryLong("SELECT COUNT(*) FROM review_item WHERE status = 'OPEN'"));
        // SEVERE is at or above assessor.review.min-level: a new open review item.
        Api.created("{\"type\":\"GOODS\",\"ref\":\"" + Api.uniqueRef("BACKLOG") + "\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}");
        gauges.refresh();
        Scrape after = Scrape.now();
        assertThat(after.value("assessor_review_items", "status", "OPEN")).isEqualTo(openBefore + 1)
                .isEqualTo(queryLong("SELECT COUNT(*) FROM review_item WHERE status = 'OPEN'"));

        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source, entry_count FROM list_version WHERE in_force = TRUE");
             ResultSet rs = ps.executeQuery()) {
            int sources = 0;
            while (rs.next()) {
                String source = rs.getString(1);
                assertThat(after.value("assessor_list_entries", "source", source)).as(source).isEqualTo(rs.getInt(2));
                assertThat(after.value("assessor_list_age_seconds", "source", source)).as(source).isPositive();
                sources++;
            }
            assertThat(sources).isGreaterThanOrEqualTo(5);
        }
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
