package org.exposure.assessor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * What every page owes its users, checked on each main page as an administrator sees it (the most controls) in a
 * 1280-pixel window: one heading, every input labelled, nothing wider than the window, no JSON or stack trace, and
 * the keyboard reaches the content first.
 */
@QuarkusTest
class PageQualityBrowserTest extends InBrowser {
    @ParameterizedTest
    @ValueSource(strings = {"/", "/assessments/new", "/assessments/new?kind=SUPPLIER", "/assessments/new?kind=BANK",
            "/assessments/new?kind=GOODS", "/assessments", "/ASSESSMENT", "/batches", "/reviews", "/lists", "/rules",
            "/rules/GOODS-CHPL-T1", "/LIST-CHANGES", "/no-such-page"})
    void aPageIsUsableAtTheLaptopWidthWithLabelsAndWithoutJson(String path) {
        Browser b = browser().signIn("admin");
        b.go(path.equals("/ASSESSMENT") ? "/assessments/" + anAssessment()
                : path.equals("/LIST-CHANGES") ? ListChangesPageTest.aVersionWithChanges() : path);
        assertThat(b.driver.findElements(By.tagName("h1"))).as("one h1 on %s", path).hasSize(1);
        List<String> unlabelled = new ArrayList<>();
        for (WebElement input : b.driver.findElements(By.cssSelector("input, select, textarea"))) {
            String type = input.getAttribute("type");
            if ("hidden".equals(type) || "submit".equals(type) || !input.isDisplayed()) {
                continue;
            }
            String id = input.getAttribute("id");
            boolean labelled = (id != null && !id.isEmpty() && !b.driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty())
                    || notBlank(input.getAttribute("aria-label")) || notBlank(input.getAttribute("aria-labelledby"))
                    || !input.findElements(By.xpath("ancestor::label")).isEmpty();
            if (!labelled) {
                unlabelled.add(input.getAttribute("name"));
            }
        }
        assertThat(unlabelled).as("inputs without a label on %s", path).isEmpty();
        Number width = (Number) b.driver.executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) b.driver.executeScript("return document.documentElement.clientWidth");
        assertThat(width.intValue()).as("page width on %s", path).isLessThanOrEqualTo(window.intValue());
        String source = b.driver.getPageSource();
        assertThat(source).as(path).doesNotContain("\"type\":\"/problems").doesNotContain("Exception").doesNotContain("at org.");
        // The first Tab reaches the link that skips the navigation.
        b.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = b.driver.switchTo().activeElement();
        if (!path.equals("/no-such-page")) {
            assertThat(focused.getText()).as("first Tab on %s", path).isEqualTo("Skip to content");
        }
    }

    // The changes page is shown of a version uploaded for it: the fixtures go back in force for the tests after.
    @AfterEach
    void fixturesBack(TestInfo test) {
        if (test.getDisplayName().contains("/LIST-CHANGES")) {
            ListFixtures.restore();
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String anAssessment() {
        return RestAssured.given().auth().preemptive().basic("analyst", "analyst-secret").contentType("application/json")
                .body("{\"type\":\"SUPPLIER\",\"name\":\"Yilufa Electronics Ltd\",\"country\":\"CN\",\"owners\":"
                        + "[{\"name\":\"Ivan Petrov\",\"sharePercent\":60,\"owners\":[{\"name\":\"Zhang Wei\",\"sharePercent\":50}]}],"
                        + "\"exports\":[{\"hsCode\":\"8542.31\",\"destinationCountry\":\"KZ\"}]}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
    }
}
