package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AssessmentApiTest {

    @Test
    void goodsChplTier1ToKazakhstanIsSevereAndReadableLater() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"type\":\"GOODS\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}")
                .when().post("/api/v1/assessments")
                .then().log().body().statusCode(201)
                .header("Location", containsString("/api/v1/assessments/"))
                .body("riskLevel", equalTo("SEVERE"))
                .body("firedRules.ruleId", hasItem("GOODS-CHPL-T1"))
                .body("rulesetVersion", startsWith("sha256:"))
                .extract().header("Location");
        given().when().get(location).then().log().body().statusCode(200).body("riskLevel", equalTo("SEVERE"));
    }

    @Test
    void errors() {
        given().contentType(ContentType.JSON).body("{\"type\":\"GOODS\",\"hsCode\":\"85423\"}")
                .post("/api/v1/assessments").then().log().body().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"type\":\"GOODS\",\"hsCode\":")
                .post("/api/v1/assessments").then().log().body().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"type\":\"SHIP\"}")
                .post("/api/v1/assessments").then().log().body().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"type\":\"SUPPLIER\",\"name\":\"x\",\"owners\":[{\"name\":\"a\",\"sharePercent\":\"abc\"}]}")
                .post("/api/v1/assessments").then().log().body().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"subjects\":[{\"type\":\"GOODS\",\"hsCode\":\"1\"},{\"type\":\"BANK\"},{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"XX\"}]}")
                .post("/api/v1/assessments/batch").then().log().body().statusCode(400);
        given().get("/api/v1/assessments/00000000-0000-0000-0000-000000000000").then().log().body().statusCode(404);
        given().get("/api/v1/rules/GOODS-CHPL-T1").then().statusCode(200);
        given().get("/api/v1/nothing").then().log().body().statusCode(404);
        given().get("/api/v1/assessments?riskLevel=FOO&size=0").then().log().body().statusCode(400);
    }
}
