package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.batch.BatchStore;
import org.exposure.assessor.batch.ListChangeWatcher;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.monitoring.PartyIndex;
import org.exposure.assessor.webhooks.Receiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * What a list change sets going, end to end: the stored parties close to a new entry are found, and
 * only those; their subjects are assessed again by a batch job, each new assessment superseding its predecessor; a
 * verdict that changed is one event of the changes feed (a rise with its review item), one that did not is none.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReassessmentTest {
    /** A synthetic SDN row (not on the real list), added by the second version. */
    private static final String FALCON = "990077,\"FALCONRIDGE MICROWAVE SYSTEMS LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,"
            + "-0- ,-0- ,-0- ,-0- ,-0- ,\"Secondary sanctions risk: section 11 of Executive Order 14024.\"";

    @Inject
    PartyIndex parties;
    @Inject
    BatchStore store;
    @Inject
    DataSource dataSource;
    @Inject
    ListChangeWatcher watcher;


    private boolean loaded;

    // Not @BeforeAll: RestAssured is pointed at the application only once the tests of the class begin.
    @BeforeEach
    void lists() {
        if (loaded) {
            return;
        }
        ListFixtures.removeAll();
        uploadSdn();
        loaded = true;
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    private static String uploadSdn(String... extra) {
        return uploadSdn(Fixtures.sdnRows(Fixtures.SDN_ENTRIES, extra));
    }

    /** The id of the version that holds this content (new, or the one that already did). */
    private static String uploadSdn(byte[] rows) {
        return Users.ADMIN.given().multiPart("sdn", "sdn.csv", rows, "text/csv").post("/api/v1/lists/OFAC-SDN").then()
                .statusCode(anyOf(equalTo(200), equalTo(201))).extract().jsonPath().getString("version.id");
    }

    private static JsonPath supplier(String ref, String name) {
        return Users.ANALYST.given().contentType(ContentType.JSON)
                .body(Map.of("type", "SUPPLIER", "ref", ref, "name", name, "country", "AE"))
                .post(Api.ASSESSMENTS).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void aNewEntryReassessesOnlyTheSubjectsCloseToItAndEachChangedVerdictIsOneEvent() throws Exception {
        String ref = "RA-" + UUID.randomUUID();
        String close = supplier(ref + "-1", "Falconridge Microwave Systems L.L.C.").getString("id");
        String far = supplier(ref + "-2", "Harbour Line Shipping Agency").getString("id");
        // A subject assessed twice: only its latest assessment counts.
        String older = supplier(ref + "-3", "Harbour Line Shipping Agency").getString("id");
        String unchanged = supplier(ref + "-3", "Harbour Line Shipping Agency").getString("id");
        assertThat(Users.ANALYST.given().get(Api.ASSESSMENTS + "/" + close).then().statusCode(200).extract()
                .jsonPath().getString("riskLevel")).isNotEqualTo("BLOCKED");
        long feedBefore = last();
        Receiver receiver = Receiver.answering(200);
        JsonPath subscription = Users.ADMIN.given().contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "eventTypes", List.of("RISK_RAISED"), "description", "case system"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        String secret = subscription.getString("secret");

        String version = uploadSdn(FALCON);
        JsonPath changes = awaitActedOn(version);
        assertThat(changes.getInt("counts.added")).isEqualTo(1);
        assertThat(changes.getString("monitoring.state")).isEqualTo("JOB");
        assertThat(changes.getInt("monitoring.subjectsTouched")).isEqualTo(1);
        assertThat(changes.getLong("monitoring.partiesCompared")).isGreaterThanOrEqualTo(3);
        String job = changes.getString("monitoring.job");
        awaitDone(UUID.fromString(job));

        // Only the close subject was assessed again; the new assessment supersedes the old one and is BLOCKED.
        String results = Users.ADMIN.given().get("/api/v1/batches/" + job + "/results").then().statusCode(200)
                .extract().asString();
        assertThat(results.lines()).hasSize(1);
        String renewed = JsonPath.from(results.lines().findFirst().orElseThrow()).getString("assessmentId");
        JsonPath now = Users.ANALYST.given().get(Api.ASSESSMENTS + "/" + renewed).then().statusCode(200).extract().jsonPath();
        assertThat(now.getString("riskLevel")).isEqualTo("BLOCKED");
        assertThat(now.getList("firedRules.ruleId")).contains("LIST-SDN", "LIST-SECONDARY-RISK");
        assertThat(now.getString("supersedes")).isEqualTo(close);
        assertThat(now.getString("submittedBy")).isEqualTo("system");
        assertThat(now.getString("ref")).isEqualTo(ref + "-1");
        JsonPath before = Users.ANALYST.given().get(Api.ASSESSMENTS + "/" + close).then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("riskLevel")).isNotEqualTo("BLOCKED");
        assertThat(before.getString("supersedes")).isNull();

        JsonPath feed = Users.ANALYST.given().queryParam("since", feedBefore).get("/api/v1/changes").then()
                .statusCode(200).extract().jsonPath();
        assertThat(feed.getList("events")).hasSize(1);
        assertThat(feed.getString("events[0].type")).isEqualTo("RISK_RAISED");
        assertThat(feed.getString("events[0].previous.assessmentId")).isEqualTo(close);
        assertThat(feed.getString("events[0].current.assessmentId")).isEqualTo(renewed);
        assertThat(feed.getString("events[0].current.riskLevel")).isEqualTo("BLOCKED");
        assertThat(feed.getList("events[0].listFindingsAdded.ruleId")).contains("LIST-SDN");
        assertThat(feed.getList("events[0].listFindingsAdded.entryId")).contains("990077");
        assertThat(feed.getList("events[0].listFindingsRemoved")).isEmpty();
        assertThat(feed.getString("events[0].subject.ref")).isEqualTo(ref + "-1");
        assertThat(feed.getString("events[0].cause.listChanges[0].list")).isEqualTo("OFAC-SDN");
        assertThat(feed.getString("events[0].cause.listChanges[0].version")).isEqualTo(version);
        assertThat(feed.getInt("events[0].cause.listChanges[0].added")).isEqualTo(1);
        String item = feed.getString("events[0].reviewItemId");
        assertThat(item).isNotNull();
        assertThat(Users.ANALYST.given().get("/api/v1/reviews/" + item).then().statusCode(200).extract().jsonPath()
                .getList("item.reasons")).contains("LIST_MATCH", "RISK_RAISED");
        String next = feed.getString("next");
        assertThat(next).isEqualTo(Long.toString(feed.getLong("events[0].seq")));

        // The subscriber gets the event, signed: HMAC-SHA256 of the timestamp, a dot and the body, with its secret.
        String eventId = feed.getString("events[0].id");
        Receiver.await("the webhook delivery", java.time.Duration.ofSeconds(30),
                () -> !receiver.requestsFor(List.of(eventId)).isEmpty());
        Receiver.Request delivered = receiver.requestsFor(List.of(eventId)).get(0);
        assertThat(JsonPath.from(delivered.body()).getString("current.assessmentId")).isEqualTo(renewed);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String timestamp = delivered.header("X-Assessor-Timestamp");
        assertThat(delivered.header("X-Assessor-Signature")).isEqualTo("v1=" + java.util.HexFormat.of().formatHex(
                mac.doFinal((timestamp + "." + delivered.body()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));

        // The same content again is no new version; the same entries in another order are one without a change.
        uploadSdn(FALCON);
        String reordered = uploadSdn(reversed(Fixtures.sdnRows(Fixtures.SDN_ENTRIES, FALCON)));
        assertThat(awaitActedOn(reordered).getString("monitoring.state")).isEqualTo("NONE");

        // Assessed again with nothing changed since: a new assessment, no event.
        UUID again = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.createRescreenJob(c, List.of(UUID.fromString(renewed)), null, 1000).orElseThrow();
            }
        });
        awaitDone(again);
        assertThat(Users.ANALYST.given().queryParam("since", next).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getList("events")).isEmpty();
        String latest = JsonPath.from(Users.ADMIN.given().get("/api/v1/batches/" + again + "/results").then()
                .statusCode(200).extract().asString().lines().findFirst().orElseThrow()).getString("assessmentId");

        // The entry removed: the subject that matched it is touched through its match, and its level falls.
        String without = uploadSdn();
        JsonPath removal = awaitActedOn(without);
        assertThat(removal.getInt("counts.removed")).isEqualTo(1);
        assertThat(removal.getInt("monitoring.subjectsTouched")).isEqualTo(1);
        awaitDone(UUID.fromString(removal.getString("monitoring.job")));
        JsonPath lowered = Users.ANALYST.given().queryParam("since", next).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(lowered.getList("events")).hasSize(1);
        assertThat(lowered.getString("events[0].type")).isEqualTo("RISK_LOWERED");
        assertThat(lowered.getString("events[0].previous.assessmentId")).isEqualTo(latest);
        assertThat(lowered.getList("events[0].listFindingsRemoved.entryId")).contains("990077");
        assertThat(lowered.getLong("events[0].seq")).isGreaterThan(Long.parseLong(next));
        // Subscribed to rises only: the fall is not sent.
        Thread.sleep(500);
        assertThat(receiver.requests()).hasSize(1);
        receiver.close();
        Users.ADMIN.given().delete("/api/v1/webhooks/" + subscription.getString("subscription.id")).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(204)));

        // The older assessments of the subject are no longer the latest: a scan passes over them.
        assertThat(parties.touched(new PartyIndex.Changes(Map.of(), Map.of("OFAC-SDN", Set.of("990077")))).assessments())
                .doesNotContain(UUID.fromString(renewed), UUID.fromString(close), UUID.fromString(latest),
                        UUID.fromString(older));
    }

    /** A synthetic SDN bank (not on the real list) known by a BIC that no fixture entry holds. */
    private static final String KESTREL = "990078,\"KESTREL SETTLEMENT BANK\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,"
            + "-0- ,-0- ,-0- ,-0- ,-0- ,\"SWIFT/BIC KSTLRUMM; Secondary sanctions risk: section 11 of Executive Order 14024.\"";

    /**
     * A correspondent given by its BIC alone is watched by that BIC: an entry added with it touches the bank that
     * named the correspondent, although no name can be compared; a bank with another correspondent is not touched.
     */
    @Test
    void anEntryAddedWithTheBicOfACorrespondentGivenByItsBicAloneTouchesTheBank() throws Exception {
        String ref = "RA-BIC-" + UUID.randomUUID();
        String byBic = bank(ref + "-1", "{\"identifiers\":[{\"kind\":\"BIC\",\"value\":\"KSTLRUMMXXX\"}]}");
        String other = bank(ref + "-2", "{\"identifiers\":[{\"kind\":\"BIC\",\"value\":\"DEUTDEFF\"}]}");
        String version = uploadSdn(KESTREL);
        try {
            JsonPath changes = awaitActedOn(version);
            assertThat(changes.getInt("counts.added")).isEqualTo(1);
            assertThat(changes.getInt("monitoring.subjectsTouched")).isEqualTo(1);
            awaitDone(UUID.fromString(changes.getString("monitoring.job")));
            String results = Users.ADMIN.given().get("/api/v1/batches/" + changes.getString("monitoring.job")
                    + "/results").then().statusCode(200).extract().asString();
            assertThat(results.lines()).hasSize(1);
            String renewed = JsonPath.from(results.lines().findFirst().orElseThrow()).getString("assessmentId");
            JsonPath now = Users.ANALYST.given().get(Api.ASSESSMENTS + "/" + renewed).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(now.getString("supersedes")).isEqualTo(byBic).isNotEqualTo(other);
            assertThat(now.prettify()).contains("\"entryId\": \"990078\"").contains("BIC KSTLRUMMXXX = KSTLRUMM");
        } finally {
            // The base version again, acted on, so that the other tests start from it.
            String job = awaitActedOn(uploadSdn()).getString("monitoring.job");
            if (job != null) {
                awaitDone(UUID.fromString(job));
            }
        }
    }

    private static String bank(String ref, String correspondent) {
        String body = """
                {"type":"BANK","ref":"%s","name":"Heihe Rural Commercial Bank","country":"CN",
                 "internationalExposure":"LOW","correspondents":[%s]}""".formatted(ref, correspondent);
        return Users.ANALYST.given().contentType(ContentType.JSON).body(body).post(Api.ASSESSMENTS).then()
                .statusCode(201).extract().jsonPath().getString("id");
    }

    private static byte[] reversed(byte[] rows) {
        List<String> lines = new java.util.ArrayList<>(new String(rows, java.nio.charset.StandardCharsets.ISO_8859_1)
                .lines().toList());
        java.util.Collections.reverse(lines);
        return (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * The changes of a version once the service has acted on them (its monitoring state no longer PENDING). The
     * test profile leaves acting on list changes to the tests (assessor.monitoring.enabled=false), so that the list
     * uploads of other tests set nothing going behind their backs: this test looks itself, as the watcher's poll would.
     */
    private JsonPath awaitActedOn(String version) throws InterruptedException {
        watcher.look();
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonPath c = Users.ANALYST.given().get("/api/v1/lists/OFAC-SDN/versions/" + version + "/changes").then()
                    .statusCode(200).extract().jsonPath();
            if (!"PENDING".equals(c.getString("monitoring.state"))) {
                return c;
            }
            assertThat(System.currentTimeMillis()).as("acted on within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void theFeedRefusesABadCursorOrLimitNamingIt() {
        Users.ANALYST.given().queryParam("since", "abc").get("/api/v1/changes").then().statusCode(400)
                .contentType(Api.PROBLEM_JSON).body("errors[0].field", equalTo("since"));
        Users.ANALYST.given().queryParam("limit", "0").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Users.ANALYST.given().queryParam("since", "-1").get("/api/v1/changes").then().statusCode(400);
        Users.anonymous().get("/api/v1/changes").then().statusCode(401);
        Users.MACHINE.given().get("/api/v1/changes").then().statusCode(403);
        Users.REVIEWER.given().get("/api/v1/changes").then().statusCode(200);
    }

    private static long last() {
        return Long.parseLong(Users.ANALYST.given().queryParam("limit", 1000).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getString("next"));
    }

    private static void awaitDone(UUID job) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!Users.ADMIN.given().get("/api/v1/batches/" + job).then().statusCode(200).extract().jsonPath()
                .getString("state").equals("DONE")) {
            assertThat(System.currentTimeMillis()).as("job done within a minute").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
