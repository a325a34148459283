package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.rules.RuleFiles;
import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rulesets.RulesetRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * Replaying stored assessments: a few hundred of every kind, many matching listed names, half decided by the packaged
 * ruleset and half by another activated meanwhile, all against one version of the SDN list, replayed after the
 * packaged ruleset came back and another SDN version came into force: all identical (decided by the ruleset and
 * screened against the list versions they name, not those in force); one made after the list change matches the new
 * entry and replays so too.
 * A tampered stored explanation shows as a difference, so the comparison can fail; an assessment whose ruleset is
 * not kept is a 409, an unknown one a 404.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayApiTest {
    /** A synthetic SDN row (not on the real list), added by the second version. */
    private static final String FALCON = "990078,\"KESTREL GATE MICROWAVE SYSTEMS LLC\",-0- ,\"RUSSIA-EO14024\",-0- ,-0- ,"
            + "-0- ,-0- ,-0- ,-0- ,-0- ,\"Secondary sanctions risk: section 11 of Executive Order 14024.\"";
    private static final String FALCON_NAME = "Kestrel Gate Microwave Systems LLC";

    @Inject
    DataSource dataSource;
    @Inject
    RulesetRegistry registry;

    private boolean loaded;

    @BeforeEach
    void lists() {
        if (loaded) {
            return;
        }
        ListFixtures.removeAll();
        uploadSdn(Fixtures.sdnRows(Fixtures.SDN_ENTRIES));
        loaded = true;
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    private static void uploadSdn(byte[] rows) {
        Users.ADMIN.given().multiPart("sdn", "sdn.csv", rows, "text/csv").post("/api/v1/lists/OFAC-SDN").then()
                .statusCode(anyOf(equalTo(200), equalTo(201)));
    }

    /** The names of the first listed entities of the SDN fixture, as the list writes them. */
    private static List<String> listedNames(int n) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Fixtures.sdnLines()) {
            for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(line))) {
                if (r.size() > 2 && r.get(2).strip().equals("-0-") && names.size() < n) {
                    names.add(r.get(1));
                }
            }
        }
        return names;
    }

    /** Subjects of every kind; a third of the parties named as listed entities are, the others made up. */
    private static List<String> subjects(List<String> listed, int count) {
        String[] hs = {"854231", "8471.30", "940360", "880240", "930400", "8486.20", "281820", "870323"};
        String[] to = {"RU", "KZ", "DE", "CN", "AE", "BY", "TR", "KG"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = i % 3 == 0 ? listed.get(i % listed.size()) : "Replay Test Trading " + i + " LLC";
            String party = json(name);
            out.add(switch (i % 4) {
                case 0 -> "{\"type\":\"SUPPLIER\",\"ref\":\"replay-" + i + "\",\"name\":" + party + ",\"country\":\"" + to[i % 8]
                        + "\",\"owners\":[{\"name\":" + json(listed.get((i + 7) % listed.size())) + ",\"sharePercent\":" + (20 + i % 40)
                        + "},{\"name\":\"Owner " + i + "\",\"sharePercent\":" + (10 + i % 30) + "}],\"exports\":[{\"hsCode\":\""
                        + hs[i % 8] + "\",\"destinationCountry\":\"" + to[(i + 3) % 8] + "\"}]}";
                case 1 -> "{\"type\":\"GOODS\",\"ref\":\"replay-" + i + "\",\"hsCode\":\"" + hs[i % 8] + "\",\"destinationCountry\":\""
                        + to[i % 8] + "\",\"endUser\":{\"name\":" + party + ",\"country\":\"" + to[(i + 1) % 8] + "\"}}";
                case 2 -> "{\"type\":\"BANK\",\"ref\":\"replay-" + i + "\",\"name\":" + party + ",\"country\":\"" + to[i % 8]
                        + "\",\"internationalExposure\":\"HIGH\",\"russiaPaymentShare\":0.2" + (i % 10) + ",\"payments\":[{\"counterparty\":{\"name\":"
                        + json(listed.get((i + 3) % listed.size())) + ",\"country\":\"RU\"},\"hsCodes\":[\"" + hs[i % 8]
                        + "\"],\"destinationCountry\":\"RU\",\"amountUsd\":" + (1000 * i) + ",\"date\":\"2025-03-1" + (i % 10) + "\"}]}";
                default -> "{\"type\":\"SUPPLIER\",\"ref\":\"replay-" + i + "\",\"name\":" + party + ",\"country\":\"" + to[i % 8] + "\"}";
            });
        }
        return out;
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static List<String> assessAll(List<String> subjects) {
        JsonPath body = Users.ANALYST.given().contentType(ContentType.JSON)
                .body("{\"subjects\":[" + String.join(",", subjects) + "]}")
                .post("/api/v1/assessments/batch").then().statusCode(200).extract().jsonPath();
        return body.getList("results.id", String.class);
    }

    private static JsonPath replay(String id) {
        return Users.ANALYST.given().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).extract().jsonPath();
    }

    /** Puts a stored ruleset version in force with four eyes (admin proposes, admin2 approves). */
    private static void activate(String version) {
        String id = Users.ADMIN.given().contentType(ContentType.JSON).body("{\"comment\":\"replay test\"}")
                .post("/api/v1/rulesets/" + version + "/activations").then().statusCode(201).extract().jsonPath().getString("id");
        Users.ADMIN2.given().contentType(ContentType.JSON).body("{\"approve\":true}")
                .post("/api/v1/rulesets/activations/" + id + "/approval").then().statusCode(200);
    }

    private static String rulesetInForce() {
        return Users.ANALYST.given().get("/api/v1/rules").then().statusCode(200).extract().jsonPath().getString("version");
    }

    @Test
    void assessmentsMadeUnderEarlierRulesetsAndListVersionsReplayIdentically() throws IOException {
        List<String> listed = listedNames(40);
        List<String> subjects = subjects(listed, 300);
        subjects.add("{\"type\":\"SUPPLIER\",\"ref\":\"replay-kestrel-before\",\"name\":" + json(FALCON_NAME) + ",\"country\":\"AE\"}");
        String original = rulesetInForce();
        // Half under the packaged ruleset and the first SDN version ...
        List<String> before = new ArrayList<>(assessAll(subjects.subList(0, 150)));
        // ... half under another ruleset (the Russia-share threshold at 30 %, its example moved), activated meanwhile.
        RulesetFiles raised = RulesetFiles.of("test", RuleFiles.russiaShareAt30Percent("replay " + UUID.randomUUID()));
        registry.register(raised, "test", "replay test");
        activate(raised.version());
        try {
            before.addAll(assessAll(subjects.subList(150, 301)));
        } finally {
            activate(original);
        }
        assertThat(before).hasSize(301);
        assertThat(rulesetInForce()).isEqualTo(original);

        // Another version of the SDN list comes into force, holding one more entry.
        uploadSdn(Fixtures.sdnRows(Fixtures.SDN_ENTRIES, FALCON));
        String after = assessAll(List.of("{\"type\":\"SUPPLIER\",\"ref\":\"replay-kestrel-after\",\"name\":"
                + json(FALCON_NAME) + ",\"country\":\"AE\"}")).get(0);

        int withMatches = 0;
        List<String> different = new ArrayList<>();
        for (String id : before) {
            JsonPath r = replay(id);
            if (!r.getBoolean("identical")) {
                different.add(id + " " + r.getList("differences.part"));
            }
            if (!r.getList("replayedRules").isEmpty()) {
                withMatches++;
            }
        }
        assertThat(different).as("replays that differ").isEmpty();
        assertThat(replay(before.get(0)).getString("rulesetVersion")).isEqualTo(original);
        assertThat(replay(before.get(200)).getString("rulesetVersion")).isEqualTo(raised.version());
        // The two rulesets decide the banks (a 20-29 % Russia share) otherwise: each replay used its own.
        assertThat(replay(before.get(2)).getList("replayedRules", String.class)).contains("FFI-RUSSIA-SHARE");
        assertThat(replay(before.get(150)).getList("replayedRules", String.class)).doesNotContain("FFI-RUSSIA-SHARE");
        assertThat(withMatches).as("replays with fired rules").isGreaterThan(100);

        // Made before the entry existed: no match then, and none on replay, although the entry is in force now.
        JsonPath kestrelBefore = replay(before.get(300));
        assertThat(kestrelBefore.getBoolean("identical")).isTrue();
        assertThat(kestrelBefore.getList("replayedRules", String.class)).doesNotContain("LIST-SDN-SUBJECT");
        JsonPath kestrelAfter = replay(after);
        assertThat(kestrelAfter.getBoolean("identical")).isTrue();
        assertThat(kestrelAfter.getList("replayedRules", String.class)).isNotEmpty();
        assertThat(kestrelAfter.getString("replayedRiskLevel")).isNotEqualTo(kestrelBefore.getString("replayedRiskLevel"));
    }

    @Test
    void aTamperedExplanationIsADifference() throws Exception {
        String id = assessAll(List.of("{\"type\":\"GOODS\",\"ref\":\"replay-tampered\",\"hsCode\":\"854231\",\"destinationCountry\":\"RU\"}")).get(0);
        assertThat(replay(id).getBoolean("identical")).isTrue();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE fired_rule SET explanation = 'edited afterwards' WHERE assessment_id = ?")) {
            ps.setObject(1, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isPositive();
        }
        JsonPath r = replay(id);
        assertThat(r.getBoolean("identical")).isFalse();
        assertThat(r.getList("differences.part", String.class)).containsExactly("firedRules");
    }

    @Test
    void aRulesetThatIsNotKeptIsAConflictAndAnUnknownIdNotFound() throws Exception {
        String id = assessAll(List.of("{\"type\":\"GOODS\",\"ref\":\"replay-old-rules\",\"hsCode\":\"940360\"}")).get(0);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE assessment SET ruleset_version = ? WHERE id = ?")) {
            ps.setString(1, "sha256:" + "0".repeat(64));
            ps.setObject(2, UUID.fromString(id));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        Users.ANALYST.given().post("/api/v1/assessments/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/replay-unavailable"));
        Users.ANALYST.given().post("/api/v1/assessments/" + UUID.randomUUID() + "/replay").then().statusCode(404)
                .contentType("application/problem+json");
        Users.ANALYST.given().post("/api/v1/assessments/not-a-uuid/replay").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
