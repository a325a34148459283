package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web interface's doors, without a browser: who gets in, what a page refuses, and that an error is a page. The
 * browser tests show the same pages working; these hold wherever Chromium is missing too.
 */
@QuarkusTest
class WebAccessTest {

    /** The sign-in cookie of a user, as the sign-in form gets it. */
    static String signIn(String user, String password) {
        Response r = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("quarkus-credential");
    }

    @Test
    void aPageWithoutAUserSendsToTheSignInPageAndBack() {
        given().auth().none().redirects().follow(false).get("/assessments/new?kind=GOODS").then().statusCode(303)
                .header("Location", containsString("/login?next=%2Fassessments%2Fnew%3Fkind%3DGOODS"));
        given().auth().none().get("/login").then().statusCode(200).contentType(containsString("text/html"))
                .header("X-Frame-Options", "DENY").body(containsString("name=\"j_password\""));
    }

    @Test
    void theSignInCookieIsHttpOnlyAndSameSiteStrict() {
        Response r = given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "analyst").formParam("j_password", "analyst-secret").post("/j_security_check");
        String setCookie = r.getHeader("Set-Cookie");
        assertThat(setCookie).startsWith("quarkus-credential=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void aWrongPasswordReturnsToTheFormSaidSo() {
        given().auth().none().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("j_username", "analyst").formParam("j_password", "nope").post("/j_security_check")
                .then().statusCode(303).header("Location", containsString("/login?error=1"));
    }

    @Test
    void theSignInCookieAlsoOpensTheApi() {
        String cookie = signIn("reviewer", "reviewer-secret");
        given().auth().none().cookie("quarkus-credential", cookie).get("/api/v1/session").then().statusCode(200)
                .body("user", org.hamcrest.Matchers.equalTo("reviewer"));
    }

    @Test
    void aFormWithoutTheUsersTokenIsRefusedAndAssessesNothing() {
        String cookie = signIn("analyst", "analyst-secret");
        long before = count(cookie);
        given().auth().none().cookie("quarkus-credential", cookie).contentType(ContentType.URLENC)
                .formParam("_kind", "GOODS").formParam("hsCode", "8542.31").formParam("destinationCountry", "KZ")
                .post("/assessments/new").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("did not come from this service"));
        given().auth().none().cookie("quarkus-credential", cookie).contentType(ContentType.URLENC)
                .header("Origin", "https://evil.example").formParam("_kind", "GOODS").formParam("hsCode", "8542.31")
                .post("/assessments/new").then().statusCode(403);
        assertThat(count(cookie)).isEqualTo(before);
    }

    @Test
    void aRoleWithoutTheRightGetsAPageSayingSoNotJson() {
        String cookie = signIn("batch-system", "machine-secret");
        given().auth().none().cookie("quarkus-credential", cookie).get("/assessments/new").then().statusCode(403)
                .contentType(containsString("text/html")).body(not(containsString("\"status\"")));
    }

    @Test
    void anUnknownAssessmentOrPageIsA404Page() {
        String cookie = signIn("analyst", "analyst-secret");
        given().auth().none().cookie("quarkus-credential", cookie).get("/assessments/00000000-0000-0000-0000-000000000000")
                .then().statusCode(404).contentType(containsString("text/html")).body(containsString("does not exist"));
        given().auth().none().cookie("quarkus-credential", cookie).get("/assessments/not-a-uuid")
                .then().statusCode(404).contentType(containsString("text/html"));
        given().auth().none().cookie("quarkus-credential", cookie).get("/nowhere").then().statusCode(404)
                .contentType(startsWith("text/html")).body(not(containsString("\"type\"")));
    }

    @Test
    void theStartPageOffersWhatTheRoleMayDo() {
        String analyst = signIn("analyst", "analyst-secret");
        given().auth().none().cookie("quarkus-credential", analyst).get("/").then().statusCode(200)
                .body(containsString("Assess a supplier"), containsString("Latest assessments"),
                        not(containsString("for your approval")));
        String machine = signIn("batch-system", "machine-secret");
        given().auth().none().cookie("quarkus-credential", machine).get("/").then().statusCode(200)
                .body(not(containsString("Assess a supplier")), containsString("href=\"/batches\""));
    }

    @Test
    void signingInAfterAskingForAPageOfAnotherSiteLandsOnTheStartPage() {
        assertThat(WebPaths.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(WebPaths.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(WebPaths.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(WebPaths.safeNext("/api/v1/session")).isEqualTo("/");
        assertThat(WebPaths.safeNext("/assessments?page=2")).isEqualTo("/assessments?page=2");
    }

    private static long count(String cookie) {
        return given().auth().none().cookie("quarkus-credential", cookie).get("/api/v1/assessments?size=1")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }
}
