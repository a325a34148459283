package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ListsBrowserTest extends InBrowser {
    private static List<Map<String, Object>> inForce() {
        List<Map<String, Object>> all = given().auth().preemptive().basic("analyst", "analyst-secret").get("/api/v1/lists")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(v -> "IN_FORCE".equals(v.get("status"))).toList();
    }

    @Test
    void anAnalystSeesTheVersionsInForceAndNoAction() {
        Browser b = browser().signIn("analyst");
        b.go("/lists");
        List<Map<String, Object>> versions = inForce();
        assertThat(versions).extracting(v -> v.get("source")).contains("OFAC-SDN", "US-CSL", "UN", "EU-FSF", "UK-SL");
        for (Map<String, Object> v : versions) {
            WebElement row = b.driver.findElement(By.id("source-" + v.get("source")));
            String id = String.valueOf(v.get("id"));
            assertThat(row.findElement(By.cssSelector("code")).getText()).isEqualTo(id);
            assertThat(row.getText())
                    .contains(String.format(java.util.Locale.ROOT, "%,d", ((Number) v.get("entryCount")).intValue()))
                    .containsPattern("\\d+ days?");
        }
        // The UN fixture is dated: its publication day is shown.
        Map<String, Object> un = versions.stream().filter(v -> v.get("source").equals("UN")).findFirst().orElseThrow();
        if (un.get("publishedAt") != null) {
            assertThat(b.text(By.id("source-UN"))).contains(String.valueOf(un.get("publishedAt")).substring(0, 10));
        }
        assertThat(b.driver.findElements(By.cssSelector("form.list-upload"))).isEmpty();
        assertThat(b.driver.findElements(By.cssSelector("form.download-now"))).isEmpty();
        assertThat(b.driver.findElements(By.xpath("//button[normalize-space(.)='Download now']"))).isEmpty();
        assertThat(b.driver.findElements(By.cssSelector("form[action$='/confirm']"))).isEmpty();
        b.screenshot("lists");
    }

    @Test
    void anAdministratorHasTheUploadAndDownloadOfEachSource() {
        Browser b = browser().signIn("admin");
        b.go("/lists");
        assertThat(b.driver.findElements(By.cssSelector("form.list-upload"))).hasSizeGreaterThanOrEqualTo(5);
        // OFAC's list is three files, sent together.
        assertThat(b.driver.findElements(By.cssSelector("#upload-OFAC-SDN input[type=file]"))).hasSize(3);
        List<WebElement> download = b.driver.findElements(By.cssSelector("#admin-UN form.download-now button"));
        assertThat(download).hasSize(1);
        // Downloads are off in the tests: the button says why it cannot be used rather than failing when pressed.
        assertThat(download.get(0).isEnabled()).isFalse();
        assertThat(b.text(By.id("download-UN-hint"))).contains("turned off");
        b.screenshot("lists-admin");
    }

    @Test
    void aFileNotOfTheFormatIsRefusedOnThePageAndChangesNothing() throws Exception {
        List<Map<String, Object>> before = inForce();
        Path file = Files.createTempFile("not-un-", ".xml");
        Files.writeString(file, "this is not the UN consolidated list\n", StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        Browser b = browser().signIn("admin");
        b.go("/lists");
        b.driver.findElement(By.id("upload-UN-file")).sendKeys(file.toAbsolutePath().toString());
        b.driver.findElement(By.cssSelector("#upload-UN button[type=submit]")).click();
        WebElement error = b.waitFor(By.id("upload-UN-error"));
        assertThat(error.getText()).startsWith("Not imported, the version in force is unchanged:").contains("UN")
                .doesNotContain("\"status\"");
        assertThat(inForce()).isEqualTo(before);
    }

    @Test
    void anUploadThatDropsEntriesIsHeldUntilAnAdministratorConfirmsIt() throws Exception {
        // Twenty rows of the SDN fixture and one of this run's own: far fewer entries than in force, so it is held.
        Path file = Files.createTempFile("sdn-", ".csv");
        Files.write(file, Fixtures.withEndMarker(Fixtures.sdnRows(20, (600_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"HELD PAGE TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ")));
        file.toFile().deleteOnExit();
        String before = inForce().stream().filter(v -> v.get("source").equals("OFAC-SDN")).findFirst().orElseThrow()
                .get("id").toString();
        try {
            Browser b = browser().signIn("admin");
            b.go("/lists");
            b.driver.findElement(By.id("upload-OFAC-SDN-sdn")).sendKeys(file.toAbsolutePath().toString());
            b.driver.findElement(By.cssSelector("#upload-OFAC-SDN button[type=submit]")).click();
            // The page reloads with what came of the upload, and the version waits for a confirmation.
            WebElement flash = b.waitFor(By.cssSelector("#lists-flash.warn"));
            assertThat(flash.getText()).startsWith("OFAC-SDN: the new version").contains("21 entries")
                    .contains("held for confirmation");
            assertThat(b.driver.findElements(By.id("no-held"))).isEmpty();
            WebElement held = b.driver.findElement(By.cssSelector("#lists-held section.held"));
            assertThat(held.getText()).contains("OFAC-SDN").contains("21");
            String heldId = held.findElement(By.cssSelector("code")).getText();
            assertThat(text(b, "source-OFAC-SDN")).contains(before);
            b.screenshot("lists-held");

            // An analyst sees it held, without the button.
            b.signIn("analyst").go("/lists");
            assertThat(b.driver.findElements(By.cssSelector("#lists-held section.held"))).hasSize(1);
            assertThat(b.driver.findElements(By.cssSelector("#lists-held button"))).isEmpty();

            b.signIn("admin").go("/lists");
            b.clickAndWait(b.driver.findElement(By.cssSelector("#lists-held form[action$='/versions/" + heldId + "/confirm'] button")));
            assertThat(b.waitFor(By.id("lists-notice")).getText()).isEqualTo("The held version of OFAC-SDN is confirmed and in force.");
            assertThat(b.driver.findElements(By.cssSelector("#lists-held section.held"))).isEmpty();
            assertThat(text(b, "source-OFAC-SDN")).contains(heldId).contains("confirmed by admin");
            assertThat(inForce()).anySatisfy(v -> assertThat(v.get("id")).isEqualTo(heldId));
        } finally {
            ListFixtures.restore();
        }
    }

    private static String text(Browser b, String id) {
        return b.driver.findElement(By.id(id)).getText();
    }

    @Test
    void aDownloadThatCannotRunIsSaidOnThePage() {
        Browser b = browser().signIn("admin");
        b.go("/lists");
        // The disabled button's form, posted anyway (as an old page would): the API's refusal is shown with the source.
        b.driver.executeScript("document.querySelector('#admin-UN form.download-now').submit()");
        WebElement alert = b.waitFor(By.cssSelector("#admin-UN .alert.error"));
        assertThat(alert.getText()).startsWith("The download failed:").contains("turned off");
        assertThat(b.text(By.id("lists-alert"))).startsWith("UN: The download failed:");
        assertThat(b.heading()).isEqualTo("Sanctions lists");
    }
}
