package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RulesBrowserTest extends InBrowser {
    @Test
    void theCatalogueListsEveryLoadedRuleAndARulePageShowsItsDrl() {
        JsonPath api = given().auth().preemptive().basic("analyst", "analyst-secret").get("/api/v1/rules")
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = api.getList("rules.id");
        Browser b = browser().signIn("analyst");
        b.go("/rules");
        List<WebElement> rows = b.driver.findElements(By.cssSelector("#rules tbody tr"));
        assertThat(rows).hasSize(ids.size());
        assertThat(b.driver.findElements(By.cssSelector("#rules tbody th a code"))).extracting(WebElement::getText)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(b.driver.findElement(By.cssSelector("code[title^='sha256:']")).getAttribute("title"))
                .isEqualTo(api.getString("version"));
        assertThat(b.text(By.id("rules-count"))).isEqualTo(ids.size() + " of " + ids.size() + " rules.");
        String goods = b.text(By.xpath("//table[@id='rules']//tr[th//code[text()='GOODS-CHPL-T1']]"));
        assertThat(goods).contains("Common High Priority List, tier 1").contains("HIGH").contains("Goods");
        b.screenshot("rules");

        // Filtered by subjects and severity: only such rules, and the count says how many of all.
        new org.openqa.selenium.support.ui.Select(b.field("kind")).selectByValue("bank");
        new org.openqa.selenium.support.ui.Select(b.field("severity")).selectByValue("SEVERE");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#rules-filter button[type=submit]")));
        b.waitFor(By.id("rules-count"));
        List<WebElement> bank = b.driver.findElements(By.cssSelector("#rules tbody tr"));
        assertThat(bank).isNotEmpty().allSatisfy(r -> assertThat(r.getText()).contains("SEVERE").contains("Bank"));
        assertThat(bank.size()).isLessThan(ids.size());
        b.go("/rules");

        b.clickAndWait(b.driver.findElement(By.linkText("GOODS-CHPL-T1")));
        assertThat(b.waitFor(By.tagName("h1")).getText()).contains("GOODS-CHPL-T1");
        String drl = b.text(By.id("rule-drl"));
        assertThat(drl).startsWith("rule \"").contains("@id(\"GOODS-CHPL-T1\")").endsWith("end");
        assertThat(b.text(By.id("rule-meta"))).contains("rules/goods/goods.drl").contains("CHPL (2024-02-23) tier 1");
        assertThat(b.text(By.id("rule-remediation"))).isNotBlank();
        // The whole file, with the rule's own lines marked.
        b.driver.findElement(By.cssSelector("details.drl-file summary")).click();
        List<WebElement> marked = b.driver.findElements(By.cssSelector("#rule-file .here"));
        assertThat(marked).isNotEmpty();
        assertThat(marked.get(0).getText()).startsWith("rule \"");
        b.screenshot("rule");
    }

    @Test
    void anUnknownRuleIsAPageAndAMachineHasNoRulesPage() {
        Browser b = browser().signIn("analyst");
        b.go("/rules/NO-SUCH-RULE");
        assertThat(b.heading()).contains("404");
        b.signIn("batch-system").go("/rules");
        assertThat(b.heading()).contains("403");
        assertThat(b.driver.findElements(By.cssSelector("nav a[href='/rules']"))).isEmpty();
    }
}
