package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.rules.RuleFiles;
import org.exposure.assessor.rulesets.Zips;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two instances of the packaged application on one database: a candidate stored through one, proposed there by one
 * admin and approved through the other by a second admin, is in force on both within their poll interval, without a
 * restart; the earlier version is brought back the same way. On H2 the instances share a file database in H2's
 * automatic mixed mode; with the PostgreSQL build, the suite's database.
 */
class RulesetActivationIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ADMIN2 = "-Dquarkus.security.users.embedded.users.admin2=admin2-secret";
    private static final String ADMIN2_ROLE = "-Dquarkus.security.users.embedded.roles.admin2=admin";

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return MAPPER.readTree(r.body());
    }

    private static String version(AppProcess app) throws Exception {
        return json(app.get("/api/v1/rules"), 200).get("version").asText();
    }

    /** Waits until the instance decides with {@code version}; the milliseconds it took. */
    private static long awaitVersion(AppProcess app, String version) throws Exception {
        long start = System.nanoTime();
        while (!version(app).equals(version)) {
            assertThat(System.nanoTime() - start).as("in force within 30 s").isLessThan(30_000_000_000L);
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String activate(AppProcess proposer, AppProcess approver, String version, String comment) throws Exception {
        String id = json(proposer.post("/api/v1/rulesets/" + version + "/activations", "application/json",
                "{\"comment\":\"" + comment + "\"}"), 201).get("id").asText();
        json(approver.post("/api/v1/rulesets/activations/" + id + "/approval", "application/json",
                "{\"approve\":true,\"note\":\"second pair of eyes\"}"), 200);
        return id;
    }

    @Test
    void anApprovedVersionIsInForceOnBothInstancesWithoutARestart() throws Exception {
        assertThat(AppProcess.JAR).as("the packaged application; run through mvn verify").exists();
        Path dir = Files.createDirectories(Path.of("target/it-activation/" + UUID.randomUUID()));
        List<String> options = new ArrayList<>(List.of(ADMIN2, ADMIN2_ROLE, "-Dassessor.rules.poll-interval=PT0.5S"));
        if (!AppProcess.postgres()) {
            options.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dir.toAbsolutePath().resolve("db") + ";AUTO_SERVER=TRUE");
        }
        String[] opts = options.toArray(String[]::new);
        try (AppProcess a = AppProcess.start(dir.resolve("a.log"), opts)) {
            a.awaitReady(120);
            try (AppProcess b = AppProcess.start(dir.resolve("b.log"), opts)) {
                b.awaitReady(120);
                b.as("admin2", "admin2-secret");
                String original = version(a);
                assertThat(version(b)).isEqualTo(original);

                Map<String, String> files = RuleFiles.russiaShareAt30Percent("activation " + UUID.randomUUID());
                JsonNode stored = json(a.post("/api/v1/rulesets?comment=" + URLEncoder.encode("threshold 30 %", StandardCharsets.UTF_8),
                        "application/zip", Zips.underRules(files)), 201);
                String raised = stored.get("version").asText();

                activate(a, b, raised, "raise the threshold");
                assertThat(awaitVersion(b, raised)).isLessThan(1000);
                long onA = awaitVersion(a, raised);
                JsonNode assessed = json(a.post("/api/v1/assessments", "application/json",
                        "{\"type\":\"BANK\",\"name\":\"Two Instances Bank\",\"country\":\"KZ\",\"russiaPaymentShare\":0.15}"), 201);
                assertThat(assessed.get("rulesetVersion").asText()).isEqualTo(raised);
                assertThat(assessed.get("firedRules").findValuesAsText("ruleId")).doesNotContain("FFI-RUSSIA-SHARE");
                assertThat(a.output()).contains("Ruleset in force: " + raised);
                assertThat(onA).as("the other instance followed within its poll interval and a compile").isLessThan(30_000);

                activate(a, b, original, "back");
                awaitVersion(a, original);
                awaitVersion(b, original);
            }
        }
    }
}
