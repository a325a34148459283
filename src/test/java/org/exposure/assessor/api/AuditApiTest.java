package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.audit.AuditHash;
import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.rules.RulesInForce;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The audit trail through the API: a list upload recorded with its user, export in JSON Lines and CSV with from and
 * to, verification finding a row changed in the database, bad parameters, and who may read it.
 */
@QuarkusTest
class AuditApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditTrail audit;
    @Inject
    DataSource dataSource;
    @Inject
    RulesInForce engine;

    private static io.restassured.specification.RequestSpecification as(String user) {
        return Users.valueOf(user.toUpperCase(java.util.Locale.ROOT)).given();
    }

    private List<JsonNode> exportJsonl(String query) throws Exception {
        String body = as("admin").accept(AuditResource.JSONL).get("/api/v1/audit" + query).then().statusCode(200)
                .contentType(AuditResource.JSONL).extract().asString();
        List<JsonNode> out = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void aListUploadIsRecordedWithItsUser() throws Exception {
        long run = System.nanoTime();
        String first = Fixtures.sdnLines().get(0);
        byte[] sample = Fixtures.sdnRows(10, (910_000_000L + run % 9_999_999L) + first.substring(first.indexOf(',')));
        long before = lastSeq();
        try {
            // Ten rows against the fixture in force drop most of its entries: stored, but held for confirmation.
            String versionId = as("admin").contentType("text/csv").body(sample).post("/api/v1/lists/OFAC-SDN")
                    .then().statusCode(202).extract().jsonPath().getString("version.id");
            List<JsonNode> events = exportJsonl("?afterSeq=" + before);
            JsonNode imported = event(events, "LIST_IMPORTED", versionId);
            assertThat(imported.get("actor").asText()).isEqualTo("admin");
            assertThat(imported.get("target").get("type").asText()).isEqualTo("list-version");
            assertThat(imported.get("after").get("via").asText()).isEqualTo("upload");
            assertThat(imported.get("after").get("source").asText()).isEqualTo("OFAC-SDN");
            assertThat(imported.get("after").get("entryCount").asInt()).isEqualTo(11);
            assertThat(imported.get("after").get("status").asText()).isEqualTo("HELD");
            assertThat(imported.get("after").get("contentHash").asText()).matches("[0-9a-f]{64}");
            // The version in force when it arrived, which stays in force while this one is held.
            assertThat(imported.get("before").get("source").asText()).isEqualTo("OFAC-SDN");
            assertThat(imported.get("before").get("status").asText()).isEqualTo("IN_FORCE");
            JsonNode held = event(events, "LIST_VERSION_HELD", versionId);
            assertThat(held.get("actor").asText()).isEqualTo("admin");
            assertThat(held.get("after").get("heldReason").asText()).contains("drops");

            // Only an admin confirms; the reviewer's attempt is refused and records nothing.
            as("reviewer").post("/api/v1/lists/OFAC-SDN/versions/" + versionId + "/confirm").then().statusCode(403);
            as("admin").post("/api/v1/lists/OFAC-SDN/versions/" + versionId + "/confirm").then().statusCode(200);
            JsonNode confirmed = event(exportJsonl("?afterSeq=" + before), "LIST_VERSION_CONFIRMED", versionId);
            assertThat(confirmed.get("actor").asText()).isEqualTo("admin");
            assertThat(confirmed.get("before").get("status").asText()).isEqualTo("HELD");
            assertThat(confirmed.get("before").get("replaces").get("versionId").asText())
                    .isEqualTo(imported.get("before").get("versionId").asText());
            assertThat(confirmed.get("after").get("status").asText()).isEqualTo("IN_FORCE");
            assertThat(confirmed.get("after").get("confirmedBy").asText()).isEqualTo("admin");
        } finally {
            ListFixtures.restore();
        }
        as("reviewer").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    private static JsonNode event(List<JsonNode> events, String action, String targetId) {
        return events.stream().filter(e -> e.get("action").asText().equals(action)
                && e.get("target").get("id").asText().equals(targetId)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " for " + targetId + " in " + events));
    }

    @Test
    void theRulesetInUseIsRecorded() throws Exception {
        List<JsonNode> activations = exportJsonl("").stream()
                .filter(e -> e.get("action").asText().equals("RULESET_ACTIVATED")).toList();
        assertThat(activations).isNotEmpty();
        JsonNode last = activations.get(activations.size() - 1);
        assertThat(last.get("after").get("version").asText()).isEqualTo(engine.current().version());
        assertThat(last.get("actor").asText()).isEqualTo(AuditTrail.SYSTEM);
        // Every start of the service in this test run (each test profile is one) used this database; a start with
        // the ruleset recorded last records nothing, so no two activations in a row name the same version.
        for (int i = 1; i < activations.size(); i++) {
            assertThat(activations.get(i).get("after").get("version").asText())
                    .isNotEqualTo(activations.get(i - 1).get("after").get("version").asText());
            assertThat(activations.get(i).get("before").get("version").asText())
                    .isEqualTo(activations.get(i - 1).get("after").get("version").asText());
        }
    }

    @Test
    void exportsInBothFormatsWithFromAndTo() throws Exception {
        long before = lastSeq();
        for (int i = 0; i < 3; i++) {
            int n = i;
            QuarkusTransaction.requiringNew().run(() -> audit.record("reviewer", "TEST_EXPORT", "test", "t" + n,
                    n == 0 ? null : Map.of("n", n - 1), Map.of("n", n, "note", "ünïcode, \"quoted\"\nline")));
        }
        List<JsonNode> mine = exportJsonl("?afterSeq=" + before);
        assertThat(mine).extracting(e -> e.get("action").asText()).containsExactly("TEST_EXPORT", "TEST_EXPORT", "TEST_EXPORT");
        assertThat(mine.get(0).get("before").isNull()).isTrue();
        assertThat(mine.get(1).get("before").get("n").asInt()).isZero();
        String t1 = mine.get(1).get("time").asText();
        String t2 = mine.get(2).get("time").asText();

        // from is inclusive, to exclusive: [t1, t2) holds the second event only, unless two share a microsecond.
        List<JsonNode> window = exportJsonl("?afterSeq=" + before + "&from=" + t1 + "&to=" + t2);
        if (!t1.equals(t2)) {
            assertThat(window).extracting(e -> e.get("target").get("id").asText()).containsExactly("t1");
        }
        assertThat(exportJsonl("?afterSeq=" + before + "&from=" + t1)).extracting(e -> e.get("target").get("id").asText())
                .contains("t1", "t2").doesNotContain("t0");
        // A date takes its whole day (UTC).
        String day = t1.substring(0, 10);
        String nextDay = java.time.LocalDate.parse(day).plusDays(1).toString();
        assertThat(exportJsonl("?afterSeq=" + before + "&from=" + day + "&to=" + day)).hasSize(3);
        assertThat(exportJsonl("?afterSeq=" + before + "&from=" + nextDay)).isEmpty();

        // CSV, by Accept and by format: the exact stored text, from which each hash can be recomputed.
        for (var spec : List.of(as("reviewer").accept("text/csv"), as("reviewer").queryParam("format", "csv"))) {
            String csv = spec.queryParam("afterSeq", before).get("/api/v1/audit").then().statusCode(200)
                    .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0).getParser().getHeaderNames()).containsExactly(AuditResource.COLUMNS);
            for (CSVRecord r : rows) {
                String recomputed = AuditHash.of(Long.parseLong(r.get("seq")), Instant.parse(r.get("time")),
                        r.get("actor"), r.get("action"), r.get("targetType"), r.get("targetId"),
                        r.get("before").isEmpty() ? null : r.get("before"), r.get("after").isEmpty() ? null : r.get("after"),
                        r.get("prevHash"));
                assertThat(recomputed).as("seq " + r.get("seq")).isEqualTo(r.get("hash"));
            }
            assertThat(rows.get(2).get("after")).isEqualTo("{\"n\":2,\"note\":\"ünïcode, \\\"quoted\\\"\\nline\"}");
            assertThat(rows.get(1).get("prevHash")).isEqualTo(rows.get(0).get("hash"));
        }
        // The JSON Lines export carries the stored text verbatim too.
        assertThat(mine.get(2).get("hash").asText()).isEqualTo(AuditHash.of(mine.get(2).get("seq").asLong(),
                Instant.parse(mine.get(2).get("time").asText()), "reviewer", "TEST_EXPORT", "test", "t2",
                "{\"n\":1}", "{\"n\":2,\"note\":\"ünïcode, \\\"quoted\\\"\\nline\"}", mine.get(1).get("hash").asText()));
    }

    @Test
    void verificationFindsARowChangedInTheDatabase() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> audit.record("reviewer", "TEST_TAMPER", "test", "x", null,
                Map.of("decision", "dismissed")));
        long seq = lastSeq();
        as("admin").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true))
                .body("lastSeq", equalTo((int) seq));
        String original = column(seq, "after_json");
        update(seq, "{\"decision\":\"confirmed\"}");
        try {
            as("admin").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.reason", equalTo("hash does not match content"));
        } finally {
            update(seq, original);
        }
        as("admin").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void badParametersAreNamed() {
        as("admin").get("/api/v1/audit?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("from"));
        as("admin").get("/api/v1/audit?to=2026-13-01").then().statusCode(400).body("errors.field", hasItem("to"));
        as("admin").get("/api/v1/audit?afterSeq=-1").then().statusCode(400).body("errors.field", hasItem("afterSeq"));
        as("admin").get("/api/v1/audit?format=xml").then().statusCode(400).body("errors.field", hasItem("format"));
        as("admin").get("/api/v1/audit?from=2026-12-02&to=2026-12-01T00:00:00Z").then().statusCode(400)
                .body("errors.field", hasItem("to"));
    }

    @Test
    void onlyAdminsAndReviewersReadTheTrail() {
        as("analyst").get("/api/v1/audit/verify").then().statusCode(403);
        as("analyst").get("/api/v1/audit").then().statusCode(403);
        given().auth().none().get("/api/v1/audit/verify").then().statusCode(401);
        as("reviewer").get("/api/v1/audit/verify").then().statusCode(200);
    }

    private long lastSeq() throws Exception {
        try (Connection c = dataSource.getConnection();
             var rs = c.createStatement().executeQuery("SELECT COALESCE(MAX(seq), 0) FROM audit_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String column(long seq, String column) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM audit_event WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    // What a table owner could do behind the service's back; the test puts the row back afterwards.
    private void update(long seq, String afterJson) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE audit_event SET after_json = ? WHERE seq = ?")) {
            ps.setString(1, afterJson);
            ps.setLong(2, seq);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }
}
