package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.rules.RuleFiles;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rulesets.RulesetActivations;
import org.exposure.assessor.rulesets.RulesetFollower;
import org.exposure.assessor.rulesets.RulesetRegistry;
import org.exposure.assessor.rulesets.Zips;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A stored version put in force while the service runs, with four eyes: proposed by one admin, refused to the same
 * admin, approved by another; then it decides the next assessment, an assessment made before it replays identically
 * under the version it names, and the earlier version is brought back the same way.
 */
@QuarkusTest
class RulesetActivationApiTest {
    @Inject
    RulesetRegistry registry;
    @Inject
    RulesetActivations activations;
    @Inject
    RulesetFollower follower;

    private static String bank(String share) {
        return "{\"type\":\"BANK\",\"ref\":\"activation-" + UUID.randomUUID() + "\",\"name\":\"Activation Test Bank\","
                + "\"country\":\"KZ\",\"russiaPaymentShare\":" + share + "}";
    }

    private static JsonPath assess(String body) {
        return Users.ANALYST.given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then()
                .statusCode(201).extract().jsonPath();
    }

    private static String inForce() {
        return Users.ANALYST.given().get("/api/v1/rules").then().statusCode(200).extract().jsonPath().getString("version");
    }

    private static String propose(Users who, String version, String comment) {
        return who.given().contentType(ContentType.JSON).body("{\"comment\":\"" + comment + "\"}")
                .post("/api/v1/rulesets/" + version + "/activations").then().statusCode(201)
                .body("status", equalTo("PROPOSED")).extract().jsonPath().getString("id");
    }

    private static JsonPath approve(Users who, String id) {
        return who.given().contentType(ContentType.JSON).body("{\"approve\":true,\"note\":\"checked\"}")
                .post("/api/v1/rulesets/activations/" + id + "/approval").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aVersionActivatedWithFourEyesDecidesAtOnceAndTheEarlierOneComesBack() {
        String original = inForce();
        RulesetFiles raised = RulesetFiles.of("test", RuleFiles.russiaShareAt30Percent(UUID.randomUUID().toString()));
        registry.register(raised, "test", "threshold raised to 30 %");

        JsonPath before = assess(bank("0.15"));
        assertThat(before.getList("firedRules.ruleId", String.class)).contains("FFI-RUSSIA-SHARE");

        String id = propose(Users.ADMIN, raised.version(), "raise the threshold to 30 %");
        Users.ADMIN.given().contentType(ContentType.JSON).body("{\"comment\":\"again\"}")
                .post("/api/v1/rulesets/" + raised.version() + "/activations").then().statusCode(409)
                .body("type", equalTo("/problems/ruleset-activation-conflict"));
        Users.ADMIN.given().contentType(ContentType.JSON).body("{\"approve\":true}")
                .post("/api/v1/rulesets/activations/" + id + "/approval").then().statusCode(403)
                .body("type", equalTo("/problems/four-eyes"));
        assertThat(inForce()).isEqualTo(original);

        JsonPath approved = approve(Users.ADMIN2, id);
        assertThat(approved.getString("status")).isEqualTo("IN_FORCE");
        assertThat(approved.getString("decidedBy")).isEqualTo("admin2");
        assertThat(inForce()).isEqualTo(raised.version());
        JsonPath after = assess(bank("0.15"));
        assertThat(after.getString("rulesetVersion")).isEqualTo(raised.version());
        assertThat(after.getList("firedRules.ruleId", String.class)).doesNotContain("FFI-RUSSIA-SHARE");

        // Made under the earlier version, replayed under it although another is in force.
        JsonPath replay = Users.ANALYST.given().post("/api/v1/assessments/" + before.getString("id") + "/replay").then()
                .statusCode(200).extract().jsonPath();
        assertThat(replay.getBoolean("identical")).isTrue();
        assertThat(replay.getString("rulesetVersion")).isEqualTo(original);

        // Brought back.
        approve(Users.ADMIN2, propose(Users.ADMIN, original, "back to the packaged rules"));
        assertThat(inForce()).isEqualTo(original);
        assertThat(assess(bank("0.15")).getList("firedRules.ruleId", String.class)).contains("FFI-RUSSIA-SHARE");

        List<Map<String, Object>> activations = Users.ANALYST.given().get("/api/v1/rulesets/activations").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(activations.get(0)).containsEntry("version", original).containsEntry("status", "IN_FORCE");
        assertThat(activations.get(1)).containsEntry("version", raised.version()).containsEntry("status", "SUPERSEDED");
        String trail = Users.ADMIN.given().get("/api/v1/audit?format=jsonl").then().statusCode(200).extract().asString();
        assertThat(trail).contains("RULESET_ACTIVATION_PROPOSED", "RULESET_ACTIVATION_APPROVED", "\"RULESET_ACTIVATED\"");
    }

    @Test
    void aValidCandidateIsStoredAndAnInvalidOneIsNot() {
        Map<String, String> files = new HashMap<>(RulesetFiles.fromDirectory(Path.of("rules")).files());
        files.put("reference/parameters.csv", files.get("reference/parameters.csv") + "# stored " + UUID.randomUUID() + "\n");
        byte[] zip = Zips.underRules(files);
        String version = RulesetFiles.of("test", files).version();
        Users.ADMIN.given().contentType("application/zip").body(zip).post("/api/v1/rulesets?comment=a note").then()
                .statusCode(201).body("version", equalTo(version)).body("created", equalTo(true));
        Users.ADMIN.given().contentType("application/zip").body(zip).post("/api/v1/rulesets?comment=again").then()
                .statusCode(200).body("created", equalTo(false));
        Users.ANALYST.given().get("/api/v1/rulesets/" + version).then().statusCode(200);
        Users.ADMIN.given().contentType("application/zip").body(zip).post("/api/v1/rulesets").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));

        // The threshold raised without moving its example: not valid, not stored.
        files.put("reference/parameters.csv", files.get("reference/parameters.csv")
                .replace("ffi.russia-share.threshold,0.10,", "ffi.russia-share.threshold,0.30,"));
        String invalid = RulesetFiles.of("test", files).version();
        Users.ADMIN.given().contentType("application/zip").body(Zips.underRules(files)).post("/api/v1/rulesets?comment=x").then()
                .statusCode(422).contentType("application/problem+json").body("type", equalTo("/problems/ruleset-invalid"));
        Users.ANALYST.given().get("/api/v1/rulesets/" + invalid).then().statusCode(404);
    }

    @Test
    void atAStartOnlyAnApprovedActivationOutlivesARulesetSeenBefore() throws Exception {
        String original = inForce();
        Map<String, String> files = new HashMap<>(RulesetFiles.fromDirectory(Path.of("rules")).files());
        files.put("reference/parameters.csv", files.get("reference/parameters.csv") + "# start " + UUID.randomUUID() + "\n");
        RulesetFiles other = RulesetFiles.of("test", files);
        registry.register(other, "test", "another ruleset");
        try {
            // Approved: a start with the original (seen before) keeps the activated version.
            approve(Users.ADMIN2, propose(Users.ADMIN, other.version(), "for the start test"));
            assertThat(activations.settleAtStart(original, false)).isEqualTo(other.version());
            // A start with rules never seen before puts them in force; the pointer is then a start's.
            assertThat(activations.settleAtStart(original, true)).isEqualTo(original);
            // Written by a start: another start's ruleset, even one seen before, takes its place.
            assertThat(activations.settleAtStart(other.version(), false)).isEqualTo(other.version());
            assertThat(activations.settleAtStart(original, false)).isEqualTo(original);
        } finally {
            activations.settleAtStart(original, true);
            follower.follow();
        }
        assertThat(inForce()).isEqualTo(original);
    }

    @Test
    void anUnknownVersionOrActivationIsNotFoundAndAnApprovalNeedsItsAnswer() {
        Users.ADMIN.given().contentType(ContentType.JSON).body("{\"comment\":\"x\"}")
                .post("/api/v1/rulesets/sha256:" + "2".repeat(64) + "/activations").then().statusCode(404);
        Users.ADMIN.given().contentType(ContentType.JSON).body("{}")
                .post("/api/v1/rulesets/" + inForce() + "/activations").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        Users.ADMIN.given().contentType(ContentType.JSON).body("{\"comment\":\"already\"}")
                .post("/api/v1/rulesets/" + inForce() + "/activations").then().statusCode(409);
        Users.ADMIN2.given().contentType(ContentType.JSON).body("{\"approve\":true}")
                .post("/api/v1/rulesets/activations/" + UUID.randomUUID() + "/approval").then().statusCode(404);
    }
}
