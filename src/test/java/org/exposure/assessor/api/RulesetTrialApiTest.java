package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.rules.RuleFiles;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rulesets.RulesetRegistry;
import org.exposure.assessor.rulesets.Zips;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Trying a candidate on past cases through the API, and replaying with a stored ruleset version that is not in
 * force. The candidate raises the Russia-share threshold of FFI-RUSSIA-SHARE from 10 % to 30 %: of banks declaring
 * 5, 15, 25, 35, 30 and 10 %, exactly those at 15, 25 and 30 % would lose the rule (its example moves to 38 %).
 */
@QuarkusTest
class RulesetTrialApiTest {
    private static final String[] SHARES = {"0.05", "0.15", "0.25", "0.35", "0.30", "0.10"};

    @Inject
    RulesetRegistry registry;
    @Inject
    DataSource dataSource;

    private static List<String> assessBanks() {
        String run = UUID.randomUUID().toString();
        List<String> subjects = new ArrayList<>();
        for (String share : SHARES) {
            subjects.add("{\"type\":\"BANK\",\"ref\":\"trial-api-" + run + "-" + share + "\",\"name\":\"Trial Api Bank " + share
                    + "\",\"country\":\"KZ\",\"russiaPaymentShare\":" + share + "}");
        }
        return Users.ANALYST.given().contentType(ContentType.JSON).body("{\"subjects\":[" + String.join(",", subjects) + "]}")
                .post("/api/v1/assessments/batch").then().statusCode(200).extract().jsonPath().getList("results.id", String.class);
    }

    @Test
    void aStoredVersionTriedOnTheLastAssessments() {
        Map<String, String> files = RuleFiles.russiaShareAt30Percent("stored " + UUID.randomUUID());
        RulesetFiles candidate = RulesetFiles.of("test", files);
        registry.register(candidate, "test", "threshold raised to 30 %");
        List<String> ids = assessBanks();

        JsonPath report = Users.ADMIN.given().post("/api/v1/rulesets/" + candidate.version() + "/trial?last=" + ids.size())
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("tried")).isEqualTo(6);
        assertThat(report.getString("candidate")).isEqualTo(candidate.version());
        assertThat(report.getInt("byRule.FFI-RUSSIA-SHARE.inForce")).isEqualTo(4);
        assertThat(report.getInt("byRule.FFI-RUSSIA-SHARE.candidate")).isEqualTo(1);
        assertThat(report.getList("changes.assessmentId", String.class)).containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(4));
        assertThat(report.getList("changes.rulesRemoved.flatten()", String.class)).containsOnly("FFI-RUSSIA-SHARE");

        Users.ADMIN.given().post("/api/v1/rulesets/" + candidate.version() + "/trial?last=0").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("last"));
        Users.ADMIN.given().post("/api/v1/rulesets/sha256:" + "1".repeat(64) + "/trial").then().statusCode(404)
                .contentType("application/problem+json");
        Users.ANALYST.given().post("/api/v1/rulesets/" + candidate.version() + "/trial").then().statusCode(403);
    }

    @Test
    void aCandidateValidatedAndTriedInOneRequest() {
        List<String> ids = assessBanks();
        JsonPath report = Users.ADMIN.given().contentType("application/zip").body(Zips.underRules(RuleFiles.russiaShareAt30Percent("zip " + UUID.randomUUID())))
                .post("/api/v1/rulesets/validate?trial=" + ids.size()).then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("valid")).isTrue();
        assertThat(report.getInt("trial.tried")).isEqualTo(6);
        assertThat(report.getList("trial.changes.assessmentId", String.class)).containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(4));
        // Without trial, no trial.
        JsonPath plain = Users.ADMIN.given().contentType("application/zip").body(Zips.underRules(RuleFiles.russiaShareAt30Percent("zip " + UUID.randomUUID())))
                .post("/api/v1/rulesets/validate").then().statusCode(200).extract().jsonPath();
        assertThat(plain.getString("trial")).isNull();
    }

    @Test
    void aReplayDecidesWithTheStoredVersionTheAssessmentNames() throws Exception {
        RulesetFiles stored = RulesetFiles.of("test", RuleFiles.russiaShareAt30Percent("replay " + UUID.randomUUID()));
        registry.register(stored, "test", "threshold raised to 30 %, for a replay");
        List<String> ids = assessBanks();
        // As if an instance had decided them with the stored version: the 5 % bank fires no share rule under either,
        // the 15 % bank fires it under the ruleset in force only.
        for (String id : List.of(ids.get(0), ids.get(1))) {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("UPDATE assessment SET ruleset_version = ? WHERE id = ?")) {
                ps.setString(1, stored.version());
                ps.setObject(2, UUID.fromString(id));
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }
        JsonPath same = Users.ANALYST.given().post("/api/v1/assessments/" + ids.get(0) + "/replay").then().statusCode(200)
                .extract().jsonPath();
        assertThat(same.getBoolean("identical")).isTrue();
        assertThat(same.getString("rulesetVersion")).isEqualTo(stored.version());
        JsonPath other = Users.ANALYST.given().post("/api/v1/assessments/" + ids.get(1) + "/replay").then().statusCode(200)
                .extract().jsonPath();
        assertThat(other.getBoolean("identical")).isFalse();
        assertThat(other.getList("storedRules", String.class)).contains("FFI-RUSSIA-SHARE");
        assertThat(other.getList("replayedRules", String.class)).doesNotContain("FFI-RUSSIA-SHARE");
    }
}
