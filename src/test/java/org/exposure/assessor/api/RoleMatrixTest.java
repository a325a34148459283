package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the running service's OpenAPI document, with and without credentials and as each role: an
 * endpoint added later is in the document, so it fails here until its roles are written into {@link #EXPECTED}.
 * "Allowed" means neither 401 nor 403; the request may then fail validation (the bodies are minimal).
 */
@QuarkusTest
class RoleMatrixTest {
    private static final String UUID = "0190a3c2-0000-7000-8000-000000000000";
    private static final Set<Users> PEOPLE = EnumSet.of(Users.ANALYST, Users.REVIEWER, Users.ADMIN);
    private static final Set<Users> PEOPLE_AND_MACHINES = EnumSet.of(Users.ANALYST, Users.REVIEWER, Users.ADMIN, Users.MACHINE);
    private static final Set<Users> ADMIN = EnumSet.of(Users.ADMIN);
    private static final Set<Users> REVIEWERS = EnumSet.of(Users.REVIEWER, Users.ADMIN);

    /** Who may call each operation ("METHOD path" as in the OpenAPI document). */
    private static final Map<String, Set<Users>> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("POST /api/v1/assessments", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/assessments", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/assessments/{id}", PEOPLE_AND_MACHINES);
        EXPECTED.put("POST /api/v1/assessments/batch", PEOPLE_AND_MACHINES);
        EXPECTED.put("POST /api/v1/assessments/{id}/replay", PEOPLE);
        EXPECTED.put("POST /api/v1/batches", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/batches/{id}", PEOPLE_AND_MACHINES);
        EXPECTED.put("DELETE /api/v1/batches/{id}", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/batches/{id}/results", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/batches/{id}/errors", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/screen", PEOPLE_AND_MACHINES);
        EXPECTED.put("POST /api/v1/yente/match/{dataset}", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/rules", PEOPLE);
        EXPECTED.put("GET /api/v1/rules/{id}", PEOPLE);
        EXPECTED.put("GET /api/v1/rulesets", PEOPLE);
        EXPECTED.put("GET /api/v1/rulesets/{version}", PEOPLE);
        EXPECTED.put("POST /api/v1/rulesets/validate", ADMIN);
        EXPECTED.put("POST /api/v1/rulesets/{version}/trial", ADMIN);
        EXPECTED.put("POST /api/v1/rulesets", ADMIN);
        EXPECTED.put("POST /api/v1/rulesets/{version}/activations", ADMIN);
        EXPECTED.put("GET /api/v1/rulesets/activations", PEOPLE);
        EXPECTED.put("POST /api/v1/rulesets/activations/{id}/approval", ADMIN);
        EXPECTED.put("GET /api/v1/lists", PEOPLE);
        EXPECTED.put("GET /api/v1/lists/{source}/entries/{id}", PEOPLE);
        EXPECTED.put("POST /api/v1/lists/{source}", ADMIN);
        EXPECTED.put("POST /api/v1/lists/{source}/download", ADMIN);
        EXPECTED.put("POST /api/v1/lists/{source}/versions/{id}/confirm", ADMIN);
        EXPECTED.put("GET /api/v1/lists/{source}/versions/{id}/changes", PEOPLE);
        EXPECTED.put("GET /api/v1/changes", PEOPLE);
        EXPECTED.put("GET /api/v1/session", PEOPLE_AND_MACHINES);
        EXPECTED.put("GET /api/v1/audit", REVIEWERS);
        EXPECTED.put("GET /api/v1/audit/verify", REVIEWERS);
        EXPECTED.put("GET /api/v1/reviews", PEOPLE);
        EXPECTED.put("GET /api/v1/reviews/{id}", PEOPLE);
        EXPECTED.put("GET /api/v1/reviews/approvals", REVIEWERS);
        EXPECTED.put("POST /api/v1/reviews/{id}/assign", REVIEWERS);
        EXPECTED.put("POST /api/v1/reviews/{id}/comments", REVIEWERS);
        EXPECTED.put("POST /api/v1/reviews/{id}/matches/{matchId}/decision", REVIEWERS);
        EXPECTED.put("POST /api/v1/reviews/{id}/decision", REVIEWERS);
        EXPECTED.put("POST /api/v1/reviews/{id}/decisions/{decisionId}/approval", REVIEWERS);
        EXPECTED.put("GET /api/v1/dismissals", PEOPLE);
        EXPECTED.put("POST /api/v1/dismissals/{id}/revoke", REVIEWERS);
        EXPECTED.put("GET /api/v1/webhooks", ADMIN);
        EXPECTED.put("POST /api/v1/webhooks", ADMIN);
        EXPECTED.put("GET /api/v1/webhooks/{id}", ADMIN);
        EXPECTED.put("PATCH /api/v1/webhooks/{id}", ADMIN);
        EXPECTED.put("DELETE /api/v1/webhooks/{id}", ADMIN);
        EXPECTED.put("POST /api/v1/webhooks/{id}/rotate-secret", ADMIN);
        EXPECTED.put("GET /api/v1/webhooks/{id}/deliveries", ADMIN);
        EXPECTED.put("POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry", ADMIN);
        EXPECTED.put("POST /api/v1/webhooks/{id}/ping", ADMIN);
    }

    private static final List<String> OPERATIONS = new ArrayList<>();

    @BeforeEach
    void readOpenApi() {
        if (!OPERATIONS.isEmpty()) {
            return;
        }
        JsonNode doc = Api.tree(given().auth().none().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(Locale.ROOT);
                if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    OPERATIONS.add(method + " " + path.getKey());
                }
            }
        }
    }

    @Test
    @DisplayName("every operation of the OpenAPI document is under /api/v1 and has its roles in the table, and the other way round")
    void tableCoversTheDocument() {
        assertThat(OPERATIONS).as("operations of /q/openapi").isNotEmpty()
                .allSatisfy(op -> assertThat(op.split(" ", 2)[1]).startsWith("/api/v1/"));
        assertThat(new TreeSet<>(OPERATIONS)).as("the OpenAPI operations; a new one needs its roles in EXPECTED")
                .isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    @DisplayName("without credentials every /api/v1 operation answers 401 problem+json with a Basic challenge")
    void anonymousGets401() {
        for (String op : OPERATIONS) {
            Api.problem(send(given().auth().none(), op, false).then(), 401)
                    .response().then().header("WWW-Authenticate", startsWith("Basic "));
        }
    }

    @Test
    @DisplayName("analyst, reviewer, admin and machine: each operation allowed (not 401/403) exactly for its roles, else 403 problem+json")
    void roleTable() {
        List<String> wrong = new ArrayList<>();
        for (String op : OPERATIONS) {
            Set<Users> allowed = EXPECTED.getOrDefault(op, Set.of());
            for (Users user : List.of(Users.ANALYST, Users.REVIEWER, Users.ADMIN, Users.MACHINE)) {
                for (boolean multipart : op.equals("POST /api/v1/lists/{source}") ? List.of(false, true) : List.of(false)) {
                    io.restassured.response.Response r = send(user.given(), op, multipart);
                    int status = r.statusCode();
                    if (allowed.contains(user)) {
                        if (status == 401 || status == 403) {
                            wrong.add(op + (multipart ? " (multipart)" : "") + " as " + user + ": " + status + " " + r.asString());
                        }
                    } else if (status != 403 || !r.contentType().startsWith(Api.PROBLEM_JSON)) {
                        wrong.add(op + (multipart ? " (multipart)" : "") + " as " + user + ": expected 403 problem, got "
                                + status + " " + r.asString());
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The operation with its path parameters filled in and a minimal body. */
    private static io.restassured.response.Response send(RequestSpecification spec, String op, boolean multipart) {
        String method = op.split(" ", 2)[0];
        String path = op.split(" ", 2)[1].replace("{source}", "UN").replace("{id}", UUID).replace("{matchId}", "m1")
                .replace("{decisionId}", UUID).replace("{deliveryId}", UUID)
                .replace("{version}", "sha256:0000").replace("{dataset}", "default");
        if (method.equals("POST")) {
            if (path.equals("/api/v1/batches")) {
                // A CSV header not of the layout: refused before a job is made.
                spec = spec.contentType("text/csv").body("not,a,header\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (path.equals("/api/v1/lists/UN") && multipart) {
                spec = spec.multiPart("no-such-part", "x.csv", new byte[] {'x'}, "text/csv");
            } else if (path.equals("/api/v1/rulesets/validate")) {
                // Not a zip: refused before anything is compiled.
                spec = spec.contentType("application/zip").body(new byte[] {'x'});
            } else if (path.equals("/api/v1/lists/UN")) {
                // Not a UN file: refused as a whole, the version in force stays.
                spec = spec.contentType("application/octet-stream").body(new byte[] {'x'});
            } else {
                spec = spec.contentType("application/json").body("{}");
            }
        }
        return spec.request(method, path);
    }
}
