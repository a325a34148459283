package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exposure.assessor.rules.RuleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application (target/quarkus-app) as a separate process with {@code assessor.rules.dir}
 * pointing at a copy of the rules, as an operator would: a broken rule must stop start-up with its file and
 * line, and a valid directory must replace the packaged rules.
 */
class RulesDirStartupIT {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private Path rules;

    @BeforeEach
    void copyRules() throws IOException {
        assertThat(JAR).as("the packaged application; run through mvn verify").exists();
        rules = RuleFiles.copyOfProjectRules("startup-it");
    }

    @Test
    @DisplayName("a DRL that does not compile in assessor.rules.dir stops start-up, naming the file and line")
    void brokenRuleStopsStartup() throws Exception {
        Files.writeString(rules.resolve("goods/broken.drl"), String.join("\n",
                "package rules.goods;",
                "",
                "rule \"Broken\"",
                "    @id(\"GOODS-BROKEN\") @title(\"t\") @severity(LOW) @legalBasis(\"l\") @remediation(\"r\")",
                "when",
                "    $g : NoSuchFact( x == )",
                "then",
                "end",
                ""));
        Run run = start();
        assertThat(run.process.waitFor(90, TimeUnit.SECONDS)).as("start-up ends").isTrue();
        assertThat(run.process.exitValue()).isNotZero();
        assertThat(run.output()).contains("rules/goods/broken.drl:6").doesNotContain("Listening on");
    }

    @Test
    @DisplayName("a rule without its metadata in assessor.rules.dir stops start-up, naming the file, line and key")
    void ruleWithoutMetadataStopsStartup() throws Exception {
        Files.writeString(rules.resolve("goods/extra.drl"), String.join("\n",
                "package rules.goods;",
                "import org.exposure.assessor.rules.GoodsLine;",
                "",
                "rule \"No legal basis\"",
                "    @id(\"GOODS-EXTRA\") @title(\"t\") @severity(LOW) @remediation(\"r\")",
                "when",
                "    GoodsLine( chpl )",
                "then",
                "end",
                ""));
        Run run = start();
        assertThat(run.process.waitFor(90, TimeUnit.SECONDS)).as("start-up ends").isTrue();
        assertThat(run.process.exitValue()).isNotZero();
        assertThat(run.output()).contains("rules/goods/extra.drl:4", "legalBasis");
    }

    @Test
    @DisplayName("a valid assessor.rules.dir replaces the packaged rules: its reference data and version are used")
    void overrideDirectoryIsUsed() throws Exception {
        // Make Norway a transshipment country in the copy only.
        Files.writeString(rules.resolve("reference/transshipment-countries.csv"), "NO,Norway,test\n", StandardOpenOption.APPEND);
        Run run = start();
        try {
            int port = run.awaitPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> ruleset = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ruleset.statusCode()).isEqualTo(200);
            assertThat(ruleset.body()).contains(rules.toAbsolutePath().normalize().toString().replace("\\", "\\\\"));
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"NO\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("GOODS-TRANSSHIPMENT", "Norway (NO)", "\"riskLevel\":\"SEVERE\"");
        } finally {
            run.process.destroy();
            run.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private record Run(Process process, Path log) {
        String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        int awaitPort() throws Exception {
            Pattern listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher m = listening.matcher(output());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("the application stopped:\n" + output());
                }
                Thread.sleep(200);
            }
            throw new AssertionError("the application did not start in 90 s:\n" + output());
        }
    }

    private Run start() throws IOException {
        Path log = rules.resolveSibling(rules.getFileName() + ".log");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dassessor.rules.dir=" + rules.toAbsolutePath(),
                "-Dquarkus.http.port=0",
                "-Dquarkus.http.host=127.0.0.1",
                "-jar", JAR.toString()));
        if (!AppProcess.postgres()) {
            // The jar is built for H2: give it a private in-memory database, whatever the environment says.
            cmd.add(cmd.size() - 2, "-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:startup-it");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        if (!AppProcess.postgres()) {
            pb.environment().keySet().removeIf(k -> k.startsWith("ASSESSOR_DB_"));
        }
        return new Run(pb.start(), log);
    }
}
