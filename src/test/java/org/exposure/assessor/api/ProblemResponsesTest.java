package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.ASSESSMENTS;
import static org.exposure.assessor.api.Api.BATCH;
import static org.exposure.assessor.api.Api.KZ_CHIPS;
import static org.exposure.assessor.api.Api.invalid;
import static org.exposure.assessor.api.Api.noInternals;
import static org.exposure.assessor.api.Api.post;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.rows;

import java.util.List;
import java.util.stream.Stream;

import org.exposure.assessor.api.Api.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Every kind of bad input gets a 4xx application/problem+json (RFC 9457) that names the offending field, carries
 * no internals, and leaves the assessments table unchanged.
 */
@QuarkusTest
class ProblemResponsesTest {

    private static final String SUPPLIER = "{\"type\":\"SUPPLIER\",\"name\":\"Xinda\",";
    private static final String BANK = "{\"type\":\"BANK\",\"name\":\"Heihe Bank\",";
    private static final String GOODS = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",";

    static Stream<Arguments> badSubjects() {
        return Stream.of(
                // not JSON at all
                Arguments.of("malformed JSON, cut off", "{\"type\":\"GOODS\",\"hsCode\":", "(body)"),
                Arguments.of("malformed JSON, missing comma", "{\"type\":\"GOODS\" \"hsCode\":\"854231\"}", "(body)"),
                Arguments.of("malformed JSON, trailing garbage", "{\"type\":\"GOODS\",\"hsCode\":\"854231\"}}", "(body)"),
                Arguments.of("malformed JSON, single quotes", "{'type':'GOODS'}", "(body)"),
                Arguments.of("two JSON values", KZ_CHIPS + " " + KZ_CHIPS, "(body)"),
                // not an object
                Arguments.of("a JSON array", "[" + KZ_CHIPS + "]", "(body)"),
                Arguments.of("a bare string", "\"GOODS\"", "(body)"),
                Arguments.of("a number", "42", "(body)"),
                Arguments.of("JSON null", "null", "(body)"),
                Arguments.of("an empty object", "{}", "type"),
                // the kind
                Arguments.of("unknown type", "{\"type\":\"SHIP\",\"name\":\"Ever Given\"}", "type"),
                Arguments.of("type not a string", "{\"type\":7,\"hsCode\":\"854231\"}", "type"),
                Arguments.of("type null", "{\"type\":null,\"hsCode\":\"854231\"}", "type"),
                Arguments.of("missing type", "{\"hsCode\":\"854231\",\"destinationCountry\":\"KZ\"}", "type"),
                // required fields
                Arguments.of("missing hsCode for GOODS", "{\"type\":\"GOODS\",\"destinationCountry\":\"KZ\"}", "hsCode"),
                Arguments.of("null hsCode for GOODS", "{\"type\":\"GOODS\",\"hsCode\":null}", "hsCode"),
                Arguments.of("missing name for SUPPLIER", "{\"type\":\"SUPPLIER\",\"country\":\"HK\"}", "name"),
                Arguments.of("blank name for SUPPLIER", "{\"type\":\"SUPPLIER\",\"name\":\"  \"}", "name"),
                Arguments.of("missing name for BANK", "{\"type\":\"BANK\",\"country\":\"CN\"}", "name"),
                Arguments.of("missing export hsCode", SUPPLIER + "\"exports\":[{\"destinationCountry\":\"KZ\"}]}", "exports[0].hsCode"),
                Arguments.of("missing owner sharePercent", SUPPLIER + "\"owners\":[{\"name\":\"o\"}]}", "owners[0].sharePercent"),
                Arguments.of("null export", SUPPLIER + "\"exports\":[null]}", "exports[0]"),
                // ill-typed fields
                Arguments.of("hsCode as an object", "{\"type\":\"GOODS\",\"hsCode\":{\"code\":\"854231\"}}", "hsCode"),
                Arguments.of("hsCode as an array", "{\"type\":\"GOODS\",\"hsCode\":[\"854231\"]}", "hsCode"),
                Arguments.of("sharePercent \"abc\"", SUPPLIER + "\"owners\":[{\"name\":\"o\",\"sharePercent\":\"abc\"}]}", "owners[0].sharePercent"),
                Arguments.of("russiaPaymentShare \"high\"", BANK + "\"russiaPaymentShare\":\"high\"}", "russiaPaymentShare"),
                Arguments.of("incorporatedOn \"yesterday\"", SUPPLIER + "\"incorporatedOn\":\"yesterday\"}", "incorporatedOn"),
                Arguments.of("incorporatedOn 2023-02-30", SUPPLIER + "\"incorporatedOn\":\"2023-02-30\"}", "incorporatedOn"),
                Arguments.of("payment date 14/06/2024", BANK + "\"payments\":[{\"date\":\"14/06/2024\"}]}", "payments[0].date"),
                Arguments.of("exports as a string", SUPPLIER + "\"exports\":\"8542.31 to KZ\"}", "exports"),
                Arguments.of("owners as an object", SUPPLIER + "\"owners\":{\"name\":\"o\",\"sharePercent\":5}}", "owners"),
                Arguments.of("internationalExposure \"EXTREME\"", BANK + "\"internationalExposure\":\"EXTREME\"}", "internationalExposure"),
                Arguments.of("consignee.kind \"PIRATE\"", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"consignee\":{\"kind\":\"PIRATE\"}}]}", "exports[0].consignee.kind"),
                Arguments.of("noReexportClause \"maybe\"", GOODS + "\"noReexportClause\":\"maybe\"}", "noReexportClause"),
                Arguments.of("endUser as a string", GOODS + "\"endUser\":\"Kazan Instrument Plant\"}", "endUser"),
                Arguments.of("aliases as a string", GOODS + "\"aliases\":\"chips\"}", "aliases"),
                Arguments.of("valueUsd as an object", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"valueUsd\":{\"usd\":1}}]}", "exports[0].valueUsd"),
                // unknown fields
                Arguments.of("unknown field hscode", "{\"type\":\"GOODS\",\"hscode\":\"854231\"}", "hscode"),
                Arguments.of("unknown field beside valid ones", GOODS + "\"destination\":\"KZ\"}", "destination"),
                Arguments.of("unknown nested field", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"destCountry\":\"KZ\"}]}", "exports[0].destCountry"),
                Arguments.of("a GOODS field on a BANK", BANK + "\"hsCode\":\"854231\"}", "hsCode"),
                // codes
                Arguments.of("country XX", GOODS + "\"destinationCountry\":\"XX\"}", "destinationCountry"),
                Arguments.of("country Russia", GOODS + "\"destinationCountry\":\"Russia\"}", "destinationCountry"),
                Arguments.of("country alpha-3", GOODS + "\"originCountry\":\"RUS\"}", "originCountry"),
                Arguments.of("end user country", GOODS + "\"endUser\":{\"name\":\"x\",\"country\":\"Russia\"}}", "endUser.country"),
                Arguments.of("supplier country", SUPPLIER + "\"country\":\"ZZ\"}", "country"),
                Arguments.of("hsCode 8542.3", "{\"type\":\"GOODS\",\"hsCode\":\"8542.3\"}", "hsCode"),
                // 8 and 10 digits are national tariff codes, assessed under their HS-6; 7 and 9 are neither.
                Arguments.of("hsCode 8542310 (7 digits)", "{\"type\":\"GOODS\",\"hsCode\":\"8542310\"}", "hsCode"),
                Arguments.of("hsCode 8542.31.000 (9 digits)", "{\"type\":\"GOODS\",\"hsCode\":\"8542.31.000\"}", "hsCode"),
                Arguments.of("hsCode letters", "{\"type\":\"GOODS\",\"hsCode\":\"8542AB\"}", "hsCode"),
                Arguments.of("hsCode empty", "{\"type\":\"GOODS\",\"hsCode\":\"\"}", "hsCode"),
                Arguments.of("export hsCode 8542-31", SUPPLIER + "\"exports\":[{\"hsCode\":\"8542-31\"}]}", "exports[0].hsCode"),
                Arguments.of("payment hsCode", BANK + "\"payments\":[{\"hsCodes\":[\"854231\",\"85\"]}]}", "payments[0].hsCodes[1]"),
                Arguments.of("dualUseCode 3Z001", GOODS + "\"dualUseCode\":\"3Z001\"}", "dualUseCode"),
                Arguments.of("dualUseCode 3A01", GOODS + "\"dualUseCode\":\"3A01\"}", "dualUseCode"),
                Arguments.of("export dualUseCode", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"dualUseCode\":\"EAR99\"}]}", "exports[0].dualUseCode"),
                Arguments.of("invalid BIC", BANK + "\"correspondents\":[{\"name\":\"VTB\",\"bic\":\"VTB-RU\"}]}", "correspondents[0].bic"),
                Arguments.of("BIC of 9 characters", BANK + "\"correspondents\":[{\"name\":\"VTB\",\"bic\":\"VTBRRUMM1\"}]}", "correspondents[0].bic"),
                // A correspondent may be given by its BIC or identifiers instead of its name, not by neither.
                Arguments.of("correspondent without name or identifier", BANK + "\"correspondents\":[{\"country\":\"RU\"}]}", "correspondents[0].name"),
                Arguments.of("lineOfBusiness chapter 99", SUPPLIER + "\"lineOfBusiness\":[\"85\",\"99\"]}", "lineOfBusiness[1]"),
                Arguments.of("lineOfBusiness chapter 8", SUPPLIER + "\"lineOfBusiness\":[\"8\"]}", "lineOfBusiness[0]"),
                // numbers out of range
                Arguments.of("negative sharePercent", SUPPLIER + "\"owners\":[{\"name\":\"o\",\"sharePercent\":-5}]}", "owners[0].sharePercent"),
                Arguments.of("sharePercent over 100", SUPPLIER + "\"owners\":[{\"name\":\"o\",\"sharePercent\":100.01}]}", "owners[0].sharePercent"),
                Arguments.of("negative valueUsd", SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\",\"valueUsd\":-1}]}", "exports[0].valueUsd"),
                Arguments.of("negative amountUsd", BANK + "\"payments\":[{\"amountUsd\":-0.01}]}", "payments[0].amountUsd"),
                Arguments.of("russiaPaymentShare 1.5", BANK + "\"russiaPaymentShare\":1.5}", "russiaPaymentShare"),
                Arguments.of("negative russiaPaymentShare", BANK + "\"russiaPaymentShare\":-0.1}", "russiaPaymentShare"),
                // nested paths
                Arguments.of("owners[0].owners[1].sharePercent negative",
                        SUPPLIER + "\"owners\":[{\"name\":\"a\",\"sharePercent\":50,\"owners\":[{\"name\":\"b\",\"sharePercent\":10},{\"name\":\"c\",\"sharePercent\":-1}]}]}",
                        "owners[0].owners[1].sharePercent"),
                Arguments.of("owners[0].owners[1].sharePercent ill-typed",
                        SUPPLIER + "\"owners\":[{\"name\":\"a\",\"sharePercent\":50,\"owners\":[{\"name\":\"b\",\"sharePercent\":10},{\"name\":\"c\",\"sharePercent\":\"half\"}]}]}",
                        "owners[0].owners[1].sharePercent"),
                Arguments.of("exports[2].consignee.country",
                        SUPPLIER + "\"exports\":[{\"hsCode\":\"854231\"},{\"hsCode\":\"848210\"},{\"hsCode\":\"854231\",\"consignee\":{\"name\":\"x\",\"country\":\"XX\"}}]}",
                        "exports[2].consignee.country"),
                Arguments.of("payments[1].counterparty.country",
                        BANK + "\"payments\":[{\"amountUsd\":1},{\"counterparty\":{\"name\":\"x\",\"country\":\"Russia\"}}]}",
                        "payments[1].counterparty.country"),
                // sizes
                Arguments.of("ref too long", GOODS + "\"ref\":\"" + "r".repeat(201) + "\"}", "ref"),
                Arguments.of("blank alias", GOODS + "\"aliases\":[\"ok\",\" \"]}", "aliases[1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSubjects")
    void aBadSubjectIsA400ProblemNamingTheFieldAndNothingIsStored(String what, String json, String field) {
        Rows before = rows();
        invalid(post(ASSESSMENTS, json), field);
        assertThat(rows()).as("rows after %s", what).isEqualTo(before);
    }

    @ParameterizedTest(name = "in a batch: {0}")
    @MethodSource("badSubjects")
    void theSameBadSubjectInABatchIsNamedByItsIndexAndNothingIsStored(String what, String json, String field) {
        if (field.equals("(body)") && !json.startsWith("[") && !json.startsWith("\"") && !json.matches("\\d+|null")) {
            return; // malformed JSON is malformed for the whole batch; covered by AssessmentBatchTest
        }
        Rows before = rows();
        String expected = field.equals("(body)") ? "subjects[1]" : "subjects[1]." + field;
        if (json.startsWith("[")) {
            expected = "subjects[1]";
        }
        invalid(post(BATCH, "{\"subjects\":[" + KZ_CHIPS + "," + json + "]}"), expected);
        assertThat(rows()).as("rows after %s", what).isEqualTo(before);
    }

    @Test
    void everyInvalidFieldOfASubjectIsListedAtOnce() {
        ExtractableResponse<Response> r = invalid(post(ASSESSMENTS,
                        "{\"type\":\"GOODS\",\"hsCode\":\"1\",\"destinationCountry\":\"XX\",\"originCountry\":\"Russia\",\"dualUseCode\":\"3Z001\"}"),
                "hsCode", "destinationCountry", "originCountry", "dualUseCode");
        assertThat(r.<List<String>>path("errors.field")).hasSize(4);
        assertThat(r.<String>path("detail")).contains("4");
    }

    @Test
    void theProblemNamesTheRequestPathAsInstance() {
        ExtractableResponse<Response> r = invalid(post(ASSESSMENTS, "{\"type\":\"SHIP\"}"), "type");
        assertThat(r.<String>path("instance")).isEqualTo(ASSESSMENTS);
        assertThat(r.<String>path("type")).isEqualTo("/problems/validation");
    }

    @Test
    void noBodyIsA400Problem() {
        Rows before = rows();
        invalid(given().contentType(ContentType.JSON).when().post(ASSESSMENTS).then(), "(body)");
        invalid(given().contentType(ContentType.JSON).body("").when().post(ASSESSMENTS).then(), "(body)");
        invalid(given().contentType(ContentType.JSON).body("   ").when().post(ASSESSMENTS).then(), "(body)");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aDeeplyNestedBodyIsA400ProblemNotACrash() {
        Rows before = rows();
        String deep = "[".repeat(1500) + "]".repeat(1500);
        invalid(post(ASSESSMENTS, deep), "(body)");
        invalid(post(ASSESSMENTS, "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"aliases\":" + deep + "}"), "(body)");
        invalid(post(BATCH, "{\"subjects\":" + deep + "}"), "(body)");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aNonJsonContentTypeIs415() {
        Rows before = rows();
        for (ExtractableResponse<Response> r : List.of(
                problem(given().contentType(ContentType.TEXT).body(KZ_CHIPS).when().post(ASSESSMENTS).then(), 415),
                problem(given().contentType(ContentType.XML).body("<goods/>").when().post(ASSESSMENTS).then(), 415),
                problem(given().contentType(ContentType.TEXT).body("{\"subjects\":[" + KZ_CHIPS + "]}").when().post(BATCH).then(), 415))) {
            assertThat(r.<List<String>>path("errors.field")).containsExactly("Content-Type");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void anUnknownPathIs404Problem() {
        problem(given().when().get("/api/v1/nothing").then(), 404);
        problem(given().when().get(ASSESSMENTS + "/" + java.util.UUID.randomUUID() + "/rules").then(), 404);
        problem(given().contentType(ContentType.JSON).body(KZ_CHIPS).when().post("/api/v1/assessment").then(), 404);
    }

    @Test
    void aWrongMethodIsA405Problem() {
        Rows before = rows();
        problem(given().when().delete(ASSESSMENTS + "/" + java.util.UUID.randomUUID()).then(), 405);
        problem(given().contentType(ContentType.JSON).body(KZ_CHIPS).when().put(ASSESSMENTS).then(), 405);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void validInputNeverLeaksInternalsEither() {
        noInternals(post(ASSESSMENTS, KZ_CHIPS).statusCode(201).extract().asString());
    }
}
