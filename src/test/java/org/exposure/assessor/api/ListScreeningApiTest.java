package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The OFAC SDN fixture (sdn.csv with alt.csv and add.csv, src/test/resources/lists) uploaded through the API as the
 * only list in force; LIST-SDN, LIST-SECONDARY-RISK and FFI-MIB-COUNTERPARTY from matches, and GET /screen.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListScreeningApiTest {
    String versionId;

    // Not in @BeforeAll: RestAssured learns the test port only once a test runs. The SDN alone, so that what
    // fires and which versions an assessment names depend on this upload only, not on the start-up lists.
    @BeforeEach
    void importSdnOnce() {
        if (versionId != null) {
            return;
        }
        versionId = ListFixtures.onlySdn();
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    @Test
    void LIST_SDN_and_LIST_SECONDARY_RISK_fire_for_Yilufa_Electronics_with_the_entry_as_evidence() {
        JsonPath a = given().contentType(ContentType.JSON)
                .body("{\"type\":\"SUPPLIER\",\"name\":\"Yilufa Electronics Ltd.\",\"country\":\"CN\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertThat(a.getString("riskLevel")).isEqualTo("BLOCKED");
        assertThat(a.getList("firedRules.ruleId", String.class)).contains("LIST-SDN", "LIST-SECONDARY-RISK");
        Map<String, Object> match = a.getMap("firedRules.find { it.ruleId == 'LIST-SDN' }.evidence.match");
        assertThat(match).containsEntry("entryId", "47700").containsEntry("list", "OFAC-SDN")
                .containsEntry("matchedName", "YILUFA ELECTRONICS LIMITED").containsEntry("listVersion", versionId);
        assertThat(a.getString("firedRules.find { it.ruleId == 'LIST-SDN' }.explanation")).contains("47700", "YILUFA ELECTRONICS LIMITED");
        assertThat(a.getList("listVersions.versionId", String.class)).containsExactly(versionId);
    }

    @Test
    void FFI_MIB_COUNTERPARTY_fires_for_a_payment_to_VTB_Bank_PJSC_without_any_sanctioned_flag() {
        String bank = """
                {"type":"BANK","name":"Heihe Rural Commercial Bank","country":"CN","region":"Heilongjiang",
                 "internationalExposure":"LOW","payments":[
                   {"counterparty":{"name":"VTB Bank PJSC","country":"RU"},"hsCodes":["610910"],"destinationCountry":"RU","amountUsd":12000,"date":"2024-05-10"}]}""";
        JsonPath a = given().contentType(ContentType.JSON).body(bank).post("/api/v1/assessments")
                .then().statusCode(201).extract().jsonPath();
        assertThat(a.getList("firedThrough.ruleId", String.class)).contains("FFI-MIB-COUNTERPARTY");
        List<Map<String, Object>> matches = a.getList("firedThrough.find { it.ruleId == 'FFI-MIB-COUNTERPARTY' }.evidence.listMatches");
        assertThat(matches).extracting(m -> m.get("entryId")).contains("17013");
        assertThat(a.getString("riskLevel")).as(a.prettify()).isEqualTo("SEVERE");
    }

    @Test
    void LIST_EU_TRANSACTION_BAN_fires_SEVERE_for_a_bank_named_like_Heihe_Rural_Commercial_Bank() {
        JsonPath a = given().contentType(ContentType.JSON)
                .body("{\"type\":\"BANK\",\"name\":\"Heihe Rural Comercial Bank Co., Ltd.\",\"country\":\"CN\",\"region\":\"Heilongjiang\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertThat(a.getString("riskLevel")).as(a.prettify()).isEqualTo("SEVERE");
        Map<String, Object> rule = a.getMap("firedRules.find { it.ruleId == 'LIST-EU-TRANSACTION-BAN' }");
        assertThat(rule).as(a.prettify()).isNotNull().containsEntry("severity", "SEVERE");
        assertThat((String) rule.get("legalBasis")).contains("EU Reg. 833/2014 Art. 5ad", "2025/1494");
        assertThat((String) rule.get("explanation")).contains("matches Heihe Rural Commercial Bank",
                "Council Regulation (EU) 2025/1494", "EU persons may not engage");
        Map<String, Object> match = a.getMap("firedRules.find { it.ruleId == 'LIST-EU-TRANSACTION-BAN' }.evidence.match");
        assertThat(match).containsEntry("list", "EU-TRANSACTION-BAN").containsEntry("listVersion", a.getString("rulesetVersion"));
        assertThat(a.getList("firedRules.ruleId", String.class)).doesNotContain("LIST-OTHER");
    }

    @Test
    void screening_a_name_returns_its_matches_with_their_parts() {
        JsonPath r = given().queryParam("name", "VTB Bank PJSC").queryParam("country", "RU").get("/api/v1/screen")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("matches.entryId", String.class)).first().isEqualTo("17013");
        assertThat(r.getList("matches[0].features")).isNotEmpty();
        given().queryParam("name", "").get("/api/v1/screen").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("name", "x").queryParam("country", "XX").get("/api/v1/screen").then().statusCode(400);
    }

    @Test
    void screening_uses_the_configured_threshold_unless_one_is_given() {
        given().queryParam("name", "VTB Bank PJSC").get("/api/v1/screen").then().statusCode(200)
                .body("threshold", equalTo(0.86f));
        JsonPath loose = given().queryParam("name", "VTB Bank PJSC").queryParam("threshold", "0.5").get("/api/v1/screen")
                .then().statusCode(200).body("threshold", equalTo(0.5f)).extract().jsonPath();
        JsonPath strict = given().queryParam("name", "VTB Bank PJSC").queryParam("threshold", "1").get("/api/v1/screen")
                .then().statusCode(200).extract().jsonPath();
        assertThat(loose.getList("matches").size()).isGreaterThan(strict.getList("matches").size());
        assertThat(loose.getList("matches.score", Float.class)).allMatch(s -> s >= 0.5f);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1.5", "-0.1", "high", "NaN"})
    void a_threshold_outside_0_to_1_is_a_problem_naming_the_field(String threshold) {
        given().queryParam("name", "VTB Bank PJSC").queryParam("threshold", threshold).get("/api/v1/screen")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("threshold"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Yilufa Electronics", "YILUFA ELECTRONIC LIMITED", "Yilufa Electronics Co., Ltd.", "Electronics Yilufa"})
    void spelling_variants_of_a_listed_name_still_match(String variant) {
        JsonPath r = given().queryParam("name", variant).get("/api/v1/screen").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("matches.entryId", String.class)).as(variant).contains("47700");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Heihe Rural Commercial Bank", "Harbin Bank Co., Ltd.", "Suifenhe Trading Company"})
    void names_that_share_only_common_words_with_listed_names_do_not_match(String name) {
        JsonPath r = given().queryParam("name", name).get("/api/v1/screen").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("matches.primaryName", String.class)).as(name).isEmpty();
    }

    @Test
    void an_unrelated_supplier_matches_nothing() {
        JsonPath a = given().contentType(ContentType.JSON)
                .body("{\"type\":\"SUPPLIER\",\"name\":\"Bavarian Precision Tools GmbH\",\"country\":\"DE\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
        assertThat(a.getList("firedRules.ruleId", String.class)).noneMatch(id -> id.startsWith("LIST-"));
    }
}
