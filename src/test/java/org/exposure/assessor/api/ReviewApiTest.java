package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The review queue through the API: which assessments get an item, decisions per match and per assessment with the
 * second reviewer where four eyes are needed, and a FALSE_POSITIVE remembered for the next assessment of the same
 * party, reopened when the list entry changes or the dismissal expires.
 *
 * <p>The lists in force are the SDN fixture with one synthetic entry appended (KESTREL AVIONICS TRADING LLC, entry
 * 990001: a made-up name, so that the test can change the entry's content in a second version), and the UK fixture,
 * whose entries grade HIGH (no second reviewer needed to dismiss them). Dismissals are remembered by the party's
 * normalised name, so each test that dismisses uses a name of its own ("Kestrel Avionics Trading" for the one that
 * dismisses entry 990001, "Kestrel Avionics Trading LLC" for those that must see it counted).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiTest {
    private static final String KESTREL_V1 = "990001,\"KESTREL AVIONICS TRADING LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,"
            + "-0- ,-0- ,-0- ,-0- ,\"Website www.kestrel-avionics.example.\"";
    private static final String KESTREL_V2 = "990001,\"KESTREL AVIONICS TRADING LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,"
            + "-0- ,-0- ,-0- ,-0- ,\"Website www.kestrel-avionics.example; Organization Established Date 2021.\"";

    private boolean loaded;

    @BeforeEach
    void lists() {
        if (loaded) {
            return;
        }
        ListFixtures.removeAll();
        uploadSdn(KESTREL_V1);
        as("admin").contentType("application/xml").body(Fixtures.bytes(Fixtures.UK_SL)).post("/api/v1/lists/UK-SL")
                .then().statusCode(201);
        loaded = true;
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    private static void uploadSdn(String kestrelRow) {
        as("admin").multiPart("sdn", "sdn.csv", Fixtures.sdnRows(Fixtures.SDN_ENTRIES, kestrelRow), "text/csv")
                .post("/api/v1/lists/OFAC-SDN").then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    static RequestSpecification as(String user) {
        return Users.valueOf(user.toUpperCase(java.util.Locale.ROOT)).given();
    }

    private static JsonPath supplier(String name) {
        return as("analyst").contentType(ContentType.JSON)
                .body("{\"type\":\"SUPPLIER\",\"name\":\"" + name + "\",\"country\":\"AE\"}")
                .post(Api.ASSESSMENTS).then().statusCode(201).extract().jsonPath();
    }

    /** The review item of an assessment, or null when it has none. */
    private static Map<String, Object> itemOf(String assessmentId) {
        List<Map<String, Object>> items = as("analyst").queryParam("assessment", assessmentId).get("/api/v1/reviews")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(items).hasSizeLessThanOrEqualTo(1);
        return items.isEmpty() ? null : items.get(0);
    }

    private static JsonPath decideMatch(String user, Object itemId, String matchId, String decision, String reason,
                                        int status) {
        return as(user).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "reason", reason))
                .post("/api/v1/reviews/" + itemId + "/matches/" + matchId + "/decision")
                .then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath decide(String user, Object itemId, String decision, String reason, int status) {
        return as(user).contentType(ContentType.JSON).body(Map.of("decision", decision, "reason", reason))
                .post("/api/v1/reviews/" + itemId + "/decision").then().statusCode(status).extract().jsonPath();
    }

    private static JsonPath approve(String user, Object itemId, Object decisionId, boolean approve, String note,
                                    int status) {
        return as(user).contentType(ContentType.JSON).body(Map.of("approve", approve, "note", note))
                .post("/api/v1/reviews/" + itemId + "/decisions/" + decisionId + "/approval")
                .then().statusCode(status).extract().jsonPath();
    }

    private static long lastAuditSeq() {
        List<Map<String, Object>> all = auditAfter(0);
        return all.isEmpty() ? 0 : ((Number) all.get(all.size() - 1).get("seq")).longValue();
    }

    private static List<Map<String, Object>> auditAfter(long seq) {
        String body = as("admin").accept("application/x-ndjson").queryParam("afterSeq", seq).get("/api/v1/audit")
                .then().statusCode(200).extract().asString();
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(JsonPath.from(line).getMap(""));
            }
        }
        return out;
    }

    @Test
    void an_assessment_with_a_list_match_gets_a_review_item_and_a_clean_one_does_not() {
        JsonPath a = supplier("Kestrel Avionics Trading LLC");
        assertThat(a.getString("riskLevel")).isEqualTo("BLOCKED");
        assertThat(a.getString("submittedBy")).isEqualTo("analyst");
        assertThat(a.getString("matches[0].id")).isEqualTo("m1");
        assertThat(a.getString("matches[0].entryId")).isEqualTo("990001");
        assertThat(a.getString("matches[0].severity")).isEqualTo("BLOCKED");
        assertThat(a.getString("matches[0].entryHash")).hasSize(64);
        Map<String, Object> item = itemOf(a.getString("id"));
        assertThat(item).isNotNull().containsEntry("status", "OPEN").containsEntry("riskLevel", "BLOCKED");
        assertThat(item.get("reasons")).isEqualTo(List.of("LIST_MATCH", "RISK_LEVEL"));

        JsonPath clean = as("analyst").contentType(ContentType.JSON)
                .body("{\"type\":\"GOODS\",\"hsCode\":\"0101.21\",\"destinationCountry\":\"DE\"}")
                .post(Api.ASSESSMENTS).then().statusCode(201).extract().jsonPath();
        assertThat(clean.getString("riskLevel")).isIn("CLEAR", "INFO", "LOW");
        assertThat(itemOf(clean.getString("id"))).isNull();
    }

    @Test
    void dismissing_a_blocked_match_needs_a_second_reviewer_and_is_then_remembered_until_the_entry_changes() {
        JsonPath first = supplier("Kestrel Avionics Trading");
        Object item = itemOf(first.getString("id")).get("id");

        // The reviewer proposes; the dismissal waits for another reviewer.
        JsonPath proposed = decideMatch("reviewer", item, "m1", "FALSE_POSITIVE",
                "Our supplier is Kestrel Avionics Trading of Dubai, trade licence 778812, founded 1998; the listed"
                        + " entity is a Russian-controlled front", 200);
        assertThat(proposed.getString("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(proposed.getString("approvalRule")).contains("BLOCKED");
        Object decisionId = proposed.getString("id");
        as("analyst").get("/api/v1/reviews/" + item).then().statusCode(200)
                .body("item.status", equalTo("AWAITING_APPROVAL"))
                .body("matches[0].decision.status", equalTo("AWAITING_APPROVAL"));
        // Until it is approved, the next assessment of the same party still counts the match.
        assertThat(supplier("Kestrel Avionics Trading").getString("riskLevel")).isEqualTo("BLOCKED");

        // Four eyes: the proposer cannot approve, another reviewer can.
        as("reviewer").contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/v1/reviews/" + item + "/decisions/" + decisionId + "/approval")
                .then().statusCode(403).contentType(Api.PROBLEM_JSON).body("detail", containsString("four eyes"));
        List<String> waiting = as("reviewer2").get("/api/v1/reviews/approvals").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        assertThat(waiting).contains(decisionId.toString());
        assertThat(as("reviewer").get("/api/v1/reviews/approvals").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class)).doesNotContain(decisionId.toString());
        long auditBefore = lastAuditSeq();
        JsonPath approved = approve("reviewer2", item, decisionId, true, "licence checked against the DED register", 200);
        assertThat(approved.getString("status")).isEqualTo("IN_FORCE");
        assertThat(approved.getString("approvedBy")).isEqualTo("reviewer2");
        // Approved once: a second approval is refused.
        approve("reviewer2", item, decisionId, true, "again", 409);
        // The audit trail holds the approval and the dismissal it made, by the second reviewer, and still verifies.
        List<Map<String, Object>> events = auditAfter(auditBefore);
        Map<String, Object> approval = events.stream().filter(e -> "REVIEW_APPROVED".equals(e.get("action"))).findFirst()
                .orElseThrow(() -> new AssertionError("no REVIEW_APPROVED in " + events));
        assertThat(approval).containsEntry("actor", "reviewer2");
        assertThat(approval.get("after").toString()).contains("decidedBy=reviewer", "FALSE_POSITIVE", "IN_FORCE",
                "990001", "entryHash");
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("action", "DISMISSAL_CREATED")
                .containsEntry("actor", "reviewer2"));
        as("admin").get("/api/v1/audit/verify").then().statusCode(200).body("valid", equalTo(true));

        // The same party, written differently, later: the match is shown dismissed and raises nothing.
        JsonPath later = supplier("KESTREL-AVIONICS TRADING");
        assertThat(later.getString("riskLevel")).isNotIn("BLOCKED", "SEVERE", "HIGH");
        assertThat(later.getList("firedRules.ruleId", String.class)).doesNotContain("LIST-SDN");
        assertThat(later.getString("matches[0].entryId")).isEqualTo("990001");
        assertThat(later.getString("matches[0].dismissal.decidedBy")).isEqualTo("reviewer");
        assertThat(later.getString("matches[0].dismissal.approvedBy")).isEqualTo("reviewer2");
        assertThat(later.getString("matches[0].dismissal.reason")).contains("trade licence 778812");
        assertThat(later.getString("warnings.find { it.code == 'MATCH_DISMISSED' }.message"))
                .contains("reviewer", "trade licence 778812");
        assertThat(itemOf(later.getString("id"))).as("a dismissed match raises no review item").isNull();
        // Its time: a year by default.
        Instant at = Instant.parse(later.getString("matches[0].dismissal.dismissedAt"));
        Instant until = Instant.parse(later.getString("matches[0].dismissal.expiresAt"));
        assertThat(Duration.between(at, until)).isEqualTo(Duration.ofDays(365));

        // Another name matching another entry is never hidden by it.
        JsonPath other = supplier("Yilufa Electronics Ltd.");
        assertThat(other.getString("riskLevel")).isEqualTo("BLOCKED");

        // OFAC changes the entry: the dismissal no longer applies, the match counts and comes back to the queue.
        uploadSdn(KESTREL_V2);
        JsonPath changed = supplier("Kestrel Avionics Trading");
        assertThat(changed.getString("riskLevel")).isEqualTo("BLOCKED");
        assertThat(changed.getString("matches[0].dismissal")).isNull();
        assertThat(changed.getString("matches[0].reopened.why")).isEqualTo("ENTRY_CHANGED");
        assertThat(changed.getString("matches[0].reopened.decidedBy")).isEqualTo("reviewer");
        assertThat(changed.getList("warnings.code", String.class)).contains("DISMISSAL_REOPENED");
        assertThat(itemOf(changed.getString("id"))).isNotNull();
        uploadSdn(KESTREL_V1);
    }

    @Test
    void a_high_match_is_dismissed_by_one_reviewer_and_the_dismissal_expires_after_its_time() throws SQLException {
        JsonPath first = supplier("Khatiba al-Tawhid wal-Jihad");
        assertThat(first.getString("matches.source")).contains("UK-SL");
        assertThat(first.getString("matches[0].severity")).isEqualTo("HIGH");
        Object item = itemOf(first.getString("id")).get("id");
        JsonPath d = decideMatch("reviewer", item, "m1", "FALSE_POSITIVE", "a trading house of the same name in Tashkent,"
                + " registered 2005, unrelated to the listed group", 200);
        assertThat(d.getString("status")).isEqualTo("IN_FORCE");
        assertThat(d.getString("approvalRule")).isNull();

        JsonPath later = supplier("Khatiba al-Tawhid wal-Jihad");
        assertThat(later.getString("matches[0].dismissal.decidedBy")).isEqualTo("reviewer");
        assertThat(later.getString("riskLevel")).isNotIn("HIGH", "SEVERE", "BLOCKED");

        // A year passes (the dismissal's end moved into the past): the match counts again.
        String dismissal = later.getString("matches[0].dismissal.id");
        try (Connection c = Arc.container().instance(AgroalDataSource.class).get().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE dismissal SET expires_at = ? WHERE id = ?")) {
            ps.setObject(1, java.time.OffsetDateTime.now().minusMinutes(1));
            ps.setObject(2, java.util.UUID.fromString(dismissal));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        JsonPath expired = supplier("Khatiba al-Tawhid wal-Jihad");
        assertThat(expired.getString("riskLevel")).isEqualTo("HIGH");
        assertThat(expired.getString("matches[0].reopened.why")).isEqualTo("EXPIRED");
        assertThat(itemOf(expired.getString("id"))).isNotNull();
        as("analyst").queryParam("party", "Khatiba al-Tawhid wal-Jihad").get("/api/v1/dismissals").then()
                .statusCode(200).body("size()", equalTo(0));
        as("analyst").queryParam("party", "khatiba al tawhid wal jihad").queryParam("active", false)
                .get("/api/v1/dismissals").then().statusCode(200).body("[0].id", equalTo(dismissal));
    }

    @Test
    void clearing_a_blocked_assessment_needs_every_match_decided_and_a_second_reviewer() {
        JsonPath a = supplier("Kestrel Avionics Trading LLC");
        Object item = itemOf(a.getString("id")).get("id");
        as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "CLEARED", "reason", "fine"))
                .post("/api/v1/reviews/" + item + "/decision").then().statusCode(409).contentType(Api.PROBLEM_JSON)
                .body("detail", containsString("m1"));
        decideMatch("reviewer", item, "m1", "NEEDS_INFO", "asked the supplier for its trade licence", 200);
        decide("reviewer", item, "CLEARED", "fine", 409);
        decideMatch("reviewer", item, "m1", "TRUE_MATCH", "the licence number is the listed entity's", 200);
        JsonPath clear = decide("reviewer", item, "CLEARED", "licensed transaction under GL 8L", 200);
        assertThat(clear.getString("status")).isEqualTo("AWAITING_APPROVAL");
        decide("reviewer2", item, "BLOCKED", "while the clearance waits", 409);
        approve("reviewer2", item, clear.getString("id"), false, "", 400);
        JsonPath refused = approve("reviewer2", item, clear.getString("id"), false, "GL 8L does not cover this trade", 200);
        assertThat(refused.getString("status")).isEqualTo("REJECTED");
        JsonPath blocked = decide("reviewer2", item, "BLOCKED", "true match of an SDN entry", 200);
        assertThat(blocked.getString("status")).isEqualTo("IN_FORCE");
        JsonPath detail = as("analyst").get("/api/v1/reviews/" + item).then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("item.status")).isEqualTo("CLOSED");
        assertThat(detail.getString("item.outcome")).isEqualTo("BLOCKED");
        assertThat(detail.getList("decisions.status", String.class))
                .containsExactly("SUPERSEDED", "IN_FORCE", "REJECTED", "IN_FORCE");
        assertThat(detail.getString("matches[0].decision.decision")).isEqualTo("TRUE_MATCH");
        decideMatch("reviewer", item, "m1", "FALSE_POSITIVE", "changed my mind", 409);
    }

    @Test
    void assignment_comments_and_the_queue_filters() {
        JsonPath a = supplier("Kestrel Avionics Trading LLC");
        Object item = itemOf(a.getString("id")).get("id");
        as("reviewer").contentType(ContentType.JSON).body(Map.of("assignee", "reviewer2"))
                .post("/api/v1/reviews/" + item + "/assign").then().statusCode(200).body("assignee", equalTo("reviewer2"));
        as("reviewer").contentType(ContentType.JSON).body(Map.of("text", "called the supplier, waiting for documents"))
                .post("/api/v1/reviews/" + item + "/comments").then().statusCode(200).body("author", equalTo("reviewer"));
        List<String> mine = as("reviewer2").queryParam("assignee", "reviewer2").queryParam("status", "OPEN")
                .queryParam("level", "BLOCKED").queryParam("size", 200)
                .get("/api/v1/reviews").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        assertThat(mine).contains(item.toString());
        as("analyst").queryParam("olderThan", "P1D").queryParam("assessment", a.getString("id")).get("/api/v1/reviews")
                .then().statusCode(200).body("items.size()", equalTo(0));
        as("analyst").get("/api/v1/reviews/" + item).then().statusCode(200)
                .body("comments[0].text", equalTo("called the supplier, waiting for documents"));
    }

    @Test
    void a_batch_job_puts_the_assessments_that_need_review_in_the_queue() {
        String job = Batches.submit("""
                {"type":"SUPPLIER","ref":"queue-r1","name":"Yilufa Electronics Ltd.","country":"CN"}
                {"type":"GOODS","ref":"queue-r2","hsCode":"0101.21","destinationCountry":"DE"}
                """, "application/x-ndjson");
        assertThat(Batches.awaitFinished(job).get("state").asText()).isEqualTo("DONE");
        Map<String, String> ids = new java.util.HashMap<>();
        Batches.results(job, "").forEach(r -> ids.put(r.get("ref").asText(), r.get("assessmentId").asText()));
        Map<String, Object> item = itemOf(ids.get("queue-r1"));
        assertThat(item).isNotNull().containsEntry("ref", "queue-r1").containsEntry("riskLevel", "BLOCKED");
        assertThat(itemOf(ids.get("queue-r2"))).isNull();
        // Submitted by the job's creator (the tests' default user).
        as("analyst").get(Api.ASSESSMENTS + "/" + ids.get("queue-r1")).then().statusCode(200)
                .body("submittedBy", equalTo("admin"));
    }

    @Test
    void bad_review_requests_name_the_field() {
        JsonPath a = supplier("Kestrel Avionics Trading LLC");
        Object item = itemOf(a.getString("id")).get("id");
        Api.invalid(as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "FALSE_POSITIVE"))
                .post("/api/v1/reviews/" + item + "/matches/m1/decision").then(), "reason");
        Api.invalid(as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "MAYBE", "reason", "x"))
                .post("/api/v1/reviews/" + item + "/matches/m1/decision").then(), "decision");
        Api.invalid(as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "CLEARED", "reason", "x"))
                .post("/api/v1/reviews/" + item + "/matches/m1/decision").then(), "decision");
        Api.invalid(as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "TRUE_MATCH", "reason", "x"))
                .post("/api/v1/reviews/" + item + "/decision").then(), "decision");
        Api.invalid(as("analyst").queryParam("olderThan", "two days").get("/api/v1/reviews").then(), "olderThan");
        Api.problem(as("reviewer").contentType(ContentType.JSON).body(Map.of("decision", "TRUE_MATCH", "reason", "x"))
                .post("/api/v1/reviews/" + item + "/matches/m9/decision").then(), 404);
        Api.problem(as("analyst").get("/api/v1/reviews/" + java.util.UUID.randomUUID()).then(), 404);
        Api.problem(as("reviewer").contentType(ContentType.JSON).body(Map.of("approve", true))
                .post("/api/v1/reviews/" + item + "/decisions/" + java.util.UUID.randomUUID() + "/approval").then(), 404);
        assertThat(Api.count("review_decision WHERE item_id = '" + item + "'")).isZero();
    }
}
