package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.intake.SubjectMapper;
import org.exposure.assessor.intake.dto.SubjectDto;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.screening.Screener;
import org.exposure.assessor.screening.ScreeningIndex;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;

/**
 * An owner's date of birth, nationality and city against what the OFAC SDN fixture says of a listed person
 * (sdn.csv 6906 "AL-IRAQI, Abd al-Hadi": "DOB 1961; POB Mosul, Iraq; nationality Iraq"), and their validation.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListFactsApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENTRY = "6906";
    boolean imported;
    @Inject
    Screener screener;
    @Inject
    ScreeningIndex index;
    @Inject
    ObjectMapper mapper;

    // The SDN alone, so that the scores depend on this upload only.
    @BeforeEach
    void importSdnOnce() {
        if (imported) {
            return;
        }
        ListFixtures.onlySdn();
        imported = true;
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    private static String supplier(String ownerFacts) {
        return supplier("Abd al-Hadi al-Iraqi", ownerFacts);
    }

    private static String supplier(String owner, String ownerFacts) {
        return """
                {"type":"SUPPLIER","name":"Northbridge Components GmbH","country":"DE",
                 "owners":[{"name":"%s","sharePercent":60%s}]}""".formatted(owner, ownerFacts);
    }

    /** The score of the owner's match of the listed person in the assessment, 0 when it does not match. */
    private static double score(String owner, String ownerFacts) throws Exception {
        String body = given().contentType(ContentType.JSON).body(supplier(owner, ownerFacts)).post("/api/v1/assessments")
                .then().statusCode(201).extract().asString();
        for (JsonNode m : JSON.readTree(body).path("matches")) {
            if (m.path("entryId").asText().equals(ENTRY) && m.path("path").asText().equals("owners[0]")) {
                return m.path("score").asDouble();
            }
        }
        return 0;
    }

    /** The features of the owner's match as the screening gives them to the rules (the evidence of LIST-* rules). */
    private List<String> features(String ownerFacts) throws Exception {
        Subject subject = SubjectMapper.toDomain(mapper.readValue(supplier(ownerFacts), SubjectDto.class));
        List<String> out = new ArrayList<>();
        for (ListMatch m : screener.screen(subject, index.snapshot()).matches()) {
            if (m.entryId().equals(ENTRY)) {
                m.features().forEach(f -> out.add(String.valueOf(f.get("feature"))));
            }
        }
        return out;
    }

    @Test
    void anOwnerBornYearsApartScoresLowerAndOneBornTheSameYearHigher() throws Exception {
        String exact = "Abd al-Hadi al-Iraqi";
        double nameOnly = score(exact, "");
        double otherYear = score(exact, ",\"birthDate\":\"1975-03-02\"");
        assertThat(nameOnly).isPositive();
        assertThat(otherYear).isLessThan(nameOnly);
        assertThat(features(",\"birthDate\":\"1975-03-02\"")).contains("birthDate");
        assertThat(features("")).doesNotContain("birthDate", "nationality", "city");
        // a spelling that does not score 1 already: the same year raises it
        String near = "Abd al-Hadi al-Iraqy";
        double nearOnly = score(near, "");
        assertThat(nearOnly).isPositive().isLessThan(1);
        assertThat(score(near, ",\"birthDate\":\"1961-05-01\"")).isGreaterThan(nearOnly);
        // the nationality and the city of birth the list gives count too
        assertThat(score(near, ",\"nationality\":\"IQ\",\"city\":\"Mosul\"")).isGreaterThan(nearOnly);
        assertThat(score(exact, ",\"nationality\":\"NO\"")).isLessThan(nameOnly);
        assertThat(features(",\"nationality\":\"IQ\",\"city\":\"Mosul\"")).contains("nationality", "city");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "owners[0].birthDate|\"birthDate\":\"1899-12-31\"",
            "owners[0].birthDate|\"birthDate\":\"1961-13\"",
            "owners[0].birthDate|\"birthDate\":\"1961-02-30\"",
            "owners[0].birthDate|\"birthDate\":\"07 Oct 1952\"",
            "owners[0].birthDate|\"birthDate\":\"FUTURE\"",
            "owners[0].nationality|\"nationality\":\"XX\"",
            "owners[0].nationality|\"nationality\":\"Iraq\"",
            "owners[0].city|\"city\":\"LONG\""})
    void badFactsAreAProblemNamingTheField(String field, String fact) {
        String f = fact.replace("FUTURE", LocalDate.now(ZoneOffset.UTC).plusYears(1).getYear() + "")
                .replace("LONG", "M".repeat(201));
        given().contentType(ContentType.JSON).body(supplier("," + f)).post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void citiesOfOtherPartiesAreAccepted() {
        String bank = """
                {"type":"BANK","name":"Heihe Rural Commercial Bank","country":"CN","region":"Heilongjiang",
                 "correspondents":[{"name":"VTB Bank PJSC","country":"RU","city":"Moscow"}],
                 "payments":[{"counterparty":{"name":"Kazan Instrument Plant JSC","country":"RU","city":"Kazan"},
                   "hsCodes":["610910"],"destinationCountry":"RU","amountUsd":12000,"date":"2024-05-10"}]}""";
        given().contentType(ContentType.JSON).body(bank).post("/api/v1/assessments").then().statusCode(201);
        given().contentType(ContentType.JSON).body(bank.replace("\"Moscow\"", "\"" + "M".repeat(201) + "\""))
                .post("/api/v1/assessments").then().statusCode(400)
                .body("errors.field", hasItem("correspondents[0].city"));
    }
}
