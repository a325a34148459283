package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The EU FSF and UK Sanctions List fixtures uploaded through the API, each as the only list in force: 201 with the
 * entry counts, a row problem named in the answer, and a party of each list matched by an assessment, which gives
 * LIST-OTHER naming the list and its regime.
 */
@QuarkusTest
class EuUkListsApiTest {
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupLists() {
        ListFixtures.restore();
    }

    private static JsonPath supplier(String name, String country) {
        return given().contentType(ContentType.JSON)
                .body("{\"type\":\"SUPPLIER\",\"name\":\"" + name + "\",\"country\":\"" + country + "\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
    }

    @Test
    void theEuFileUploadsAs201WithItsCounts() {
        JsonPath created = given().contentType("application/xml").body(Fixtures.bytes(Fixtures.EU_FSF))
                .post("/api/v1/lists/EU-FSF").then().statusCode(201).body("created", equalTo(true))
                .body("version.entryCount", equalTo(Fixtures.EU_FSF_ENTITIES)).body("version.inForce", equalTo(true))
                .extract().jsonPath();
        assertThat(created.getLong("counts.persons")).isEqualTo(4);
        assertThat(created.getLong("counts.enterprises")).isEqualTo(1);
        given().get("/api/v1/lists/EU-FSF/entries/3822").then().statusCode(200)
                .body("name", equalTo("Parchin Chemical Industries (PCI)")).body("source", equalTo("EU-FSF"));
    }

    @Test
    void theUkFileWithADesignationWithoutIdUploadsAs201AndNamesTheProblem() {
        JsonPath created = given().multiPart("file", "UK-Sanctions-List.xml",
                        Fixtures.bytes(Fixtures.UK_SL_WITH_SYNTHETIC), "application/xml")
                .post("/api/v1/lists/UK-SL").then().statusCode(201)
                .body("version.entryCount", equalTo(Fixtures.UK_SL_DESIGNATIONS)).extract().jsonPath();
        assertThat(created.getLong("counts.ships")).isEqualTo(1);
        assertThat(created.getLong("counts.problems")).isEqualTo(1);
        assertThat(created.prettify()).contains("Designation: no UniqueID");
    }

    @Test
    void LIST_OTHER_fires_for_a_party_on_the_EU_list_naming_the_list_and_its_programme() {
        given().contentType("application/xml").body(Fixtures.bytes(Fixtures.EU_FSF)).post("/api/v1/lists/EU-FSF")
                .then().statusCode(201);
        JsonPath a = supplier("Parchin Chemical Industries", "IR");
        assertThat(a.getList("firedRules.ruleId", String.class)).as(a.prettify()).contains("LIST-OTHER")
                .doesNotContain("LIST-SDN");
        assertThat(a.getString("riskLevel")).isEqualTo("HIGH");
        Map<String, Object> match = a.getMap("firedRules.find { it.ruleId == 'LIST-OTHER' }.evidence.match");
        assertThat(match).containsEntry("list", "EU-FSF").containsEntry("entryId", "3822")
                .containsEntry("sublist", "programme IRN");
        assertThat(a.getString("firedRules.find { it.ruleId == 'LIST-OTHER' }.explanation"))
                .contains("EU-FSF / programme IRN entry 3822 (Parchin Chemical Industries (PCI))");
    }

    @Test
    void LIST_OTHER_fires_for_a_party_on_the_UK_list_naming_the_list_and_its_regime() {
        given().contentType("application/xml").body(Fixtures.bytes(Fixtures.UK_SL)).post("/api/v1/lists/UK-SL")
                .then().statusCode(201);
        JsonPath a = supplier("Khatiba al-Tawhid wal-Jihad", "SY");
        assertThat(a.getList("firedRules.ruleId", String.class)).as(a.prettify()).contains("LIST-OTHER")
                .doesNotContain("LIST-SDN");
        assertThat(a.getString("riskLevel")).isEqualTo("HIGH");
        assertThat(a.getString("firedRules.find { it.ruleId == 'LIST-OTHER' }.explanation")).contains(
                "UK-SL / Isil (Da'esh) and Al-Qaeda (United Nations Sanctions) (EU Exit) Regulations 2019 entry AQD0377");
    }
}
