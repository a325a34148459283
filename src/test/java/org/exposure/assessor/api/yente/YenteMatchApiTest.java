package org.exposure.assessor.api.yente;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * yente's POST /match/{dataset} under /api/v1/yente, against the list fixtures in force at start-up
 * (src/test/resources/lists): the request examples of yente's own documentation and tests
 * (src/test/resources/yente, origin in ORIGIN.md), the answer's shape field by field, datasets, filters, algorithms
 * and every kind of bad input.
 */
@QuarkusTest
class YenteMatchApiTest {
    private static final String MATCH = "/api/v1/yente/match/";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** yente's datetime format: seconds, no zone. */
    private static final Pattern ISO_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
    /** The fields of yente's ScoredEntityResponse (with "features", which older yente versions sent), in order. */
    private static final List<String> RESULT_FIELDS = List.of("id", "caption", "schema", "properties", "datasets",
            "referents", "target", "first_seen", "last_seen", "last_change", "score", "explanations", "features", "match");

    private static String fixture(String name) {
        try (InputStream in = YenteMatchApiTest.class.getResourceAsStream("/yente/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response post(String dataset, String body, Object... params) {
        var spec = given().contentType(ContentType.JSON).body(body);
        for (int i = 0; i < params.length; i += 2) {
            spec = spec.queryParam((String) params[i], params[i + 1]);
        }
        return spec.post(MATCH + dataset);
    }

    private static String company(String... names) {
        return "{\"queries\":{\"q1\":{\"schema\":\"Company\",\"properties\":{\"name\":"
                + Stream.of(names).map(n -> "\"" + n + "\"").toList() + ",\"jurisdiction\":[\"cn\"]}}}}";
    }

    @Test
    void the_example_of_yentes_documentation_is_answered_in_yentes_shape() {
        Response r = post("default", fixture("match-request-docs.json"));
        r.then().statusCode(200).contentType(ContentType.JSON).header("x-batch-size", "2");
        JsonPath j = r.jsonPath();
        assertThat(j.getMap("")).containsOnlyKeys("responses", "matcher", "limit");
        assertThat(j.getInt("limit")).isEqualTo(5);
        assertThat(j.getMap("responses")).containsOnlyKeys("entity1", "entity2");
        for (String q : List.of("entity1", "entity2")) {
            assertThat(j.getMap("responses." + q)).containsOnlyKeys("status", "results", "total", "query");
            assertThat(j.getInt("responses." + q + ".status")).isEqualTo(200);
            assertThat(j.getList("responses." + q + ".results")).isEmpty();
            assertThat(j.getMap("responses." + q + ".total")).isEqualTo(Map.of("value", 0, "relation", "eq"));
            assertThat(j.getMap("responses." + q + ".query")).containsOnlyKeys("id", "schema", "properties");
        }
        assertThat(j.getString("responses.entity1.query.schema")).isEqualTo("Person");
        assertThat(j.getList("responses.entity1.query.properties.nationality")).containsExactly("us");
        assertThat(j.getList("responses.entity1.query.properties.birthDate")).containsExactly("1975-04-21");
        assertThat(j.getList("responses.entity2.query.properties.jurisdiction")).containsExactly("hk");
        assertThat(j.getList("responses.entity2.query.properties.registrationNumber")).containsExactly("84BA99810");
        assertThat(j.getString("matcher.name")).isEqualTo(YenteAlgorithm.MATCHER);
        assertThat(j.getString("matcher.requested")).isEqualTo("best");
    }

    @Test
    void a_bank_given_by_its_swift_bic_alone_is_found_by_it_and_the_explanation_names_the_identifier() {
        String body = "{\"queries\":{\"b\":{\"schema\":\"Company\",\"properties\":{\"swiftBic\":[\"VTBRRUMMXXX\"]}}}}";
        JsonPath j = post("default", body).then().statusCode(200).extract().jsonPath();
        assertThat(j.getString("responses.b.results[0].id")).isEqualTo("ofac-sdn-17013");
        assertThat(j.getBoolean("responses.b.results[0].match")).isTrue();
        assertThat(j.getDouble("responses.b.results[0].score")).isGreaterThanOrEqualTo(0.95);
        assertThat(j.getString("responses.b.results[0].explanations.identifier.detail")).contains("BIC VTBRRUMMXXX = VTBRRUMM");
    }

    @Test
    void a_country_given_in_words_and_as_one_string_is_read_as_ftm_does_and_echoed_as_alpha_2() {
        JsonPath j = post("default", fixture("match-request-zakharov.json")).then().statusCode(200).extract().jsonPath();
        assertThat(j.getList("responses.vv.query.properties.country")).containsExactly("ru");
        assertThat(j.getString("responses.vv.query.schema")).isEqualTo("Person");
        assertThat(j.getString("responses.vv.query.id")).isNull();
    }

    @Test
    void a_listed_company_is_a_result_with_every_field_of_yentes_model() {
        JsonPath j = post("default", company("Yilufa Electronics Ltd.")).then().statusCode(200).extract().jsonPath();
        Map<String, Object> r0 = j.getMap("responses.q1.results[0]");
        assertThat(r0.keySet()).containsExactlyElementsOf(RESULT_FIELDS);
        assertThat(r0).containsEntry("id", "ofac-sdn-47700").containsEntry("caption", "YILUFA ELECTRONICS LIMITED")
                .containsEntry("schema", "LegalEntity").containsEntry("referents", List.of())
                .containsEntry("target", true).containsEntry("match", true)
                .containsEntry("first_seen", null).containsEntry("last_change", null);
        assertThat(j.getList("responses.q1.results[0].datasets")).containsExactly("us_ofac_sdn");
        assertThat((String) r0.get("last_seen")).matches(ISO_SECONDS);
        assertThat(j.getDouble("responses.q1.results[0].score")).isBetween(0.86, 1.0);
        assertThat(j.getList("responses.q1.results[0].properties.name")).containsExactly("YILUFA ELECTRONICS LIMITED");
        assertThat(j.getList("responses.q1.results[0].properties.program")).containsExactly("RUSSIA-EO14024");
        assertThat(j.getList("responses.q1.results[0].properties.topics")).containsExactly("sanction");
        // Every property value is a list of strings, as yente's entities are.
        Map<String, Object> props = j.getMap("responses.q1.results[0].properties");
        props.values().forEach(v -> assertThat(v).isInstanceOf(List.class)
                .satisfies(l -> assertThat((List<?>) l).allMatch(String.class::isInstance)));
        // explanations: yente's FeatureResult per feature; features: feature name to a number.
        Map<String, Object> name = j.getMap("responses.q1.results[0].explanations.name");
        assertThat(name).containsOnlyKeys("detail", "score", "query", "candidate")
                .containsEntry("query", "Yilufa Electronics Ltd.")
                .containsEntry("candidate", "YILUFA ELECTRONICS LIMITED");
        assertThat(j.getMap("responses.q1.results[0].explanations")).containsKeys("name", "coverage", "token_1");
        Map<String, Object> features = j.getMap("responses.q1.results[0].features");
        assertThat(features).containsKeys("name", "coverage").doesNotContainKey("token");
        features.values().forEach(v -> assertThat(v).isInstanceOf(Number.class));
        assertThat(j.getInt("responses.q1.total.value")).isEqualTo(j.getList("responses.q1.results").size());
    }

    /** Which datasets find the SDN entry: every list in force, the SDN by its id in any case, not another list. */
    @ParameterizedTest
    @ValueSource(strings = {"default", "sanctions", "OFAC-SDN", "ofac-sdn", "UN", "EU-FSF", "uk-sl", "US-CSL"})
    void a_dataset_is_every_list_or_one_list(String dataset) {
        JsonPath j = post(dataset, company("Yilufa Electronics Ltd.")).then().statusCode(200).extract().jsonPath();
        boolean sdn = List.of("default", "sanctions", "OFAC-SDN", "ofac-sdn").contains(dataset);
        assertThat(j.getList("responses.q1.results.id")).as(dataset)
                .matches(ids -> sdn == ids.contains("ofac-sdn-47700"));
        if (!sdn) {
            assertThat(j.getList("responses.q1.results.datasets.flatten()", String.class))
                    .as("only the list asked for").doesNotContain("us_ofac_sdn");
        }
    }

    @Test
    void an_unknown_dataset_and_a_list_not_loaded_here_are_not_found() {
        post("nonsense", company("Yilufa Electronics Ltd.")).then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void every_name_of_a_query_is_screened_and_an_entry_is_listed_once_with_its_best_score() {
        JsonPath one = post("default", company("Yilufa Electronics Ltd.")).then().statusCode(200).extract().jsonPath();
        JsonPath many = post("default", company("Nothing Like Any Listed Name", "Yilufa Electronics Ltd.",
                "Yilufa Electronic Limited")).then().statusCode(200).extract().jsonPath();
        assertThat(many.getList("responses.q1.results.id")).containsOnlyOnce("ofac-sdn-47700");
        assertThat(many.getDouble("responses.q1.results.find { it.id == 'ofac-sdn-47700' }.score"))
                .isEqualTo(one.getDouble("responses.q1.results.find { it.id == 'ofac-sdn-47700' }.score"));
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("exclude_dataset", "us_ofac_sdn", false),
                Arguments.of("exclude_dataset", "OFAC-SDN", false),
                Arguments.of("exclude_dataset", "un_sc_sanctions", true),
                Arguments.of("include_dataset", "un_sc_sanctions", false),
                Arguments.of("include_dataset", "us_ofac_sdn", true),
                Arguments.of("exclude_schema", "LegalEntity", false),
                Arguments.of("exclude_schema", "Person", true),
                Arguments.of("topics", "crime.cyber", false),
                Arguments.of("topics", "sanction", true),
                Arguments.of("exclude_entity_ids", "ofac-sdn-47700", false),
                Arguments.of("exclude_entity_ids", "ofac-sdn-1", true),
                Arguments.of("fuzzy", "false", true));
    }

    @ParameterizedTest
    @MethodSource("filters")
    void query_parameters_filter_the_results_as_yentes_do(String param, String value, boolean found) {
        JsonPath j = post("default", company("Yilufa Electronics Ltd."), param, value).then().statusCode(200)
                .extract().jsonPath();
        assertThat(j.getList("responses.q1.results.id").contains("ofac-sdn-47700")).as(param + "=" + value)
                .isEqualTo(found);
    }

    @ParameterizedTest
    @ValueSource(strings = {"best", "logic-v2", "logic-v1", "ofac", "ofac-249", "regression-v1", "regression-v2",
            "regression-v3", "er-unstable", "name-based", "name-qualified", "LOGIC-V2"})
    void every_algorithm_yente_knows_is_answered_by_this_matcher(String algorithm) {
        JsonPath j = post("default", company("Yilufa Electronics Ltd."), "algorithm", algorithm).then().statusCode(200)
                .extract().jsonPath();
        assertThat(j.getString("matcher.name")).isEqualTo(YenteAlgorithm.MATCHER);
        assertThat(j.getString("matcher.requested")).isEqualTo(algorithm.toLowerCase(java.util.Locale.ROOT));
        assertThat(j.getBoolean("matcher.qualified")).isEqualTo(!algorithm.startsWith("name-"));
        assertThat(j.getList("responses.q1.results.id")).contains("ofac-sdn-47700");
    }

    @Test
    void limit_threshold_and_cutoff_decide_what_is_listed_and_what_matches() {
        JsonPath j = post("default", company("Yilufa Electronic Limited"), "threshold", "0.999", "cutoff", "0.5",
                "limit", "1").then().statusCode(200).extract().jsonPath();
        assertThat(j.getInt("limit")).isEqualTo(1);
        List<Map<String, Object>> results = j.getList("responses.q1.results");
        assertThat(results).hasSize(1);
        assertThat(j.getInt("responses.q1.total.value")).isGreaterThanOrEqualTo(1);
        for (Map<String, Object> r : results) {
            assertThat(r.get("match")).isEqualTo(((Number) r.get("score")).doubleValue() >= 0.999);
        }
        // Without a cutoff nothing below the threshold is listed.
        JsonPath strict = post("default", company("Yilufa Electronic Limited"), "threshold", "0.999").then()
                .statusCode(200).extract().jsonPath();
        assertThat(strict.getList("responses.q1.results.match", Boolean.class)).allMatch(m -> m);
    }

    static Stream<Arguments> badRequests() {
        String person = "{\"queries\":{\"q1\":{\"schema\":\"Person\",\"properties\":{\"name\":[\"John Doe\"]%s}}}}";
        StringBuilder many = new StringBuilder("{\"queries\":{");
        for (int i = 0; i <= YenteMatchResource.MAX_QUERIES; i++) {
            many.append(i == 0 ? "" : ",").append("\"q").append(i)
                    .append("\":{\"schema\":\"Person\",\"properties\":{\"name\":[\"John Doe\"]}}");
        }
        many.append("}}");
        return Stream.of(
                Arguments.of("{}", Map.of(), "queries"),
                Arguments.of("{\"queries\":{}}", Map.of(), "queries"),
                Arguments.of("{\"queries\":[]}", Map.of(), "queries"),
                Arguments.of(many.toString(), Map.of(), "queries"),
                Arguments.of("{\"queries\":{\"q1\":{\"properties\":{\"name\":[\"John Doe\"]}}}}", Map.of(), "queries.q1.schema"),
                Arguments.of("{\"queries\":{\"fail\":{\"schema\":\"xxx\",\"properties\":{\"name\":\"Banana\"}}}}", Map.of(), "queries.fail.schema"),
                Arguments.of("{\"queries\":{\"q1\":{\"schema\":\"Person\",\"properties\":{\"birthDate\":[\"1970\"]}}}}", Map.of(), "queries.q1.properties.name"),
                Arguments.of("{\"queries\":{\"q1\":{\"schema\":\"Person\"}}}", Map.of(), "queries.q1.properties"),
                Arguments.of("{\"queries\":{\"q1\":\"John Doe\"}}", Map.of(), "queries.q1"),
                Arguments.of(person.formatted(",\"birthDate\":[\"yesterday\"]"), Map.of(), "queries.q1.properties.birthDate"),
                Arguments.of(person.formatted(",\"nationality\":[\"Atlantis\"]"), Map.of(), "queries.q1.properties.nationality"),
                Arguments.of(person.formatted(",\"country\":{\"a\":1}"), Map.of(), "queries.q1.properties.country"),
                Arguments.of("{\"queries\":{\"q1\":{\"schema\":\"Person\",\"properties\":{\"name\":[\"John Doe\"]}}},"
                        + "\"config\":{\"nm_number_mismatch\":0.4}}", Map.of(), "config.nm_number_mismatch"),
                Arguments.of(person.formatted(""), Map.of("algorithm", "neural-net"), "algorithm"),
                Arguments.of(person.formatted(""), Map.of("limit", "0"), "limit"),
                Arguments.of(person.formatted(""), Map.of("limit", "501"), "limit"),
                Arguments.of(person.formatted(""), Map.of("threshold", "1.5"), "threshold"),
                Arguments.of(person.formatted(""), Map.of("cutoff", "x"), "cutoff"),
                Arguments.of(person.formatted(""), Map.of("changed_since", "2024-01-01"), "changed_since"),
                Arguments.of("{\"queries\": {", Map.of(), "(body)"));
    }

    @ParameterizedTest
    @MethodSource("badRequests")
    void bad_input_is_a_400_problem_naming_the_field(String body, Map<String, String> params, String field) {
        var spec = given().contentType(ContentType.JSON).body(body);
        params.forEach(spec::queryParam);
        Response r = spec.post(MATCH + "default");
        r.then().statusCode(400).contentType(PROBLEM_JSON);
        assertThat(r.jsonPath().getList("errors.field", String.class)).as(r.asString()).contains(field);
    }

    /**
     * A yente client sends "Authorization: ApiKey KEY", which this service does not take: it must send a user's
     * credentials instead (docs/yente.md); a machine client may, as it may call GET /api/v1/screen.
     */
    @Test
    void a_machine_client_sends_basic_credentials_not_yentes_api_key() {
        String body = company("Yilufa Electronics Ltd.");
        io.restassured.RestAssured.given().auth().none().header("Authorization", "ApiKey 0123456789abcdef")
                .contentType(ContentType.JSON).body(body).post(MATCH + "default").then().statusCode(401)
                .contentType(PROBLEM_JSON);
        io.restassured.RestAssured.given().auth().preemptive().basic("batch-system", "machine-secret")
                .contentType(ContentType.JSON).body(body).post(MATCH + "default").then().statusCode(200)
                .body("responses.q1.results[0].id", equalTo("ofac-sdn-47700"));
        io.restassured.RestAssured.given().auth().preemptive().basic("scraper", "scraper-secret")
                .contentType(ContentType.JSON).body(body).post(MATCH + "default").then().statusCode(403);
    }

    @Test
    void without_the_lists_of_the_dataset_the_answer_is_a_503_never_an_empty_result() {
        try {
            ListFixtures.removeAll();
            post("default", company("Yilufa Electronics Ltd.")).then().statusCode(503).contentType(PROBLEM_JSON);
            post("OFAC-SDN", company("Yilufa Electronics Ltd.")).then().statusCode(503).contentType(PROBLEM_JSON)
                    .body("missingSources", equalTo(List.of("OFAC-SDN")));
        } finally {
            ListFixtures.restore();
        }
    }
}
