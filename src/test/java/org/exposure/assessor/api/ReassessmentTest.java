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
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.monitoring.PartyIndex;
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
 * The machinery a list change sets going, driven directly: the stored parties close to a new entry are found, and
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

    private String close;
    private String far;
    private String unchanged;

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

    private static void uploadSdn(String... extra) {
        Users.ADMIN.given().multiPart("sdn", "sdn.csv", Fixtures.sdnRows(Fixtures.SDN_ENTRIES, extra), "text/csv")
                .post("/api/v1/lists/OFAC-SDN").then().statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    private static JsonPath supplier(String ref, String name) {
        return Users.ANALYST.given().contentType(ContentType.JSON)
                .body(Map.of("type", "SUPPLIER", "ref", ref, "name", name, "country", "AE"))
                .post(Api.ASSESSMENTS).then().statusCode(201).extract().jsonPath();
    }

    @Test
    void onlyTheSubjectsCloseToANewEntryAreAssessedAgainAndOnlyAChangedVerdictIsAnEvent() throws Exception {
        String ref = "RA-" + UUID.randomUUID();
        close = supplier(ref + "-1", "Falconridge Microwave Systems L.L.C.").getString("id");
        far = supplier(ref + "-2", "Harbour Line Shipping Agency").getString("id");
        // A subject assessed twice: only its latest assessment counts.
        String older = supplier(ref + "-3", "Falcon Ridge Microwave Systems").getString("id");
        unchanged = supplier(ref + "-3", "Falcon Ridge Microwave Systems").getString("id");
        assertThat(Users.ANALYST.given().get(Api.ASSESSMENTS + "/" + close).then().statusCode(200).extract()
                .jsonPath().getString("riskLevel")).isNotEqualTo("BLOCKED");
        long feedBefore = last();

        uploadSdn(FALCON);
        PartyIndex.Touched touched = parties.touched(new PartyIndex.Changes(Map.of("OFAC-SDN", Set.of("990077")),
                Map.of()));
        assertThat(touched.assessments()).contains(UUID.fromString(close), UUID.fromString(unchanged))
                .doesNotContain(UUID.fromString(far), UUID.fromString(older));
        // The older assessment of the third ref left the index when the newer one was stored.
        assertThat(touched.partiesRead()).isGreaterThanOrEqualTo(3);

        UUID job = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.createRescreenJob(c, List.of(UUID.fromString(close)),
                        "{\"listChanges\":[{\"list\":\"OFAC-SDN\"}]}", 1000).orElseThrow();
            }
        });
        awaitDone(job);

        // The new assessment supersedes the old one and is BLOCKED; the old one is as it was.
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
        String item = feed.getString("events[0].reviewItemId");
        assertThat(item).isNotNull();
        assertThat(Users.ANALYST.given().get("/api/v1/reviews/" + item).then().statusCode(200).extract().jsonPath()
                .getList("item.reasons")).contains("LIST_MATCH", "RISK_RAISED");
        assertThat(feed.getString("next")).isEqualTo(Long.toString(feed.getLong("events[0].seq")));

        // Assessed again with nothing changed since: a new assessment, no event.
        String next = feed.getString("next");
        UUID again = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return store.createRescreenJob(c, List.of(UUID.fromString(renewed)), null, 1000).orElseThrow();
            }
        });
        awaitDone(again);
        assertThat(Users.ANALYST.given().queryParam("since", next).get("/api/v1/changes").then().statusCode(200)
                .extract().jsonPath().getList("events")).isEmpty();
        // The first re-assessment is no longer the latest: a scan passes over it.
        assertThat(parties.touched(new PartyIndex.Changes(Map.of("OFAC-SDN", Set.of("990077")), Map.of())).assessments())
                .doesNotContain(UUID.fromString(renewed), UUID.fromString(close));
    }

    @Test
    void aSubjectThatMatchedAChangedOrRemovedEntryIsTouchedWhateverItsName() {
        String id = supplier("RA-M-" + UUID.randomUUID(), "Falconridge Microwave Systems").getString("id");
        PartyIndex.Touched touched = parties.touched(new PartyIndex.Changes(Map.of(), Map.of("OFAC-SDN", Set.of("990077"))));
        assertThat(touched.assessments()).contains(UUID.fromString(id));
        assertThat(touched.partiesRead()).isZero();
    }

    @Test
    void theFeedRefusesABadCursorOrLimitNamingIt() {
        Users.ANALYST.given().queryParam("since", "abc").get("/api/v1/changes").then().statusCode(400)
                .contentType(Api.PROBLEM_JSON).body("errors[0].field", equalTo("since"));
        Users.ANALYST.given().queryParam("limit", "0").get("/api/v1/changes").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        Users.ANALYST.given().queryParam("since", "-1").get("/api/v1/changes").then().statusCode(400);
        Users.anonymous().get("/api/v1/changes").then().statusCode(401);
        Users.MACHINE.given().get("/api/v1/changes").then().statusCode(200);
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
