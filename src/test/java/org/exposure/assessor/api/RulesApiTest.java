package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.exposure.assessor.api.Api.RULES;
import static org.exposure.assessor.api.Api.getTree;
import static org.exposure.assessor.api.Api.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** GET /api/v1/rules and /api/v1/rules/{id}: the catalogue as loaded. */
@QuarkusTest
class RulesApiTest {

    /** The GOODS rules of the rule catalogue (docs/rules.md): id, base severity, a phrase of its legal basis. */
    private static final Map<String, String[]> GOODS_CATALOGUE = new LinkedHashMap<>();

    static {
        GOODS_CATALOGUE.put("GOODS-CHPL-T1", new String[] {"HIGH", "tier 1"});
        GOODS_CATALOGUE.put("GOODS-CHPL-T2", new String[] {"HIGH", "tier 2"});
        GOODS_CATALOGUE.put("GOODS-CHPL-T3", new String[] {"MEDIUM", "tier 3A/3B"});
        GOODS_CATALOGUE.put("GOODS-CHPL-T4", new String[] {"MEDIUM", "tier 4A/4B"});
        GOODS_CATALOGUE.put("GOODS-RESTRICTED-DEST", new String[] {"HIGH", "EAR 746.8"});
        GOODS_CATALOGUE.put("GOODS-TRANSSHIPMENT", new String[] {"HIGH", "FIN-2022-Alert003"});
        GOODS_CATALOGUE.put("GOODS-EO14114-ITEM", new String[] {"SEVERE", "89 FR 78245"});
        GOODS_CATALOGUE.put("GOODS-NO-REEXPORT-CLAUSE", new String[] {"MEDIUM", "Art. 12g"});
        GOODS_CATALOGUE.put("GOODS-RU-URANIUM", new String[] {"MEDIUM", "118-62"});
        GOODS_CATALOGUE.put("GOODS-DUAL-USE", new String[] {"HIGH", "2021/821"});
        GOODS_CATALOGUE.put("GOODS-MIB-END-USER", new String[] {"BLOCKED", "EO 14024"});
    }

    private static Map<String, JsonNode> rulesById(JsonNode ruleset) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        ruleset.get("rules").forEach(r -> byId.put(r.get("id").asText(), r));
        return byId;
    }

    @Test
    void theRulesetListsEveryGoodsRuleOfTheCatalogueWithItsMetadataFileLineAndSource() throws IOException {
        JsonNode ruleset = getTree(RULES);
        assertThat(ruleset.get("version").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(ruleset.get("origin").asText()).isNotBlank();
        Map<String, JsonNode> byId = rulesById(ruleset);
        assertThat(byId.keySet()).containsAll(GOODS_CATALOGUE.keySet());
        assertThat(byId.keySet().stream().filter(id -> id.startsWith("GOODS-")))
                .as("no GOODS rule outside the catalogue").containsExactlyInAnyOrderElementsOf(GOODS_CATALOGUE.keySet());
        assertThat(ruleset.get("rules")).hasSize(byId.size());

        List<String> drl = Files.readAllLines(Path.of("rules/goods/goods.drl"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String[]> entry : GOODS_CATALOGUE.entrySet()) {
            JsonNode rule = byId.get(entry.getKey());
            String id = entry.getKey();
            assertThat(rule.get("title").asText()).as("title of %s", id).isNotBlank();
            assertThat(rule.get("name").asText()).as("name of %s", id).isNotBlank();
            assertThat(rule.get("severity").asText()).as("severity of %s", id).isEqualTo(entry.getValue()[0]);
            assertThat(rule.get("legalBasis").asText()).as("legal basis of %s", id).contains(entry.getValue()[1]);
            assertThat(rule.get("remediation").asText()).as("remediation of %s", id).isNotBlank();
            assertThat(rule.get("file").asText()).as("file of %s", id).isEqualTo("rules/goods/goods.drl");
            int line = rule.get("line").asInt();
            assertThat(line).as("line of %s", id).isPositive().isLessThanOrEqualTo(drl.size());
            String source = rule.get("source").asText();
            assertThat(source).as("source of %s", id).contains("rule \"").contains("@id(\"" + id + "\")")
                    .contains("when").contains("then").contains("end");
            // The line is where the rule starts in the file.
            assertThat(drl.get(line - 1)).as("line %d of goods.drl for %s", line, id)
                    .startsWith("rule \"" + rule.get("name").asText() + "\"");
        }
    }

    @Test
    void theRulesetListsEverySupplierBankAndOwnershipRuleWithItsSeverityAndFile() {
        Map<String, JsonNode> byId = rulesById(getTree(RULES));
        String[][] catalogue = {
                {"SUP-NEW-ENTITY", "MEDIUM", "rules/supplier/supplier.drl", "FIN-2023-Alert004"},
                {"SUP-LINE-OF-BUSINESS", "MEDIUM", "rules/supplier/supplier.drl", "FIN-2023-Alert004"},
                {"SUP-THIN-PRESENCE", "LOW", "rules/supplier/supplier.drl", "FIN-2023-Alert004"},
                {"SUP-INTERMEDIARY-CONSIGNEE", "MEDIUM", "rules/supplier/supplier.drl", "FIN-2023-Alert004"},
                {"SUP-NO-END-USE", "MEDIUM", "rules/supplier/supplier.drl", "FIN-2023-Alert004"},
                {"SUP-HUB-TO-RUSSIA", "SEVERE", "rules/supplier/supplier.drl", "FIN-2022-Alert003"},
                {"SUP-BORDER-CROSSING", "HIGH", "rules/supplier/supplier.drl", "FIN-2022-Alert003"},
                {"SUP-FAR-EAST-DEFENSE", "SEVERE", "rules/supplier/supplier.drl", "EO 14024"},
                {"FFI-MIB-COUNTERPARTY", "SEVERE", "rules/bank/bank.drl", "FAQ 1181"},
                {"FFI-CRITICAL-ITEMS", "SEVERE", "rules/bank/bank.drl", "FAQ 1148"},
                {"FFI-SANCTIONED-CORRESPONDENT", "SEVERE", "rules/bank/bank.drl", "EO 14114"},
                {"FFI-SPFS", "HIGH", "rules/bank/bank.drl", "SPFS alert (21 Nov 2024)"},
                {"FFI-REGIONAL-CHANNEL", "HIGH", "rules/bank/bank.drl", "FIN-2022-Alert003"},
                {"FFI-RUSSIA-SHARE", "MEDIUM", "rules/bank/bank.drl", "EO 14114"},
                {"FFI-USD-IMPACT", "INFO", "rules/bank/bank.drl", "EO 14024 §11(b)"},
                {"OWN-50", "BLOCKED", "rules/ownership/ownership.drl", "FAQs 398-401"},
                {"OWN-MINORITY", "HIGH", "rules/ownership/ownership.drl", "FAQ 398"},
                {"OWN-50-POSSIBLE", "SEVERE", "rules/ownership/ownership.drl", "FAQs 23 and 48"},
                {"OWN-MINORITY-POSSIBLE", "MEDIUM", "rules/ownership/ownership.drl", "FAQs 23 and 48"},
                {"LIST-EU-TRANSACTION-BAN", "SEVERE", "rules/lists/lists.drl", "EU Reg. 833/2014 Art. 5ad"},
                {"LIST-POSSIBLE-PARTY", "HIGH", "rules/lists/lists.drl", "FAQs 23 and 48"}};
        for (String[] rule : catalogue) {
            JsonNode listed = byId.get(rule[0]);
            assertThat(listed).as("rule %s is listed", rule[0]).isNotNull();
            assertThat(listed.get("severity").asText()).as("severity of %s", rule[0]).isEqualTo(rule[1]);
            assertThat(listed.get("file").asText()).as("file of %s", rule[0]).isEqualTo(rule[2]);
            assertThat(listed.get("legalBasis").asText()).as("legal basis of %s", rule[0]).contains(rule[3]);
            assertThat(listed.get("source").asText()).contains("@id(\"" + rule[0] + "\")");
        }
        assertThat(byId).as("11 GOODS + 8 SUP + 7 FFI + 4 OWN + 6 LIST rules").hasSize(36);
    }

    @Test
    void theRulesAreOrderedById() {
        List<String> ids = new ArrayList<>(rulesById(getTree(RULES)).keySet());
        assertThat(ids).isSorted();
    }

    @Test
    void oneRuleByIdIsTheSameAsInTheList() {
        JsonNode rule = getTree(RULES + "/GOODS-DUAL-USE");
        assertThat(rule.get("id").asText()).isEqualTo("GOODS-DUAL-USE");
        assertThat(rule.get("severity").asText()).isEqualTo("HIGH");
        assertThat(rule.get("legalBasis").asText()).contains("Reg. (EU) 2021/821 Annex I");
        assertThat(rule.get("file").asText()).isEqualTo("rules/goods/goods.drl");
        assertThat(rule.get("line").asInt()).isPositive();
        assertThat(rule.get("source").asText()).contains("rule \"").contains("dualUseCode");
        assertThat(rule).isEqualTo(rulesById(getTree(RULES)).get("GOODS-DUAL-USE"));
    }

    @Test
    void everyListedRuleCanBeReadById() {
        rulesById(getTree(RULES)).forEach((id, rule) -> assertThat(getTree(RULES + "/" + id)).isEqualTo(rule));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GOODS-NOPE", "goods-dual-use-x", "SUP-NEW-ENTITY-9"})
    void anUnknownRuleIdIsA404Problem(String id) {
        ExtractableResponse<Response> r = problem(given().accept(ContentType.JSON).when().get(RULES + "/" + id).then(), 404);
        assertThat(r.<String>path("detail")).contains(id);
    }
}
