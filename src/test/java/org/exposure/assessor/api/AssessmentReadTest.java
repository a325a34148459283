package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.ASSESSMENTS;
import static org.exposure.assessor.api.Api.BATCH;
import static org.exposure.assessor.api.Api.created;
import static org.exposure.assessor.api.Api.getTree;
import static org.exposure.assessor.api.Api.invalid;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.tree;
import static org.exposure.assessor.api.Api.uniqueRef;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** GET /api/v1/assessments/{id} and the listing GET /api/v1/assessments. */
@QuarkusTest
class AssessmentReadTest {

    private static String goods(String ref, String hs, String destination) {
        return "{\"type\":\"GOODS\",\"ref\":\"" + ref + "\",\"hsCode\":\"" + hs + "\",\"destinationCountry\":\"" + destination + "\"}";
    }

    private static JsonNode list(RequestSpecification query) {
        return tree(query.accept(ContentType.JSON).when().get(ASSESSMENTS).then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    // ---------------------------------------------------------------- by id

    @Test
    void anUnknownIdIsA404Problem() {
        String id = UUID.randomUUID().toString();
        ExtractableResponse<Response> r = problem(given().accept(ContentType.JSON).when().get(ASSESSMENTS + "/" + id).then(), 404);
        assertThat(r.<String>path("detail")).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "123", "00000000-0000-0000-0000-00000000000g", "%20"})
    void anIdThatIsNotAUuidIsA404Problem(String id) {
        problem(given().urlEncodingEnabled(false).when().get(ASSESSMENTS + "/" + id).then(), 404);
    }

    @Test
    void anIdIsReadTheSameWayInUpperCase() {
        JsonNode body = created(Api.KZ_CHIPS);
        String id = body.get("id").asText();
        assertThat(getTree(ASSESSMENTS + "/" + id.toUpperCase())).isEqualTo(body);
    }

    // ---------------------------------------------------------------- listing

    @Test
    void filteringByRefShowsOnlyThatRefNewestFirst() {
        String ref = uniqueRef("list-ref");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(created(goods(ref, "854231", "KZ")).get("id").asText());
        }
        created(goods(uniqueRef("other"), "854231", "KZ"));

        JsonNode page = list(given().queryParam("ref", ref));
        assertThat(page.get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        page.get("items").forEach(i -> assertThat(i.get("ref").asText()).isEqualTo(ref));
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertThat(ids(page)).containsExactlyElementsOf(newestFirst);
        // Items of the listing are the stored assessments, in full.
        for (JsonNode item : page.get("items")) {
            assertThat(getTree(ASSESSMENTS + "/" + item.get("id").asText())).isEqualTo(item);
        }
    }

    @Test
    void anUnknownRefGivesAnEmptyPage() {
        JsonNode page = list(given().queryParam("ref", uniqueRef("nobody")));
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("totalItems").asLong()).isZero();
        assertThat(page.get("totalPages").asInt()).isZero();
    }

    @Test
    void filteringByRiskLevelShowsOnlyThatLevel() {
        String ref = uniqueRef("list-risk");
        String severe = created(goods(ref, "854231", "KZ")).get("id").asText();
        String clear = created(goods(ref, "940360", "DE")).get("id").asText();
        String high = created(goods(ref, "940360", "RU")).get("id").asText();

        JsonNode onlySevere = list(given().queryParam("ref", ref).queryParam("riskLevel", "SEVERE"));
        assertThat(ids(onlySevere)).containsExactly(severe);
        assertThat(ids(list(given().queryParam("ref", ref).queryParam("riskLevel", "CLEAR")))).containsExactly(clear);
        assertThat(ids(list(given().queryParam("ref", ref).queryParam("riskLevel", "high")))).containsExactly(high);
        assertThat(ids(list(given().queryParam("ref", ref).queryParam("riskLevel", "BLOCKED")))).isEmpty();

        JsonNode allSevere = list(given().queryParam("riskLevel", "SEVERE").queryParam("size", 200));
        assertThat(allSevere.get("totalItems").asLong()).isPositive();
        allSevere.get("items").forEach(i -> assertThat(i.get("riskLevel").asText()).isEqualTo("SEVERE"));
    }

    @Test
    void pagesSplitTheResultsNewestFirstWithoutGapsOrRepeats() {
        String ref = uniqueRef("list-pages");
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subjects.add(goods(ref, "940360", "DE"));
        }
        JsonNode batch = tree(post(BATCH, "{\"subjects\":[" + String.join(",", subjects) + "]}").statusCode(200).extract().asString());
        List<String> newestFirst = new ArrayList<>();
        batch.get("results").forEach(r -> newestFirst.add(0, r.get("id").asText()));

        List<String> seen = new ArrayList<>();
        int[] expectedSizes = {2, 2, 1, 0};
        for (int p = 0; p < expectedSizes.length; p++) {
            JsonNode page = list(given().queryParam("ref", ref).queryParam("page", p).queryParam("size", 2));
            assertThat(page.get("page").asInt()).isEqualTo(p);
            assertThat(page.get("size").asInt()).isEqualTo(2);
            assertThat(page.get("totalItems").asLong()).isEqualTo(5);
            assertThat(page.get("totalPages").asInt()).isEqualTo(3);
            assertThat(page.get("items")).as("page %d", p).hasSize(expectedSizes[p]);
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertThat(new HashSet<>(seen)).hasSize(5);
    }

    @Test
    void theUnfilteredListingIsNewestFirst() {
        String first = created(Api.KZ_CHIPS).get("id").asText();
        String second = created(Api.KZ_CHIPS).get("id").asText();
        JsonNode page = list(given().queryParam("size", 2));
        assertThat(ids(page)).containsExactly(second, first);
        assertThat(page.get("totalItems").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theLargestPageSizeIsAccepted() {
        JsonNode page = list(given().queryParam("size", 200));
        assertThat(page.get("size").asInt()).isEqualTo(200);
        assertThat(page.get("items").size()).isLessThanOrEqualTo(200);
    }

    @Test
    void aPageFarBeyondTheEndIsEmptyNotAnError() {
        created(Api.KZ_CHIPS);
        JsonNode page = list(given().queryParam("page", 1_000_000).queryParam("size", 200));
        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("page").asInt()).isEqualTo(1_000_000);
        assertThat(page.get("totalItems").asLong()).isPositive();
    }

    /** page * size must not overflow into a negative offset (that was a 500). */
    @ParameterizedTest
    @CsvSource({"2147483647, 200", "2147483647, 1", "10737418, 200"})
    void aPageWhoseOffsetCannotBeAddressedIsA400NamingPage(int page, int size) {
        invalid(given().queryParam("page", page).queryParam("size", size).when().get(ASSESSMENTS).then(), "page");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "riskLevel, EXTREME",
            "riskLevel, 5",
            "size, 0",
            "size, -3",
            "size, 201",
            "size, abc",
            "size, 1.5",
            "page, -1",
            "page, abc",
            "page, 99999999999",
    })
    void anInvalidQueryParameterIsA400ProblemNamingIt(String name, String value) {
        ExtractableResponse<Response> r = invalid(given().queryParam(name, value).when().get(ASSESSMENTS).then(), name);
        assertThat(r.<List<String>>path("errors.field")).containsOnly(name);
    }

    @Test
    void everyInvalidQueryParameterIsListed() {
        invalid(given().queryParam("riskLevel", "FOO").queryParam("size", 0).queryParam("page", "x").when().get(ASSESSMENTS).then(),
                "riskLevel", "size", "page");
    }
}
