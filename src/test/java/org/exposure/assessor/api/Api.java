package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What the API tests share: the endpoints, posting JSON text, whole-body comparison, row counts and problem checks. */
final class Api {
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String BATCH = ASSESSMENTS + "/batch";
    static final String RULES = "/api/v1/rules";
    static final String PROBLEM_JSON = "application/problem+json";

    /** The headline case: CHPL tier-1 chips bound for Kazakhstan, a transshipment country for Russia. */
    static final String KZ_CHIPS = "{\"type\":\"GOODS\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Api() {
    }

    /** A ref no other test uses, so that listing by it sees only this test's assessments. */
    static String uniqueRef(String what) {
        return what + "-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    static ValidatableResponse assess(String json) {
        return post(ASSESSMENTS, json);
    }

    /** POSTs one subject, expects 201, and returns the response body as a tree. */
    static JsonNode created(String json) {
        String body = assess(json).statusCode(201).extract().asString();
        return tree(body);
    }

    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static JsonNode getTree(String path) {
        return tree(given().accept(ContentType.JSON).when().get(path).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
    }

    /**
     * Every fired rule of an assessment: those in {@code firedRules} and, where the response separates them, those
     * that fired through a part of the subject ({@code firedThrough}: exports, payments, owners).
     */
    static List<JsonNode> fired(JsonNode assessment) {
        List<JsonNode> all = new java.util.ArrayList<>();
        assertThat(assessment.get("firedRules")).as("firedRules of %s", assessment).isNotNull();
        assessment.get("firedRules").forEach(all::add);
        if (assessment.hasNonNull("firedThrough")) {
            assessment.get("firedThrough").forEach(all::add);
        }
        return all;
    }

    /** The fired rule of that id; fails unless it fired exactly once. */
    static JsonNode firedRule(JsonNode assessment, String ruleId) {
        List<JsonNode> found = fired(assessment).stream().filter(r -> ruleId.equals(r.path("ruleId").asText())).toList();
        assertThat(found).as("firings of %s in %s", ruleId, fired(assessment)).hasSize(1);
        return found.get(0);
    }

    static List<String> ruleIds(JsonNode assessment) {
        return fired(assessment).stream().map(r -> r.get("ruleId").asText()).toList();
    }

    /** Rows of both tables, read with plain SQL so that the count works on H2 and PostgreSQL alike. */
    record Rows(long assessments, long firedRules) {
    }

    static Rows rows() {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return new Rows(count(s, "assessment"), count(s, "fired_rule"));
        } catch (SQLException e) {
            throw new AssertionError("cannot count rows", e);
        }
    }

    static long count(String table) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return count(s, table);
        } catch (SQLException e) {
            throw new AssertionError("cannot count rows of " + table, e);
        }
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Checks the RFC 9457 shape: problem+json, type, title, status (the same as the HTTP status), detail, and no
     * internals (no exception class names, no stack frames). Returns the body for further checks.
     */
    static ExtractableResponse<Response> problem(ValidatableResponse response, int status) {
        ExtractableResponse<Response> r = response.statusCode(status)
                .header("Content-Type", startsWith(PROBLEM_JSON))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .extract();
        noInternals(r.asString());
        return r;
    }

    /** A 400 problem whose errors name every one of {@code fields} (and each error has a message). */
    static ExtractableResponse<Response> invalid(ValidatableResponse response, String... fields) {
        ExtractableResponse<Response> r = problem(response, 400);
        List<String> named = r.path("errors.field");
        List<String> messages = r.path("errors.message");
        assertThat(named).as("errors of %s", r.asString()).isNotNull().contains(fields);
        assertThat(named).as("field names of %s", r.asString()).allSatisfy(f -> assertThat(f).isNotBlank());
        assertThat(messages).as("messages of %s", r.asString()).allSatisfy(m -> assertThat(m).isNotBlank());
        return r;
    }

    static void noInternals(String body) {
        assertThat(body).as("response body").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("at java.").doesNotContain("org.exposure").doesNotContain("com.fasterxml")
                .doesNotContain("jakarta.")
                // Jackson quotes class names in backticks; a qualified name looks like a.b.C
                .doesNotContain("`").doesNotContainPattern("\\b[a-z]+\\.[a-z]+\\.[a-z.]*[A-Z]\\w*");
    }
}
