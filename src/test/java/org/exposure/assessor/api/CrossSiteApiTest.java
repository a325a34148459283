package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * A browser sends a text/plain or multipart POST to another site without a preflight, with the Basic credentials
 * it has cached for it: such a request must come from the service's own origin and carry the user's X-CSRF-Token.
 * Scripts (no Origin, no Sec-Fetch-*) are not concerned.
 */
@QuarkusTest
class CrossSiteApiTest {
    private static final String UN = "/api/v1/lists/UN";
    private static final String EVIL = "https://evil.example";
    private byte[] unFile;

    @BeforeEach
    void read() throws Exception {
        unFile = Files.readAllBytes(Path.of("src/test/resources/lists/UN/consolidated.xml"));
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    private static String token() {
        return given().get("/api/v1/session").then().statusCode(200).extract().path("csrfToken");
    }

    @Test
    @DisplayName("cross-site text/plain and multipart POSTs as admin from https://evil.example are 403 and import nothing, token or not")
    void crossSiteRefused() {
        long versions = Api.count("list_version");
        String detail = Api.problem(given().header("Origin", EVIL).contentType("text/plain").body(unFile).post(UN).then(), 403)
                .path("detail");
        assertThat(detail).contains("evil.example");
        Api.problem(given().header("Origin", EVIL).header("X-CSRF-Token", token()).contentType("text/plain").body(unFile)
                .post(UN).then(), 403);
        Api.problem(given().header("Origin", EVIL).multiPart("file", "consolidated.xml", unFile, "application/xml")
                .post(UN).then(), 403);
        Api.problem(given().header("Origin", EVIL).contentType("application/x-www-form-urlencoded").formParam("a", "b")
                .post(UN).then(), 403);
        // Sec-Fetch-Site without an Origin is a browser too; the origin is then unknown.
        Api.problem(given().header("Sec-Fetch-Site", "cross-site").contentType("text/plain").body(unFile).post(UN).then(), 403);
        // A cancel (DELETE, no body) from another site as well.
        Api.problem(given().header("Origin", EVIL).delete("/api/v1/batches/0190a3c2-0000-7000-8000-000000000000").then(), 403);
        assertThat(Api.count("list_version")).isEqualTo(versions);
    }

    @Test
    @DisplayName("from the service's own origin: accepted with the user's token, 403 without it or with another user's")
    void sameOriginNeedsTheToken() {
        Api.problem(given().header("Origin", ownOrigin()).contentType("text/plain").body(unFile).post(UN).then(), 403);
        String reviewerToken = Users.REVIEWER.given().get("/api/v1/session").then().extract().path("csrfToken");
        Api.problem(given().header("Origin", ownOrigin()).header("X-CSRF-Token", reviewerToken).contentType("text/plain")
                .body(unFile).post(UN).then(), 403);
        int status = given().header("Origin", ownOrigin()).header("X-CSRF-Token", token()).contentType("text/plain")
                .body(unFile).post(UN).then().extract().statusCode();
        assertThat(status).isIn(200, 201);
        status = given().header("Origin", ownOrigin()).header("X-CSRF-Token", token())
                .multiPart("file", "consolidated.xml", unFile, "application/xml").post(UN).then().extract().statusCode();
        assertThat(status).isIn(200, 201);
    }

    @Test
    @DisplayName("curl-like clients (no Origin, no Sec-Fetch-*) and JSON bodies, which need a preflight, are not concerned")
    void scriptsAndJsonPass() {
        assertThat(given().contentType("text/plain").body(unFile).post(UN).then().extract().statusCode()).isIn(200, 201);
        assertThat(given().multiPart("file", "consolidated.xml", unFile, "application/xml").post(UN).then().extract()
                .statusCode()).isIn(200, 201);
        given().header("Origin", EVIL).contentType(ContentType.JSON).body(Api.KZ_CHIPS).post(Api.ASSESSMENTS).then()
                .statusCode(201);
        // Safe methods are never refused.
        given().header("Origin", EVIL).get(Api.RULES).then().statusCode(200);
    }
}
