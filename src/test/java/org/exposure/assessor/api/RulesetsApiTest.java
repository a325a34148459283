package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.problem;
import static org.exposure.assessor.api.Api.tree;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exposure.assessor.rules.RulesetFiles;
import org.exposure.assessor.rulesets.CompileGate;
import org.exposure.assessor.rulesets.RulesetRegistry;
import org.exposure.assessor.rulesets.Zips;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;

/** GET /api/v1/rulesets, /api/v1/rulesets/{version} and POST /api/v1/rulesets/validate. */
@QuarkusTest
class RulesetsApiTest {
    private static final String RULESETS = "/api/v1/rulesets";
    private static final String VALIDATE = RULESETS + "/validate";
    /** The project's rules/, which the build packages: the ruleset in force in the tests. */
    private static final Map<String, String> PROJECT = RulesetFiles.fromDirectory(Path.of("rules")).files();

    @Inject
    RulesetRegistry registry;
    @Inject
    CompileGate gate;

    private static String inForce() {
        return Api.getTree(Api.RULES).get("version").asText();
    }

    private static ValidatableResponse validate(byte[] zip) {
        return given().contentType("application/zip").body(zip).when().post(VALIDATE).then();
    }

    private static JsonNode report(byte[] zip) {
        return tree(validate(zip).statusCode(200).extract().asString());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("the ruleset in force was stored at start-up by system, with every file, and is listed as in force")
    void inForceIsStored() throws Exception {
        String version = inForce();
        JsonNode list = tree(Users.ANALYST.given().get(RULESETS).then().statusCode(200).extract().asString());
        assertThat(list.get("inForce").asText()).isEqualTo(version);
        JsonNode mine = null;
        for (JsonNode v : list.get("versions")) {
            if (v.get("version").asText().equals(version)) {
                mine = v;
            }
        }
        assertThat(mine).as("the version in force is stored").isNotNull();
        assertThat(mine.get("inForce").asBoolean()).isTrue();
        assertThat(mine.get("registeredBy").asText()).isEqualTo("system");
        assertThat(mine.get("origin").asText()).isNotBlank();
        assertThat(mine.get("comment").asText()).contains("in force at start-up, read from " + mine.get("origin").asText());
        assertThat(mine.get("fileCount").asInt()).isEqualTo(PROJECT.size());

        JsonNode detail = tree(Users.ANALYST.given().get(RULESETS + "/" + version).then().statusCode(200).extract().asString());
        assertThat(detail.at("/version/version").asText()).isEqualTo(version);
        Map<String, JsonNode> files = new TreeMap<>();
        detail.get("files").forEach(f -> files.put(f.get("path").asText(), f));
        assertThat(files.keySet()).isEqualTo(PROJECT.keySet());
        String drl = PROJECT.get("goods/goods.drl");
        assertThat(files.get("goods/goods.drl").get("sha256").asText()).isEqualTo(sha256(drl));
        assertThat(files.get("goods/goods.drl").get("size").asLong()).isEqualTo(drl.getBytes(StandardCharsets.UTF_8).length);
        List<String> ids = new ArrayList<>();
        detail.get("rules").forEach(r -> ids.add(r.get("id").asText()));
        assertThat(ids).contains("GOODS-CHPL-T1", "FFI-SPFS", "OWN-50", "LIST-SDN").isSorted();
        JsonNode t1 = detail.get("rules").get(ids.indexOf("GOODS-CHPL-T1"));
        assertThat(t1.get("severity").asText()).isEqualTo("HIGH");
        assertThat(t1.get("title").asText()).contains("tier 1");

        JsonNode file = tree(given().queryParam("file", "goods/goods.drl").get(RULESETS + "/" + version)
                .then().statusCode(200).extract().asString());
        assertThat(file.get("content").asText()).isEqualTo(drl);
        assertThat(file.get("sha256").asText()).isEqualTo(sha256(drl));
    }

    @Test
    @DisplayName("an unknown version, an unknown file, an unknown base of a diff: 404 problems naming it")
    void unknown() {
        problem(given().get(RULESETS + "/sha256:" + "0".repeat(64)).then(), 404);
        String version = inForce();
        JsonNode noFile = tree(problem(given().queryParam("file", "goods/nope.drl").get(RULESETS + "/" + version).then(), 404).asString());
        assertThat(noFile.at("/errors/0/field").asText()).isEqualTo("file");
        JsonNode noBase = tree(problem(given().queryParam("against", "sha256:feed").get(RULESETS + "/" + version).then(), 404).asString());
        assertThat(noBase.at("/errors/0/field").asText()).isEqualTo("against");
        Api.invalid(given().queryParam("file", "a").queryParam("against", "b").get(RULESETS + "/" + version).then(), "file", "against");
    }

    @Test
    @DisplayName("a second version registered, its diff against the one in force: files added, removed, changed as unified diffs, rules added")
    void diffAgainstAnotherVersion() {
        Map<String, String> files = new TreeMap<>(PROJECT);
        files.put("goods/goods.drl", PROJECT.get("goods/goods.drl").replace("@title(\"Common High Priority List, tier 1",
                "@title(\"CHPL, tier 1"));
        files.remove("lists/examples/lists.yaml");
        files.put("extra/extra.drl", "package rules.extra;\n\nrule \"Extra\"\n    @id(\"EXTRA-1\")\n    @title(\"Extra\")\n"
                + "    @severity(LOW)\n    @legalBasis(\"none\")\n    @remediation(\"none\")\nwhen\n    eval(false)\nthen\nend\n");
        RulesetFiles variant = RulesetFiles.of("a test variant", files);
        assertThat(registry.register(variant, "admin", "a variant for the diff")).isTrue();
        assertThat(registry.register(variant, "admin", "again")).as("registered once").isFalse();

        JsonNode list = tree(given().get(RULESETS).then().statusCode(200).extract().asString());
        assertThat(list.at("/versions/0/version").asText()).as("newest first").isEqualTo(variant.version());
        assertThat(list.at("/versions/0/inForce").asBoolean()).isFalse();
        assertThat(list.at("/versions/0/comment").asText()).isEqualTo("a variant for the diff");

        JsonNode diff = tree(given().queryParam("against", inForce()).get(RULESETS + "/" + variant.version())
                .then().statusCode(200).extract().asString());
        assertThat(diff.get("added")).extracting(JsonNode::asText).containsExactly("extra/extra.drl");
        assertThat(diff.get("removed")).extracting(JsonNode::asText).containsExactly("lists/examples/lists.yaml");
        assertThat(diff.get("changed")).hasSize(1);
        assertThat(diff.at("/changed/0/path").asText()).isEqualTo("goods/goods.drl");
        assertThat(diff.at("/changed/0/diff").asText()).startsWith("--- a/goods/goods.drl\n+++ b/goods/goods.drl\n@@ ")
                .contains("\n-    @title(\"Common High Priority List, tier 1").contains("\n+    @title(\"CHPL, tier 1");
        assertThat(diff.get("rulesAdded")).extracting(JsonNode::asText).containsExactly("EXTRA-1");
        assertThat(diff.get("rulesRemoved")).isEmpty();

        Api.getTree(Api.RULES);
        assertThat(inForce()).as("registering a version does not put it in force").isNotEqualTo(variant.version());
    }

    @Test
    @DisplayName("two registrations of the same new version at once, as instances starting together: stored once, neither fails")
    void registeredOnceWhenConcurrent() throws Exception {
        Map<String, String> files = new TreeMap<>(PROJECT);
        files.put("reference/notes.txt", "registered concurrently " + java.util.UUID.randomUUID() + "\n");
        RulesetFiles variant = RulesetFiles.of("a concurrent registration", files);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.Callable<Boolean> register = () -> {
                start.await();
                return registry.register(variant, "admin", "race");
            };
            var first = pool.submit(register);
            var second = pool.submit(register);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        JsonNode detail = tree(given().get(RULESETS + "/" + variant.version()).then().statusCode(200).extract().asString());
        assertThat(detail.get("files")).hasSize(files.size());
        long stored = 0;
        for (JsonNode v : tree(given().get(RULESETS).then().extract().asString()).get("versions")) {
            stored += v.get("version").asText().equals(variant.version()) ? 1 : 0;
        }
        assertThat(stored).isEqualTo(1);
    }

    @Test
    @DisplayName("validate the ruleset in force, zipped as its folder: valid, the same version, nothing added or removed, nothing stored")
    void validateTheRulesetInForce() {
        long versions = Api.count("ruleset_version");
        JsonNode report = report(Zips.underRules(PROJECT));
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("version").asText()).isEqualTo(inForce());
        assertThat(report.get("problems")).isEmpty();
        assertThat(report.at("/examples/run").asInt()).isGreaterThanOrEqualTo(25);
        assertThat(report.at("/examples/passed").asInt()).isEqualTo(report.at("/examples/run").asInt());
        assertThat(report.get("rules").size()).isEqualTo(Api.getTree(Api.RULES).get("rules").size());
        assertThat(report.at("/againstInForce/inForce").asText()).isEqualTo(inForce());
        assertThat(report.at("/againstInForce/rulesAdded")).isEmpty();
        assertThat(report.at("/againstInForce/rulesRemoved")).isEmpty();
        assertThat(report.at("/againstInForce/rulesChanged")).isEmpty();
        assertThat(Api.count("ruleset_version")).isEqualTo(versions);
    }

    @Test
    @DisplayName("validate a ruleset that does not compile, with a failing example and a broken code list: each problem with kind, file and line; nothing changes")
    void validateABrokenRuleset() {
        String before = inForce();
        long versions = Api.count("ruleset_version");
        Map<String, String> files = new TreeMap<>(PROJECT);
        files.put("goods/broken.drl", "package rules.goods;\n\nimport org.exposure.assessor.rules.GoodsLine;\n\n"
                + "rule \"Broken syntax\"\n    @id(\"GOODS-BROKEN\")\nwhen\n    $g : GoodsLine( chplTierNumber == )\nthen\nend\n");
        files.put("reference/chpl.csv", PROJECT.get("reference/chpl.csv").replaceFirst("(?m)^(\\d{6}),1,", "$1,9,"));
        files.remove("ownership/ownership.drl");
        JsonNode report = report(Zips.of(files));
        assertThat(report.get("valid").asBoolean()).isFalse();
        List<JsonNode> problems = new ArrayList<>();
        report.get("problems").forEach(problems::add);
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("kind").asText()).isEqualTo("COMPILE");
            assertThat(p.get("file").asText()).isEqualTo("rules/goods/broken.drl");
            assertThat(p.get("line").asInt()).isEqualTo(8);
        });
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("kind").asText()).isEqualTo("REFERENCE_DATA");
            assertThat(p.get("file").asText()).isEqualTo("rules/reference/chpl.csv");
            assertThat(p.get("line").asInt()).isPositive();
        });
        // What the parser reads of rules that do not compile still says which rules go.
        assertThat(report.at("/againstInForce/rulesRemoved")).extracting(JsonNode::asText).contains("OWN-50", "OWN-MINORITY");
        assertThat(report.at("/examples/run").asInt()).isZero();
        assertThat(inForce()).isEqualTo(before);
        assertThat(Api.count("ruleset_version")).isEqualTo(versions);
    }

    @Test
    @DisplayName("validate a ruleset with a new rule and an example it fails: an EXAMPLE problem naming file, line and example; the new rule listed as added")
    void validateANewRuleAndItsExample() {
        Map<String, String> files = new LinkedHashMap<>(PROJECT);
        files.put("extra/extra.drl", "package rules.extra;\n\nimport org.exposure.assessor.rules.GoodsLine;\n\n"
                + "rule \"Chips to Germany\"\n    @id(\"EXTRA-DE-CHIPS\")\n    @title(\"Chips to Germany\")\n    @severity(LOW)\n"
                + "    @legalBasis(\"none\")\n    @remediation(\"none\")\nwhen\n    $g : GoodsLine( destinationCountry == \"DE\" )\n"
                + "then\nend\n");
        files.put("extra/examples/extra.yaml", """
                - name: chips to Germany
                  subject: {type: GOODS, hsCode: "8542.31", destinationCountry: DE}
                  mustFire: [GOODS-CHPL-T1]
                - name: T-shirts to Germany
                  subject: {type: GOODS, hsCode: "6109.10", destinationCountry: DE}
                  mustFire: [EXTRA-DE-CHIPS]
                  mustNotFire: [GOODS-CHPL-T1]
                """);
        JsonNode report = report(Zips.of(files));
        assertThat(report.at("/againstInForce/rulesAdded")).extracting(JsonNode::asText).containsExactly("EXTRA-DE-CHIPS");
        assertThat(report.get("rules")).anySatisfy(r -> assertThat(r.get("id").asText()).isEqualTo("EXTRA-DE-CHIPS"));
        // The new rule matches T-shirts to Germany but reports no finding (its consequence is empty), so the
        // example that says it must fire fails, and only that one.
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("problems")).as(report.toString()).singleElement().satisfies(p -> {
            assertThat(p.get("kind").asText()).isEqualTo("EXAMPLE");
            assertThat(p.get("file").asText()).isEqualTo("rules/extra/examples/extra.yaml");
            assertThat(p.get("line").asInt()).isEqualTo(4);
            assertThat(p.get("message").asText()).isEqualTo("example \"T-shirts to Germany\": EXTRA-DE-CHIPS must fire "
                    + "but did not (fired: none)");
        });
        assertThat(report.at("/examples/passed").asInt()).isEqualTo(report.at("/examples/run").asInt() - 1);
    }

    @Test
    @DisplayName("malformed archives: 400/413/415 problems naming the entry or the header; no .drl; only an admin may validate")
    void malformed() {
        JsonNode notZip = tree(problem(validate("plain text".getBytes(StandardCharsets.UTF_8)), 400).asString());
        assertThat(notZip.get("type").asText()).isEqualTo("/problems/ruleset-archive");
        assertThat(notZip.at("/errors/0/field").asText()).isEqualTo("(body)");

        JsonNode climbing = tree(problem(validate(Zips.of(Map.of("rules/../../x.drl", "x"))), 400).asString());
        assertThat(climbing.at("/errors/0/field").asText()).isEqualTo("rules/../../x.drl");
        assertThat(climbing.get("detail").asText()).contains("rules/../../x.drl", "'..'");

        JsonNode absolute = tree(problem(validate(Zips.of(Map.of("/etc/x.drl", "x"))), 400).asString());
        assertThat(absolute.get("detail").asText()).contains("absolute");

        Map<String, String> many = new TreeMap<>();
        for (int i = 0; i < 501; i++) {
            many.put("r" + i + ".drl", "");
        }
        JsonNode tooMany = tree(problem(validate(Zips.of(many)), 413).asString());
        assertThat(tooMany.get("type").asText()).isEqualTo("/problems/ruleset-archive-too-large");

        JsonNode bomb = tree(problem(validate(Zips.raw("goods/bomb.drl", new byte[21 * 1024 * 1024])), 413).asString());
        assertThat(bomb.at("/errors/0/field").asText()).isEqualTo("goods/bomb.drl");

        JsonNode noDrl = tree(problem(validate(Zips.of(Map.of("reference/chpl.csv", "hs6,tier,label\n"))), 400).asString());
        assertThat(noDrl.get("detail").asText()).contains("no .drl file");

        JsonNode latin1 = tree(problem(validate(Zips.raw("goods/goods.drl", new byte[] {'r', (byte) 0xE9, 'g'})), 400).asString());
        assertThat(latin1.at("/errors/0/field").asText()).isEqualTo("goods/goods.drl");
        assertThat(latin1.get("detail").asText()).contains("not UTF-8");

        JsonNode json = tree(problem(given().contentType("application/json").body("{}").post(VALIDATE).then(), 415).asString());
        assertThat(json.at("/errors/0/field").asText()).isEqualTo("Content-Type");

        problem(Users.REVIEWER.given().contentType("application/zip").body(Zips.underRules(PROJECT)).post(VALIDATE).then(), 403);
    }

    @Test
    @DisplayName("while a validation compiles, another gets 503 with Retry-After and is not compiled")
    void oneCompileAtATime() {
        CompileGate.Permit held = gate.tryEnter().orElseThrow();
        try {
            problem(validate(Zips.underRules(PROJECT)), 503).response().then()
                    .header("Retry-After", String.valueOf(CompileGate.RETRY_AFTER_SECONDS));
        } finally {
            held.close();
        }
        validate(Zips.underRules(PROJECT)).statusCode(200);
    }
}
