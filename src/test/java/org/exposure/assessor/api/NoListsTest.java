package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.assess;
import static org.exposure.assessor.api.Api.count;
import static org.exposure.assessor.api.Api.created;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.ruleIds;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The service as a new user first starts it: no list in force (downloads off, no list directory). Screening is
 * required, so nothing with a name is assessed unscreened; a goods subject naming no party still is. The last test
 * brings the lists and checks that what waited goes on by itself.
 */
@QuarkusTest
@TestProfile(NoListsTest.NoLists.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NoListsTest {
    public static class NoLists implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessor.lists.dir", "target/no-list-directory-here");
        }
    }

    static final String YILUFA = "{\"type\":\"SUPPLIER\",\"name\":\"Yilufa Electronics Ltd\",\"country\":\"CN\"}";
    static String jobId;

    @BeforeAll
    static void noListInForce() {
        // The in-memory database outlives the services of other test profiles in this JVM: start from no list.
        ListFixtures.removeAll();
    }

    @AfterAll
    static void leaveTheFixtures() {
        // Nothing else runs on this profile, but leave the database as every other test finds it.
        ListFixtures.restore();
    }

    @Test
    @Order(1)
    void aSupplierWithANameGets503NamingTheMissingListsAndNothingIsStored() {
        long before = count("assessment");
        Response r = given().contentType("application/json").body(YILUFA).post(Api.ASSESSMENTS);
        r.then().statusCode(503).contentType(Api.PROBLEM_JSON)
                .body("type", equalTo("/problems/lists-not-loaded"))
                .body("detail", containsString("OFAC-SDN, US-CSL, UN, EU-FSF, UK-SL"))
                .body("missingSources", org.hamcrest.Matchers.contains("OFAC-SDN", "US-CSL", "UN", "EU-FSF", "UK-SL"));
        assertThat(r.header("Retry-After")).isEqualTo("60");
        Api.noInternals(r.asString());
        assertThat(count("assessment")).isEqualTo(before);
    }

    @Test
    @Order(2)
    void noPathReturnsARiskLevelForNamesThatWereNotScreened() {
        long before = count("assessment");
        // A goods subject is screened through its end user; a bank through itself and its correspondents.
        post(Api.ASSESSMENTS, "{\"type\":\"GOODS\",\"hsCode\":\"010121\",\"destinationCountry\":\"FR\","
                + "\"endUser\":{\"name\":\"Acme SARL\",\"country\":\"FR\"}}").statusCode(503);
        post(Api.ASSESSMENTS, "{\"type\":\"BANK\",\"name\":\"Heihe Rural Commercial Bank\",\"country\":\"CN\"}").statusCode(503);
        post(Api.BATCH, "{\"subjects\":[" + Api.KZ_CHIPS + "," + YILUFA + "]}").statusCode(503)
                .body("missingSources", org.hamcrest.Matchers.hasSize(5));
        given().queryParam("name", "Vladimir Putin").get("/api/v1/screen").then().statusCode(503)
                .contentType(Api.PROBLEM_JSON);
        assertThat(count("assessment")).isEqualTo(before);
    }

    @Test
    @Order(3)
    void goodsNamingNoPartyAreStillAssessedAndSaySoAndWhichListsAreMissing() {
        JsonNode a = created(Api.KZ_CHIPS);
        assertThat(a.get("riskLevel").asText()).isEqualTo("SEVERE");
        assertThat(a.at("/screening/status").asText()).isEqualTo("NOTHING_TO_SCREEN");
        assertThat(a.at("/screening/names").asInt()).isZero();
        assertThat(a.get("listVersions")).isEmpty();
        assertThat(a.get("warnings").findValuesAsText("code")).contains("LISTS_NOT_LOADED");
        assertThat(a.get("warnings").toString()).contains("OFAC-SDN, US-CSL, UN, EU-FSF, UK-SL");
    }

    @Test
    @Order(4)
    void readinessIsDownAndNamesEachSourceLivenessStaysUp() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'sanctions-lists' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'sanctions-lists' }.data.'OFAC-SDN'", equalTo("not loaded"))
                .body("checks.find { it.name == 'sanctions-lists' }.data.missing", equalTo("OFAC-SDN, US-CSL, UN, EU-FSF, UK-SL"))
                .body("checks.find { it.name == 'ruleset' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    @Order(5)
    void aBatchJobIsAcceptedButWaitsSayingWhy() throws InterruptedException {
        jobId = Batches.submit(Api.KZ_CHIPS + "\n" + YILUFA + "\n", "application/x-ndjson");
        // Several poll intervals of the workers: nothing may be taken meanwhile.
        Thread.sleep(1000);
        JsonNode s = Batches.status(jobId);
        assertThat(s.get("state").asText()).isEqualTo("QUEUED");
        assertThat(s.get("assessed").asLong()).isZero();
        assertThat(s.get("rejected").asLong()).isZero();
        assertThat(s.get("waitingFor").asText()).contains("no sanctions list is in force");
    }

    @Test
    @Order(6)
    void whenTheListsArriveTheJobGoesOnAndTheSupplierIsScreened() {
        ListFixtures.restore();
        JsonNode done = Batches.awaitFinished(jobId);
        assertThat(done.get("state").asText()).isEqualTo("DONE");
        assertThat(done.get("assessed").asLong()).isEqualTo(2);
        assertThat(done.has("waitingFor")).isFalse();
        JsonNode yilufa = Batches.results(jobId, "").get(1);
        assertThat(yilufa.get("firedRules").toString()).contains("LIST-SDN", "LIST-SECONDARY-RISK");

        JsonNode a = created(YILUFA);
        assertThat(ruleIds(a)).contains("LIST-SDN", "LIST-SECONDARY-RISK");
        assertThat(a.at("/screening/status").asText()).isEqualTo("SCREENED");
        assertThat(a.get("listVersions")).hasSize(5);
        for (JsonNode v : a.get("listVersions")) {
            assertThat(v.get("versionId").asText()).isNotBlank();
            assertThat(v.get("importedAt").asText()).isNotBlank();
            assertThat(v.get("age").asText()).startsWith("P");
        }
        given().get("/q/health/ready").then().statusCode(200);
        assess(YILUFA).statusCode(201);
    }
}
