package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.ASSESSMENTS;
import static org.exposure.assessor.api.Api.BATCH;
import static org.exposure.assessor.api.Api.getTree;
import static org.exposure.assessor.api.Api.invalid;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.rows;
import static org.exposure.assessor.api.Api.tree;
import static org.exposure.assessor.api.Api.uniqueRef;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.api.Api.Rows;
import org.exposure.assessor.domain.RiskLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** POST /api/v1/assessments/batch with the default configuration (at most 1000 subjects). */
@QuarkusTest
class AssessmentBatchTest {

    static String batch(List<String> subjects) {
        return "{\"subjects\":[" + String.join(",", subjects) + "]}";
    }

    static String tinyGoods(int i) {
        return "{\"type\":\"GOODS\",\"ref\":\"tiny-" + i + "\",\"hsCode\":\"940360\"}";
    }

    @Test
    void mixedSubjectsAreAssessedInInputOrderWithTheirRefsAndASummary() {
        String goods = uniqueRef("batch-goods");
        String supplier = uniqueRef("batch-supplier");
        String bank = uniqueRef("batch-bank");
        Rows before = rows();
        JsonNode body = tree(post(BATCH, batch(List.of(
                "{\"type\":\"GOODS\",\"ref\":\"" + goods + "\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}",
                "{\"type\":\"SUPPLIER\",\"ref\":\"" + supplier + "\",\"name\":\"Xinda\",\"country\":\"DE\",\"website\":\"https://xinda.example\","
                        + "\"residentialAddress\":false,\"exports\":[{\"hsCode\":\"8482.10\",\"destinationCountry\":\"DE\",\"endUseStatement\":true,"
                        + "\"noReexportClause\":true,\"consignee\":{\"name\":\"Bosch\",\"country\":\"DE\",\"kind\":\"MANUFACTURER\"}}]}",
                "{\"type\":\"BANK\",\"ref\":\"" + bank + "\",\"name\":\"Harbin Bank\"}")))
                .statusCode(200).contentType(ContentType.JSON).extract().asString());

        JsonNode results = body.get("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("ref").asText()).isEqualTo(goods);
        assertThat(results.get(1).get("ref").asText()).isEqualTo(supplier);
        assertThat(results.get(2).get("ref").asText()).isEqualTo(bank);
        assertThat(results.get(0).at("/subject/type").asText()).isEqualTo("GOODS");
        assertThat(results.get(1).at("/subject/type").asText()).isEqualTo("SUPPLIER");
        assertThat(results.get(2).at("/subject/type").asText()).isEqualTo("BANK");
        assertThat(results.get(0).get("riskLevel").asText()).isEqualTo("SEVERE");
        assertThat(results.get(1).get("riskLevel").asText()).isEqualTo("MEDIUM");
        assertThat(results.get(2).get("riskLevel").asText()).isEqualTo("CLEAR");
        assertThat(results.get(0).at("/subject/hsCode").asText()).isEqualTo("854231");

        assertSummary(body);
        assertThat(body.get("summary").get("SEVERE").asInt()).isEqualTo(1);
        assertThat(body.get("summary").get("MEDIUM").asInt()).isEqualTo(1);
        assertThat(body.get("summary").get("CLEAR").asInt()).isEqualTo(1);

        Rows after = rows();
        assertThat(after.assessments()).isEqualTo(before.assessments() + 3);
        int fired = 0;
        for (JsonNode r : results) {
            fired += Api.fired(r).size();
            // Each result is stored exactly as returned.
            assertThat(getTree(ASSESSMENTS + "/" + r.get("id").asText())).isEqualTo(r);
        }
        assertThat(after.firedRules()).isEqualTo(before.firedRules() + fired);
    }

    /** Every risk level is listed, the counts sum to the number of results and match their risk levels. */
    static void assertSummary(JsonNode body) {
        JsonNode summary = body.get("summary");
        List<String> levels = new ArrayList<>();
        summary.fieldNames().forEachRemaining(levels::add);
        assertThat(levels).containsExactlyInAnyOrder(
                java.util.Arrays.stream(RiskLevel.values()).map(Enum::name).toArray(String[]::new));
        Map<String, Integer> counted = new HashMap<>();
        body.get("results").forEach(r -> counted.merge(r.get("riskLevel").asText(), 1, Integer::sum));
        int sum = 0;
        for (String level : levels) {
            int n = summary.get(level).asInt();
            assertThat(n).as("summary of %s", level).isEqualTo(counted.getOrDefault(level, 0));
            sum += n;
        }
        assertThat(sum).isEqualTo(body.get("results").size());
    }

    @Test
    void invalidItemsAreAllListedByIndexAndNothingIsStored() {
        Rows before = rows();
        ExtractableResponse<Response> r = invalid(post(BATCH, batch(List.of(
                        "{\"type\":\"GOODS\",\"hsCode\":\"8542.3\"}",
                        "{\"type\":\"GOODS\",\"ref\":\"" + uniqueRef("valid") + "\",\"hsCode\":\"854231\",\"destinationCountry\":\"KZ\"}",
                        "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"XX\",\"dualUseCode\":\"3Z001\"}"))),
                "subjects[0].hsCode", "subjects[2].destinationCountry", "subjects[2].dualUseCode");
        List<String> fields = r.path("errors.field");
        assertThat(fields).hasSize(3).noneMatch(f -> f.startsWith("subjects[1]"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void bindingErrorsAndMissingTypesInItemsAreListedByIndexToo() {
        Rows before = rows();
        ExtractableResponse<Response> r = invalid(post(BATCH, batch(List.of(
                        "{\"type\":\"SHIP\",\"name\":\"Ever Given\"}",
                        "{\"type\":\"BANK\",\"name\":\"B\"}",
                        "{\"type\":\"SUPPLIER\",\"name\":\"S\",\"owners\":[{\"name\":\"o\",\"sharePercent\":\"abc\"}]}",
                        "{\"hsCode\":\"854231\"}",
                        "42",
                        "{\"type\":\"GOODS\",\"hscode\":\"854231\"}"))),
                "subjects[0].type", "subjects[2].owners[0].sharePercent", "subjects[3].type", "subjects[4]",
                "subjects[5].hscode");
        List<String> fields = r.path("errors.field");
        assertThat(fields).noneMatch(f -> f.startsWith("subjects[1]"));
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theLastItemBeingInvalidStillStoresNothing() {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            subjects.add(tinyGoods(i));
        }
        subjects.add("{\"type\":\"BANK\",\"name\":\"B\",\"russiaPaymentShare\":1.5}");
        Rows before = rows();
        invalid(post(BATCH, batch(subjects)), "subjects[20].russiaPaymentShare");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void moreThanTheMaximumOf1000IsRefusedWith413AndNothingIsStored() {
        List<String> subjects = Collections.nCopies(1001, "{\"type\":\"GOODS\",\"hsCode\":\"940360\"}");
        Rows before = rows();
        ExtractableResponse<Response> r = problem(post(BATCH, batch(subjects)), 413);
        assertThat(r.<String>path("detail")).contains("1001").contains("1000");
        assertThat(r.<List<String>>path("errors.field")).contains("subjects");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void exactlyTheMaximumOf1000IsAssessed() {
        String ref = uniqueRef("thousand");
        List<String> subjects = Collections.nCopies(1000, "{\"type\":\"GOODS\",\"ref\":\"" + ref + "\",\"hsCode\":\"940360\"}");
        Rows before = rows();
        JsonNode body = tree(post(BATCH, batch(subjects)).statusCode(200).extract().asString());
        assertThat(body.get("results")).hasSize(1000);
        assertThat(body.at("/summary/CLEAR").asInt()).isEqualTo(1000);
        assertSummary(body);
        assertThat(rows().assessments()).isEqualTo(before.assessments() + 1000);
    }

    @Test
    void aBatchOfOneIsAccepted() {
        JsonNode body = tree(post(BATCH, batch(List.of(tinyGoods(1)))).statusCode(200).extract().asString());
        assertThat(body.get("results")).hasSize(1);
        assertSummary(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"subjects\":[]}", "{}", "{\"subjects\":null}", "{\"subjects\":\"GOODS\"}",
            "{\"subjects\":{\"type\":\"GOODS\",\"hsCode\":\"854231\"}}"})
    void anEmptyOrMissingListOfSubjectsIsRefused(String json) {
        Rows before = rows();
        invalid(post(BATCH, json), "subjects");
        assertThat(rows()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "[{\"type\":\"GOODS\",\"hsCode\":\"854231\"}]", "\"subjects\"", "null",
            "{\"subjects\":[", "{\"subjects\":[{\"type\":\"GOODS\",\"hsCode\":\"854231\"}],\"extra\":1}"})
    void aBodyThatIsNotABatchObjectIsRefused(String json) {
        Rows before = rows();
        ExtractableResponse<Response> r = problem(post(BATCH, json), 400);
        assertThat(r.<List<String>>path("errors.field")).isNotEmpty().allSatisfy(f -> assertThat(f).isNotBlank());
        assertThat(rows()).isEqualTo(before);
    }
}
