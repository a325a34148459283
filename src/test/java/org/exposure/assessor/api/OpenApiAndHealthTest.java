package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.tree;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The OpenAPI document, Swagger UI and the health endpoints. */
@QuarkusTest
class OpenApiAndHealthTest {

    private JsonNode openApi;

    /** Read per test: RestAssured learns the (random) test port only once a test method runs. */
    @BeforeEach
    void readOpenApi() {
        openApi = tree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).contentType(ContentType.JSON).extract().asString());
    }

    private JsonNode schema(String name) {
        JsonNode schema = openApi.at("/components/schemas/" + name);
        assertThat(schema.isMissingNode()).as("schema %s among %s", name, fieldNames(openApi.at("/components/schemas")))
                .isFalse();
        return schema;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A property's description, also where it is a $ref wrapped in allOf. */
    private static String description(JsonNode property) {
        if (property.hasNonNull("description")) {
            return property.get("description").asText();
        }
        return "";
    }

    @ParameterizedTest
    @ValueSource(strings = {"Goods", "Supplier", "Bank", "Export", "Owner", "Consignee", "Party", "Payment", "Correspondent"})
    void everySubjectSchemaDocumentsEveryField(String name) {
        JsonNode schema = schema(name);
        assertThat(description(schema)).as("description of %s", name).isNotBlank();
        JsonNode properties = schema.get("properties");
        assertThat(properties).as("properties of %s", name).isNotNull();
        properties.fields().forEachRemaining(p -> assertThat(description(p.getValue()))
                .as("description of %s.%s", name, p.getKey()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Goods/properties/hsCode", "Export/properties/hsCode", "Payment/properties/hsCodes"})
    void everyHsFieldDocumentsNationalTariffCodesAndTheirWarnings(String path) {
        assertThat(description(schema(path))).as(path)
                .contains("8542.31.0000", "HS_CODE_SHORTENED", "HS_CODE_CORRELATED");
    }

    @Test
    void theSubjectSchemasHoldEverySubjectField() {
        assertThat(fieldNames(schema("Goods").get("properties"))).contains("type", "ref", "name", "aliases", "country",
                "region", "hsCode", "dualUseCode", "description", "originCountry", "destinationCountry", "endUser",
                "noReexportClause");
        assertThat(fieldNames(schema("Supplier").get("properties"))).contains("type", "ref", "name", "aliases",
                "country", "region", "incorporatedOn", "website", "residentialAddress", "lineOfBusiness", "owners", "exports");
        assertThat(fieldNames(schema("Bank").get("properties"))).contains("type", "ref", "name", "aliases", "country",
                "region", "internationalExposure", "usCorrespondentAccess", "connectedToSpfs", "russiaPaymentShare",
                "correspondents", "payments");
        assertThat(fieldNames(schema("Export").get("properties"))).contains("hsCode", "dualUseCode",
                "destinationCountry", "consignee", "borderCrossing", "valueUsd", "endUseStatement", "noReexportClause");
        assertThat(fieldNames(schema("Owner").get("properties"))).contains("name", "country", "sharePercent",
                "sanctioned", "owners");
        assertThat(schema("Goods").get("required").toString()).contains("hsCode").contains("type");
        assertThat(schema("Supplier").get("required").toString()).contains("name");
        assertThat(schema("Bank").get("required").toString()).contains("name");
    }

    @Test
    void theSubjectSchemaIsAOneOfOnType() {
        JsonNode subject = schema("Subject");
        assertThat(subject.get("oneOf").toString()).contains("Goods").contains("Supplier").contains("Bank");
        assertThat(subject.at("/discriminator/propertyName").asText()).isEqualTo("type");
    }

    @Test
    void theOutputAndProblemSchemasAreDocumented() {
        assertThat(fieldNames(schema("Assessment").get("properties"))).contains("id", "ref", "subject", "riskLevel",
                "firedRules", "warnings", "rulesetVersion", "assessedAt");
        assertThat(fieldNames(schema("FiredRule").get("properties"))).contains("ruleId", "title", "severity",
                "legalBasis", "explanation", "remediation", "evidence");
        assertThat(fieldNames(schema("Problem").get("properties"))).contains("type", "title", "status", "detail", "errors");
    }

    @Test
    void thePathsOfTheApiAreDocumented() {
        JsonNode paths = openApi.get("paths");
        assertThat(fieldNames(paths)).contains("/api/v1/assessments", "/api/v1/assessments/batch",
                "/api/v1/assessments/{id}", "/api/v1/rules", "/api/v1/rules/{id}");
        assertThat(fieldNames(paths.at("/~1api~1v1~1assessments"))).contains("get", "post");
        assertThat(fieldNames(paths.at("/~1api~1v1~1assessments/post/responses"))).contains("201", "400");
        assertThat(fieldNames(paths.at("/~1api~1v1~1assessments~1batch/post/responses"))).contains("200", "400", "413");
        assertThat(fieldNames(paths.at("/~1api~1v1~1assessments~1{id}/get/responses"))).contains("200", "404");
        assertThat(paths.at("/~1api~1v1~1assessments/post/requestBody/content/application~1json/schema").toString())
                .contains("Subject");
    }

    @Test
    @DisplayName("every error response of every operation is documented as an application/problem+json Problem")
    void everyErrorResponseIsAProblem() {
        List<String> errors = new ArrayList<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode responses = op.getValue().get("responses");
            if (responses == null) {
                return;
            }
            responses.properties().forEach(r -> {
                if (r.getKey().startsWith("4") || r.getKey().startsWith("5")) {
                    errors.add(path.getKey() + " " + op.getKey() + " " + r.getKey() + " -> "
                            + r.getValue().at("/content/application~1problem+json/schema/$ref").asText("(none)"));
                }
            });
        }));
        assertThat(errors).hasSizeGreaterThan(20)
                .allSatisfy(e -> assertThat(e).endsWith("-> #/components/schemas/Problem"));
        assertThat(openApi.at("/info/title").asText()).isEqualTo("Sanctions-exposure assessor API");
    }

    @Test
    void openApiIsAlsoServedAsYaml() {
        String yaml = given().when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml).contains("openapi:").contains("/api/v1/assessments/batch:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/ready", "/q/health/live"})
    void healthIsUp(String path) {
        given().when().get(path).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessShowsTheRulesetAndEachListSourceWithItsVersionAndAge() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ruleset' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ruleset' }.data.version", org.hamcrest.Matchers.startsWith("sha256:"))
                .body("checks.find { it.name == 'sanctions-lists' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'sanctions-lists' }.data.'OFAC-SDN'",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("version "),
                                org.hamcrest.Matchers.containsString(" entries, "), org.hamcrest.Matchers.containsString("age ")))
                .body("checks.find { it.name == 'sanctions-lists' }.data.UN",
                        org.hamcrest.Matchers.containsString("published 2026-02-27"));
    }

    @Test
    void swaggerUiIsServed() {
        String page = given().when().get("/q/swagger-ui").then().statusCode(200).extract().asString();
        assertThat(page).containsIgnoringCase("swagger");
    }
}
