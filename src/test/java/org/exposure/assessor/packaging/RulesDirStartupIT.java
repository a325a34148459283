package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.rules.RuleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Starts the packaged application (target/quarkus-app) as a separate process with {@code assessor.rules.dir}
 * pointing at a copy of the rules, as an operator would: a broken rule must stop start-up with its file and
 * line, and a valid directory must replace the packaged rules.
 */
class RulesDirStartupIT {
    private Path rules;

    @BeforeEach
    void copyRules() throws IOException {
        assertThat(AppProcess.JAR).as("the packaged application; run through mvn verify").exists();
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
        try (AppProcess run = AppProcess.launch(log(), options())) {
            assertThat(run.process.waitFor(90, TimeUnit.SECONDS)).as("start-up ends").isTrue();
            assertThat(run.process.exitValue()).isNotZero();
            assertThat(run.output()).contains("rules/goods/broken.drl:6").doesNotContain("Listening on");
        }
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
        try (AppProcess run = AppProcess.launch(log(), options())) {
            assertThat(run.process.waitFor(90, TimeUnit.SECONDS)).as("start-up ends").isTrue();
            assertThat(run.process.exitValue()).isNotZero();
            assertThat(run.output()).contains("rules/goods/extra.drl:4", "legalBasis");
        }
    }

    @Test
    @DisplayName("a valid assessor.rules.dir replaces the packaged rules: its reference data and version are used")
    void overrideDirectoryIsUsed() throws Exception {
        // Make Norway a transshipment country in the copy only.
        Files.writeString(rules.resolve("reference/transshipment-countries.csv"), "NO,Norway,test\n", StandardOpenOption.APPEND);
        try (AppProcess run = AppProcess.start(log(), options())) {
            HttpResponse<String> ruleset = run.get("/api/v1/rules");
            assertThat(ruleset.statusCode()).isEqualTo(200);
            assertThat(ruleset.body()).contains(rules.toAbsolutePath().normalize().toString().replace("\\", "\\\\"));
            HttpResponse<String> created = run.post("/api/v1/assessments", "application/json",
                    "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"NO\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.body()).contains("GOODS-TRANSSHIPMENT", "Norway (NO)", "\"riskLevel\":\"SEVERE\"");
        }
    }

    @Test
    @DisplayName("the rules compiled at a start are kept, and the next start reads them instead of compiling; same verdict")
    void secondStartReadsTheCompiledRules() throws Exception {
        // A rules directory of this test's own, so no earlier start kept its compiled form.
        Files.writeString(rules.resolve("goods/goods.drl"), "\n// " + System.nanoTime() + "\n", StandardOpenOption.APPEND);
        String kept = "-Dassessor.rules.compiled.dir=" + rules.resolveSibling(rules.getFileName() + "-compiled").toAbsolutePath();
        String goods = "{\"type\":\"GOODS\",\"hsCode\":\"854231\",\"destinationCountry\":\"RU\"}";
        List<String> verdicts = new ArrayList<>();
        List<String> how = List.of("compiled in ", "compiled classes read from ");
        for (String expected : how) {
            List<String> options = new ArrayList<>(List.of(options()));
            options.add(kept);
            try (AppProcess run = AppProcess.start(log(), options.toArray(String[]::new))) {
                assertThat(run.output()).contains("Loaded 36 rules from", expected);
                HttpResponse<String> created = run.post("/api/v1/assessments", "application/json", goods);
                assertThat(created.statusCode()).isEqualTo(201);
                JsonNode body = new ObjectMapper().readTree(created.body());
                verdicts.add(body.get("riskLevel").asText() + " " + body.get("firedRules").findValuesAsText("ruleId"));
            }
            Files.delete(log());
        }
        assertThat(verdicts.get(0)).contains("GOODS-CHPL-T1", "GOODS-RESTRICTED-DEST");
        assertThat(verdicts.get(1)).isEqualTo(verdicts.get(0));
    }

    /** The jar with the rules copy as assessor.rules.dir; on H2, a private in-memory database. */
    private String[] options() {
        List<String> options = new ArrayList<>(List.of("-Dassessor.rules.dir=" + rules.toAbsolutePath()));
        if (!AppProcess.postgres()) {
            options.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:startup-it");
        }
        return options.toArray(String[]::new);
    }

    private Path log() {
        return rules.resolveSibling(rules.getFileName() + ".log");
    }
}
