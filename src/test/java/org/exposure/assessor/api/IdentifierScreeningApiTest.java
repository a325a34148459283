package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A bank's correspondents screened by their identifiers, against the OFAC SDN fixture as the only list in force:
 * its entry 17013, VTB BANK PUBLIC JOINT STOCK COMPANY, gives "SWIFT/BIC VTBRRUMM" and "Tax ID No. 7702070139
 * (Russia)" (an INN) in its remarks.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentifierScreeningApiTest {
    String versionId;

    @BeforeEach
    void importSdnOnce() {
        if (versionId != null) {
            return;
        }
        versionId = ListFixtures.onlySdn();
    }

    @AfterAll
    void startupLists() {
        ListFixtures.restore();
    }

    private static JsonPath assess(String correspondent) {
        String bank = """
                {"type":"BANK","name":"Heihe Rural Commercial Bank","country":"CN","internationalExposure":"LOW",
                 "correspondents":[%s]}""".formatted(correspondent);
        return given().contentType(ContentType.JSON).body(bank).post("/api/v1/assessments")
                .then().statusCode(201).extract().jsonPath();
    }

    /** The list matches of the correspondent, as the assessment's screening evidence gives them. */
    private static List<Map<String, Object>> correspondentMatches(JsonPath a) {
        return a.getList("firedRules.evidence.listMatches.flatten().findAll { it != null && it.path == 'correspondents[0]' }");
    }

    @Test
    void aCorrespondentGivenByItsBicAloneIsFoundOnTheSdnByIt() {
        JsonPath a = assess("{\"bic\":\"VTBRRUMMXXX\",\"country\":\"RU\"}");
        String json = a.prettify();
        assertThat(json).contains("\"entryId\": \"17013\"").contains("BIC VTBRRUMMXXX = VTBRRUMM");
        assertThat(a.getString("riskLevel")).as(json).isIn("SEVERE", "BLOCKED");
    }

    @Test
    void namesThatDifferCompletelyMatchByTheSameInn() {
        JsonPath a = assess("{\"name\":\"Roga i Kopyta\",\"country\":\"RU\",\"identifiers\":[{\"kind\":\"INN\",\"value\":\"7702 070 139\"}]}");
        String json = a.prettify();
        assertThat(json).contains("\"entryId\": \"17013\"").contains("INN 7702070139 = 7702070139");
    }

    @Test
    void aConflictingBicTakesAMatchingNameUnderTheThreshold() {
        JsonPath named = assess("{\"name\":\"VTB Bank PJSC\",\"country\":\"RU\"}");
        assertThat(named.prettify()).contains("\"entryId\": \"17013\"");
        JsonPath conflicting = assess("{\"name\":\"VTB Bank PJSC\",\"country\":\"RU\",\"bic\":\"DEUTDEFF\"}");
        assertThat(conflicting.prettify()).doesNotContain("\"entryId\": \"17013\"");
    }

    @Test
    void screeningOneIdentifierWithoutANameFindsTheEntryHoldingIt() {
        JsonPath r = given().queryParam("identifier", "BIC:VTBRRUMMXXX").get("/api/v1/screen")
                .then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("matches.entryId", String.class)).as(r.prettify()).containsExactly("17013");
        assertThat(r.prettify()).contains("BIC VTBRRUMMXXX = VTBRRUMM");
        JsonPath both = given().queryParam("name", "Roga i Kopyta").queryParam("identifier", "INN:7702070139")
                .get("/api/v1/screen").then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("matches.entryId", String.class)).contains("17013");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            INN:7702070138 | identifier[0] | is no INN: check digit does not match
            SWIFT:VTBRRUMM | identifier[0] | must be KIND:VALUE with KIND one of BIC, IMO, INN, OGRN, USCC, LEI, REGISTRATION, PASSPORT, NATIONAL_ID, TAX_ID, OTHER
            VTBRRUMM       | identifier[0] | must be KIND:VALUE with KIND one of BIC, IMO, INN, OGRN, USCC, LEI, REGISTRATION, PASSPORT, NATIONAL_ID, TAX_ID, OTHER
            """)
    void aScreenedIdentifierThatIsNoneIsAProblemNamingIt(String identifier, String field, String message) {
        JsonPath p = given().queryParam("identifier", identifier).get("/api/v1/screen")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(p.getList("errors.field", String.class)).containsExactly(field);
        assertThat(p.getList("errors.message", String.class)).containsExactly(message);
    }

    /** Every kind of party takes identifiers: owners at any depth, consignees, counterparties, the end user. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"SUPPLIER","name":"Alpha Ltd","country":"CY","owners":[{"name":"Beta Ltd","sharePercent":60,"owners":[{"name":"Roga i Kopyta","sharePercent":100,"identifiers":[{"kind":"INN","value":"7702070139"}]}]}]} | owners[0].owners[0]
            {"type":"SUPPLIER","name":"Alpha Ltd","country":"CY","exports":[{"hsCode":"8542.31","destinationCountry":"KZ","consignee":{"name":"Roga i Kopyta","identifiers":[{"kind":"INN","value":"7702070139"}]}}]} | exports[0].consignee
            {"type":"BANK","name":"Heihe Rural Commercial Bank","country":"CN","internationalExposure":"LOW","payments":[{"counterparty":{"identifiers":[{"kind":"BIC","value":"VTBRRUMM"}]},"amountUsd":1000}]} | payments[0].counterparty
            {"type":"GOODS","name":"STM32 microcontrollers","hsCode":"854231","destinationCountry":"AE","endUser":{"name":"Gulf Electronics FZE","identifiers":[{"kind":"INN","value":"7702070139"}]}} | endUser
            """)
    void everyPartyIsFoundByItsIdentifiers(String subject, String path) {
        JsonPath a = given().contentType(ContentType.JSON).body(subject).post("/api/v1/assessments")
                .then().statusCode(201).extract().jsonPath();
        List<Map<String, Object>> matches = a.getList("matches.findAll { it.path == '" + path + "' }");
        assertThat(matches).as(a.prettify()).isNotEmpty();
        assertThat(matches).extracting(m -> m.get("entryId")).contains("17013");
    }

    /** An identifier of an owner, consignee, counterparty or end user that is none is refused, naming its field. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"SUPPLIER","name":"Alpha Ltd","owners":[{"name":"Beta Ltd","sharePercent":60,"owners":[{"name":"Gamma","sharePercent":100,"identifiers":[{"kind":"OGRN","value":"1027739609390"}]}]}]} | owners[0].owners[0].identifiers[0].value
            {"type":"SUPPLIER","name":"Alpha Ltd","exports":[{"hsCode":"8542.31","destinationCountry":"KZ","consignee":{"name":"C","identifiers":[{"kind":"LEI","value":"253400JT3MQWNDKMJE45"}]}}]} | exports[0].consignee.identifiers[0].value
            {"type":"BANK","name":"B","country":"CN","internationalExposure":"LOW","payments":[{"counterparty":{"name":"P","identifiers":[{"kind":"IMO","value":"9123457"}]},"amountUsd":1}]} | payments[0].counterparty.identifiers[0].value
            {"type":"GOODS","name":"MCU","hsCode":"854231","destinationCountry":"AE","endUser":{"name":"E","identifiers":[{"kind":"TELEX","value":"123456"}]}} | endUser.identifiers[0].kind
            """)
    void aBadIdentifierOfAnyPartyIsAProblemNamingTheField(String subject, String field) {
        JsonPath p = given().contentType(ContentType.JSON).body(subject).post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(p.getList("errors.field", String.class)).as(p.prettify()).containsExactly(field);
    }

    /** A correspondent with an identifier that is none, or with neither a name nor an identifier, is refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"name":"X Bank","identifiers":[{"kind":"INN","value":"7702070139"},{"kind":"INN","value":"7702070138"}]} | correspondents[0].identifiers[1].value | is no INN: check digit does not match
            {"name":"X Bank","identifiers":[{"kind":"SWIFT","value":"VTBRRUMM"}]}                                  | correspondents[0].identifiers[0].kind  | must be one of BIC, IMO, INN, OGRN, USCC, LEI, REGISTRATION, PASSPORT, NATIONAL_ID, TAX_ID, OTHER
            {"name":"X Bank","identifiers":[{"kind":"BIC","value":"VTBRQQMM"}]}                                    | correspondents[0].identifiers[0].value | is no BIC: country code QQ is no ISO 3166 country
            {"name":"X Bank","identifiers":[{"kind":"LEI"}]}                                                       | correspondents[0].identifiers[0].value | must not be blank
            {"country":"RU"}                                                                                       | correspondents[0].name                 | must not be blank unless the bank is given by its bic or identifiers
            """)
    void badIdentifiersAreAProblemNamingTheField(String correspondent, String field, String message) {
        String bank = """
                {"type":"BANK","name":"Heihe Rural Commercial Bank","country":"CN","internationalExposure":"LOW",
                 "correspondents":[%s]}""".formatted(correspondent);
        JsonPath p = given().contentType(ContentType.JSON).body(bank).post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(p.getList("errors.field", String.class)).containsExactly(field);
        assertThat(p.getList("errors.message", String.class)).containsExactly(message);
    }
}
