package org.exposure.assessor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;

/** A compliance officer assesses each kind of subject through the forms and reads why, in a real browser. */
@QuarkusTest
class AssessBrowserTest extends InBrowser {
    @Test
    void aSupplierWithAnExportAndAnOwnershipChainIsAssessedAndItsRulesRead() {
        Browser b = browser().signIn("analyst");
        b.clickAndWait(b.driver.findElement(By.cssSelector("nav a[href='/assessments/new']")));
        b.clickAndWait(b.driver.findElement(By.cssSelector("a[href='/assessments/new?kind=SUPPLIER']")));
        assertThat(b.heading()).isEqualTo("New assessment: supplier");
        b.type("f-name", "Harbin Xinda Trading Co., Ltd.").type("f-country", "HK").type("f-ref", "VENDOR-WEB-1");
        new Select(b.field("f-residentialAddress")).selectByVisibleText("Yes");

        b.press("Add an export");
        b.type("f-exports-0-hsCode", "8542.31").type("f-exports-0-destinationCountry", "KZ")
                .type("f-exports-0-consignee-name", "Astana Trade Logistics LLP");
        new Select(b.field("f-exports-0-consignee-kind")).selectByVisibleText("Freight forwarder");
        b.press("Add an owner");
        b.type("f-owners-0-name", "Yilufa Electronics Ltd.").type("f-owners-0-sharePercent", "30");
        b.press("Add an owner of owner 1");
        b.type("f-owners-0-owners-0-name", "Ivan Petrov").type("f-owners-0-owners-0-sharePercent", "60");
        new Select(b.field("f-owners-0-owners-0-sanctioned")).selectByVisibleText("Yes");
        // Every value typed before a row was added is still there.
        assertThat(b.field("f-name").getAttribute("value")).isEqualTo("Harbin Xinda Trading Co., Ltd.");
        assertThat(b.field("f-exports-0-hsCode").getAttribute("value")).isEqualTo("8542.31");
        b.screenshot("new-assessment");

        b.press("Assess");
        b.waitFor(By.id("risk-level"));
        assertThat(b.driver.getCurrentUrl()).matches(".*/assessments/[0-9a-f-]{36}$");
        assertThat(b.text(By.id("risk-level"))).isEqualTo("SEVERE");
        assertThat(b.heading()).isEqualTo("Harbin Xinda Trading Co., Ltd.");
        WebElement chpl = b.driver.findElement(By.cssSelector("article[data-rule='GOODS-CHPL-T1']"));
        assertThat(chpl.getText()).contains("Common High Priority List", "bound for Kazakhstan (KZ)",
                "CHPL (2024-02-23) tier 1", "Export 1");
        chpl.findElement(By.cssSelector("details.source summary")).click();
        assertThat(chpl.findElement(By.cssSelector("details.source")).getText()).contains("Astana Trade Logistics LLP");
        WebElement minority = b.driver.findElement(By.cssSelector("article[data-rule='OWN-MINORITY']"));
        assertThat(minority.findElement(By.cssSelector(".ownership")).getText())
                .contains("Yilufa Electronics Ltd.", "OFAC-SDN entry 47700");
        // The ownership tree: the nested owner holds 60 % of 30 %, 18 % of the subject.
        List<WebElement> rows = b.driver.findElements(By.cssSelector("#ownership tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).getText()).contains("Ivan Petrov", "60 %", "18 %", "stated blocked");
        assertThat(b.driver.findElement(By.cssSelector("#matches")).getText()).contains("YILUFA ELECTRONICS LIMITED", "1.000");
        assertThat(b.driver.findElement(By.cssSelector("#versions")).getText()).contains("OFAC-SDN", "Ruleset version");
        // A BLOCKED list match sends it to review; the page says where it stands.
        assertThat(b.driver.findElement(By.cssSelector("#review")).getText()).contains("Status", "Open the review item");
        assertThat(b.driver.getPageSource()).doesNotContain("\"ruleId\"");
        b.screenshot("assessment");
    }

    @Test
    void theApisFieldErrorsAreShownNextToTheirFieldsWithEverythingTypedKept() {
        Browser b = browser().signIn("analyst");
        b.go("/assessments/new?kind=SUPPLIER");
        b.press("Add an owner");
        b.type("f-owners-0-name", "Ivan Petrov").type("f-owners-0-sharePercent", "fifty");
        b.type("f-country", "XX");
        b.press("Assess");
        WebElement summary = b.waitFor(By.id("error-summary"));
        assertThat(summary.getText()).contains("Name", "Owner 1 › Share (%)", "expected a number", "Country");
        assertThat(b.field("f-owners-0-sharePercent").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.text(By.id("f-owners-0-sharePercent-error"))).contains("expected a number");
        assertThat(b.field("f-name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.field("f-owners-0-name").getAttribute("value")).isEqualTo("Ivan Petrov");
        // The summary's links lead to the inputs.
        summary.findElement(By.linkText("Owner 1 › Share (%)")).click();
        assertThat(b.driver.getCurrentUrl()).endsWith("#f-owners-0-sharePercent");
        assertThat(b.driver.getPageSource()).doesNotContain("\"errors\"");
    }

    @Test
    void enterInAFieldAssessesRatherThanAddingARow() {
        Browser b = browser().signIn("analyst");
        b.go("/assessments/new?kind=GOODS");
        b.type("f-hsCode", "8542.31").type("f-destinationCountry", "RU");
        WebElement page = b.driver.findElement(By.tagName("html"));
        b.field("f-destinationCountry").sendKeys(Keys.ENTER);
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Browser.WAIT)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        b.waitFor(By.id("risk-level"));
        assertThat(b.text(By.id("risk-level"))).isIn("SEVERE", "BLOCKED");
        assertThat(b.driver.findElements(By.cssSelector("article[data-rule='GOODS-CHPL-T1']"))).isNotEmpty();
    }

    @Test
    void aBankWithACorrespondentAndAPaymentIsAssessed() {
        Browser b = browser().signIn("analyst");
        b.go("/assessments/new?kind=BANK");
        b.type("f-name", "Heihe Rural Commercial Bank").type("f-country", "CN");
        b.press("Add a correspondent");
        b.type("f-correspondents-0-name", "VTB Bank PJSC").type("f-correspondents-0-country", "RU");
        b.press("Add a payment");
        b.type("f-payments-0-counterparty-name", "Kazan Instrument Plant JSC").type("f-payments-0-hsCodes", "8542.31")
                .type("f-payments-0-destinationCountry", "RU").type("f-payments-0-amountUsd", "48000");
        b.press("Assess");
        b.waitFor(By.id("risk-level"));
        assertThat(b.heading()).isEqualTo("Heihe Rural Commercial Bank");
        assertThat(b.driver.findElements(By.cssSelector("article.rule"))).isNotEmpty();
        assertThat(b.driver.findElement(By.id("facts")).getText()).contains("Correspondents", "VTB Bank PJSC", "Payments");
    }

    @Test
    void anAssessmentCanBeAssessedAgainFromAPrefilledForm() {
        Browser b = browser().signIn("analyst");
        b.go("/assessments/new?kind=GOODS");
        b.type("f-hsCode", "8482.10").type("f-destinationCountry", "KZ").type("f-ref", "PO-PREFILL");
        b.press("Assess");
        b.waitFor(By.id("risk-level"));
        String first = b.driver.getCurrentUrl();
        b.clickAndWait(b.driver.findElement(By.linkText("Assess again with changes")));
        assertThat(b.field("f-hsCode").getAttribute("value")).isEqualTo("848210");
        assertThat(b.field("f-ref").getAttribute("value")).isEqualTo("PO-PREFILL");
        b.type("f-destinationCountry", "DE");
        b.press("Assess");
        b.waitFor(By.id("risk-level"));
        assertThat(b.driver.getCurrentUrl()).isNotEqualTo(first);
        assertThat(b.driver.findElement(By.id("facts")).getText()).contains("Germany (DE)");
    }
}
