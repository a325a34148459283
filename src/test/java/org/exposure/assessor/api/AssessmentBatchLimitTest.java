package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.BATCH;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.rows;
import static org.exposure.assessor.api.Api.tree;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.api.Api.Rows;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The batch limit is configuration (assessor.batch.max-size), not a constant: here it is 3. */
@QuarkusTest
@TestProfile(AssessmentBatchLimitTest.MaxThree.class)
class AssessmentBatchLimitTest {

    public static class MaxThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assessor.batch.max-size", "3");
        }
    }

    private static String subjects(int n, String subject) {
        return AssessmentBatchTest.batch(Collections.nCopies(n, subject));
    }

    @Test
    void oneMoreThanTheConfiguredMaximumIs413AndNothingIsStored() {
        Rows before = rows();
        ExtractableResponse<Response> r = problem(post(BATCH, subjects(4, "{\"type\":\"GOODS\",\"hsCode\":\"940360\"}")), 413);
        assertThat(r.<String>path("type")).isNotEqualTo("about:blank");
        assertThat(r.<String>path("detail")).contains("4").contains("3");
        assertThat(r.<List<String>>path("errors.field")).containsExactly("subjects");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anOversizedBatchIs413EvenWhenItsItemsAreInvalid() {
        Rows before = rows();
        problem(post(BATCH, subjects(5, "{\"type\":\"SHIP\"}")), 413);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void exactlyTheConfiguredMaximumIsAssessed() {
        Rows before = rows();
        JsonNode body = tree(post(BATCH, subjects(3, "{\"type\":\"GOODS\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"RU\"}"))
                .statusCode(200).extract().asString());
        assertThat(body.get("results")).hasSize(3);
        assertThat(body.at("/summary/SEVERE").asInt()).isEqualTo(3);
        AssessmentBatchTest.assertSummary(body);
        assertThat(rows().assessments()).isEqualTo(before.assessments() + 3);
    }
}
