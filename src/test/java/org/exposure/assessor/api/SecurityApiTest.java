package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;

import org.exposure.assessor.batch.BatchResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Who may do what, beyond the role of each endpoint (RoleMatrixTest): credentials, ownership of batch jobs, the session. */
@QuarkusTest
class SecurityApiTest {

    private static void unauthorized(ValidatableResponse r) {
        Api.problem(r, 401).response().then().header("WWW-Authenticate", startsWith("Basic realm=\"assessor\""));
    }

    @Test
    @DisplayName("a wrong password, an unknown user and a Bearer token the service cannot check get 401 problem+json with a Basic challenge")
    void wrongCredentials() {
        unauthorized(given().auth().preemptive().basic("admin", "wrong").get(Api.RULES).then());
        unauthorized(given().auth().preemptive().basic("nobody", "admin-secret").get(Api.RULES).then());
        unauthorized(given().auth().none().header("Authorization", "Bearer not-a-token").get(Api.RULES).then());
        unauthorized(given().auth().none().post(Api.ASSESSMENTS).then());
    }

    @Test
    @DisplayName("accepted credentials are remembered, a wrong password never is: after the right one it is still 401, and"
            + " another user's password does not open an account that was just used")
    void rememberedCredentialsStaySafe() {
        Users.ANALYST.given().get(Api.RULES).then().statusCode(200);
        Users.ANALYST.given().get(Api.RULES).then().statusCode(200);
        unauthorized(given().auth().preemptive().basic("analyst", "wrong").get(Api.RULES).then());
        unauthorized(given().auth().preemptive().basic("analyst", "analyst-secret ").get(Api.RULES).then());
        unauthorized(given().auth().preemptive().basic("analyst", "reviewer-secret").get(Api.RULES).then());
        unauthorized(given().auth().preemptive().basic("analyst", "").get(Api.RULES).then());
        // The refusals did not evict the right password, and the remembered identity keeps the user's roles only.
        Users.ANALYST.given().get("/api/v1/session").then().statusCode(200).body("user", equalTo("analyst"))
                .body("roles", equalTo(List.of("analyst")));
        Api.problem(Users.ANALYST.given().contentType("application/octet-stream").body(new byte[] {'x'})
                .post("/api/v1/lists/UN").then(), 403);
        Users.REVIEWER.given().get("/api/v1/session").then().statusCode(200).body("user", equalTo("reviewer"));
        unauthorized(given().auth().preemptive().basic("reviewer", "analyst-secret").get(Api.RULES).then());
    }

    @Test
    @DisplayName("an unknown path under /api/v1 is 401 without credentials and 404 with them; health and OpenAPI stay open")
    void unknownPathsAndOpenEndpoints() {
        unauthorized(given().auth().none().get("/api/v1/no-such-thing").then());
        unauthorized(given().auth().none().get("/api/v1").then());
        Api.problem(given().get("/api/v1/no-such-thing").then(), 404);
        given().auth().none().get("/q/health/live").then().statusCode(200);
        given().auth().none().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("basic"))
                .body("paths.'/api/v1/rules'.get.security[0].SecurityScheme", equalTo(List.of("analyst")))
                .body("paths.'/api/v1/rules'.get.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    @DisplayName("403 is problem+json naming the user; the analyst may not replace a list")
    void forbiddenIsAProblem() {
        String body = Api.problem(Users.ANALYST.given().contentType("application/octet-stream").body(new byte[] {'x'})
                .post("/api/v1/lists/UN").then(), 403).asString();
        assertThat(body).contains("analyst");
        Api.problem(Users.MACHINE.given().get(Api.RULES).then(), 403);
    }

    @Test
    @DisplayName("GET /api/v1/session: the user, its roles with the implied ones, and its X-CSRF-Token")
    void session() {
        given().get("/api/v1/session").then().statusCode(200).body("user", equalTo("admin"))
                .body("roles", equalTo(List.of("admin", "analyst", "reviewer")))
                .body("csrfToken", not(equalTo("")));
        Users.REVIEWER.given().get("/api/v1/session").then().statusCode(200)
                .body("roles", equalTo(List.of("analyst", "reviewer")));
        Users.MACHINE.given().get("/api/v1/session").then().statusCode(200)
                .body("user", equalTo("batch-system")).body("roles", equalTo(List.of("machine")));
        String admin = given().get("/api/v1/session").then().extract().path("csrfToken");
        String reviewer = Users.REVIEWER.given().get("/api/v1/session").then().extract().path("csrfToken");
        assertThat(admin).isNotEqualTo(reviewer).isEqualTo(given().get("/api/v1/session").then().extract().path("csrfToken"));
    }

    @Test
    @DisplayName("a machine client sees its own batch jobs only: another's job is 404 as an unknown id")
    void machineSeesOnlyItsOwnJobs() {
        String adminJob = submit(Users.ADMIN);
        String ownJob = submit(Users.MACHINE);
        for (String sub : List.of("", "/results", "/errors")) {
            Api.problem(Users.MACHINE.given().get("/api/v1/batches/" + adminJob + sub).then(), 404);
            Users.MACHINE.given().get("/api/v1/batches/" + ownJob + sub).then().statusCode(200);
            // a person sees every job
            Users.ANALYST.given().get("/api/v1/batches/" + ownJob + sub).then().statusCode(200);
        }
        Api.problem(Users.MACHINE.given().delete("/api/v1/batches/" + adminJob).then(), 404);
        Users.MACHINE.given().get("/api/v1/batches/" + ownJob).then().body("id", equalTo(ownJob));
    }

    @Test
    @DisplayName("a machine client reads the assessments it submitted only: another's is 404, the listing holds its own")
    void machineSeesOnlyItsOwnAssessments() {
        String ref = Api.uniqueRef("machine-own");
        String body = "{\"type\":\"GOODS\",\"ref\":\"" + ref + "\",\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}";
        String own = Users.MACHINE.given().contentType(ContentType.JSON).body(body).post(Api.ASSESSMENTS).then()
                .statusCode(201).extract().path("id");
        String analysts = Users.ANALYST.given().contentType(ContentType.JSON).body(body).post(Api.ASSESSMENTS).then()
                .statusCode(201).extract().path("id");
        Users.MACHINE.given().get(Api.ASSESSMENTS + "/" + own).then().statusCode(200).body("submittedBy", equalTo("batch-system"));
        Api.problem(Users.MACHINE.given().get(Api.ASSESSMENTS + "/" + analysts).then(), 404);
        assertThat(Users.MACHINE.given().queryParam("ref", ref).get(Api.ASSESSMENTS).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).containsExactly(own);
        // A person reads both.
        assertThat(Users.ANALYST.given().queryParam("ref", ref).get(Api.ASSESSMENTS).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class)).containsExactlyInAnyOrder(own, analysts);
    }

    @Test
    @DisplayName("a job is cancelled by its creator or an admin: the analyst gets 403 on admin's job, admin may cancel the analyst's")
    void whoMayCancel() {
        String adminJob = submit(Users.ADMIN);
        String body = Api.problem(Users.ANALYST.given().delete("/api/v1/batches/" + adminJob).then(), 403).asString();
        assertThat(body).contains("admin");
        Api.problem(Users.REVIEWER.given().delete("/api/v1/batches/" + adminJob).then(), 403);
        // The creator and an admin pass the check: what follows is the job's own state (cancelled, or 409 once done).
        String analystJob = submit(Users.ANALYST);
        assertThat(Users.ADMIN.given().delete("/api/v1/batches/" + analystJob).then().extract().statusCode()).isIn(200, 409);
        assertThat(Users.ADMIN.given().delete("/api/v1/batches/" + adminJob).then().extract().statusCode()).isIn(200, 409);
        String machineJob = submit(Users.MACHINE);
        assertThat(Users.MACHINE.given().delete("/api/v1/batches/" + machineJob).then().extract().statusCode()).isIn(200, 409);
    }

    @Test
    @DisplayName("implied roles: a reviewer may do what an analyst may, but not what only an admin may")
    void implicitRolesAllowAdminEverywhere() {
        given().get("/api/v1/session").then().body("roles", hasItems("admin", "reviewer", "analyst"));
        Users.REVIEWER.given().get(Api.RULES).then().statusCode(200);
        Api.problem(Users.REVIEWER.given().post("/api/v1/lists/UN/download").then(), 403)
                .response().then().body("detail", containsString("reviewer"));
    }

    private static String submit(Users user) {
        return user.given().contentType(BatchResource.JSONL).body((Api.KZ_CHIPS + "\n" + Api.KZ_CHIPS + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/batches").then().statusCode(202).contentType(ContentType.JSON).extract().path("id");
    }
}
