package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.exposure.assessor.persistence.AssessmentRepository;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

@QuarkusTest
class OwnershipApiTest {
    @Inject
    AssessmentRepository repository;

    private static final String FAQ_401 = """
            {"type":"SUPPLIER","ref":"faq-401","name":"B","country":"CY","owners":[
              {"name":"X","country":"RU","sharePercent":10,"sanctioned":true},
              {"name":"A","country":"CY","sharePercent":40,"owners":[{"name":"X","country":"RU","sharePercent":50,"sanctioned":true}]}]}
            """;

    @Test
    @DisplayName("OWN-50: the FAQ 401 example is BLOCKED, explained with X, A and 10% + 40% = 50%")
    void faq401() {
        given().contentType(ContentType.JSON).body(FAQ_401).post("/api/v1/assessments")
                .then().statusCode(201)
                .body("riskLevel", equalTo("BLOCKED"))
                .body("firedThrough.find { it.ruleId == 'OWN-50' }.explanation", containsString("10% + 40% = 50%"))
                .body("firedThrough.find { it.ruleId == 'OWN-50' }.explanation", containsString("A (40%, itself blocked as 50% owned by X"))
                .body("firedThrough.find { it.ruleId == 'OWN-50' }.evidence.blockedOwners.name", hasItem("X"));
    }

    private void rejected(String body, String field, String message) {
        long before = repository.count();
        given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
        assertThat(repository.count()).isEqualTo(before);
    }

    @Test
    @DisplayName("an ownership cycle is a 400 naming the path, and nothing is stored")
    void cycle() {
        rejected("""
                {"type":"SUPPLIER","name":"Alpha Ltd","owners":[{"name":"Beta Ltd","sharePercent":60,
                  "owners":[{"name":"ALPHA LTD.","sharePercent":100}]}]}""",
                "owners[0].owners[0].name", "owns itself");
        rejected("""
                {"type":"SUPPLIER","name":"S","owners":[{"name":"P","sharePercent":60,
                  "owners":[{"name":"Q","sharePercent":50,"owners":[{"name":"P","sharePercent":10}]}]}]}""",
                "owners[0].owners[0].owners[0].name", "owners[0] → owners[0].owners[0].owners[0]");
    }

    @Test
    @DisplayName("stakes adding up to more than 100% at one level are a 400 naming that level, and nothing is stored")
    void overHundred() {
        rejected("""
                {"type":"SUPPLIER","name":"S","owners":[{"name":"P","sharePercent":60},{"name":"Q","sharePercent":50}]}""",
                "owners", "add up to 110%");
        rejected("""
                {"type":"SUPPLIER","name":"S","owners":[{"name":"P","sharePercent":60,
                  "owners":[{"name":"Q","sharePercent":70},{"name":"R","sharePercent":40.5}]}]}""",
                "owners[0].owners", "add up to 110.5%");
    }

    @Test
    @DisplayName("a negative share is a 400 naming the nested path, and nothing is stored")
    void negative() {
        rejected("""
                {"type":"SUPPLIER","name":"S","owners":[{"name":"P","sharePercent":60,
                  "owners":[{"name":"Q","sharePercent":-5}]}]}""",
                "owners[0].owners[0].sharePercent", "greater than or equal to 0");
    }

    @Test
    @DisplayName("in a batch, an invalid ownership is reported under its item index and nothing is stored")
    void inBatch() {
        long before = repository.count();
        given().contentType(ContentType.JSON).body("{\"subjects\":[" + FAQ_401 + ","
                        + "{\"type\":\"SUPPLIER\",\"name\":\"S\",\"owners\":[{\"name\":\"P\",\"sharePercent\":80},{\"name\":\"Q\",\"sharePercent\":30}]}]}")
                .post("/api/v1/assessments/batch")
                .then().statusCode(400).body("errors.field", hasItem("subjects[1].owners"));
        assertThat(repository.count()).isEqualTo(before);
    }
}
