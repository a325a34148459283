package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.download.DownloadAttempt;
import org.exposure.assessor.lists.download.DownloadHistory;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.exposure.assessor.lists.download.LocalListsProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** "Download now" on the lists page, against the local list server of {@link LocalListsProfile}. */
@QuarkusTest
@TestProfile(LocalListsProfile.class)
class ListsDownloadBrowserTest extends InBrowser {
    @Inject
    DownloadHistory history;

    @AfterEach
    void startupListsAndNoAnswers() {
        ListFixtures.restore();
        LocalListsProfile.server().reset();
    }

    private static WebElement downloadButton(Browser b, String source) {
        return b.driver.findElement(By.cssSelector("#admin-" + source + " form.download-now button"));
    }

    private static String unInForce() {
        return given().auth().preemptive().basic("analyst", "analyst-secret").get("/api/v1/lists").then().statusCode(200)
                .extract().jsonPath().getString("find { it.source == 'UN' && it.status == 'IN_FORCE' }.id");
    }

    @Test
    void aDownloadsOutcomeIsShownWithItsSourceAndKeptAsTheLastDownload() throws Exception {
        String before = unInForce();
        Browser b = browser().signIn("admin");

        // The publisher answers 404: said with the source, and the last download is a failure.
        LocalListsProfile.server().answer("/un/consolidated.xml", Answer.status(404));
        b.go("/lists");
        assertThat(downloadButton(b, "UN").isEnabled()).isTrue();
        b.clickAndWait(downloadButton(b, "UN"));
        WebElement alert = b.waitFor(By.cssSelector("#admin-UN .alert.error"));
        assertThat(alert.getText()).startsWith("The download failed:").contains("HTTP 404");
        assertThat(b.text(By.id("source-UN"))).contains("Failed").contains("HTTP 404");
        DownloadAttempt failed = history.last().get("UN");
        assertThat(failed.ok()).isFalse();
        assertThat(failed.actor()).isEqualTo("admin");
        assertThat(unInForce()).isEqualTo(before);

        // The same file as in force: nothing changes, and the page says so after its redirect.
        LocalListsProfile.server().answer("/un/consolidated.xml",
                Answer.file(Files.readAllBytes(Fixtures.UN), "\"un-1\"", null));
        b.clickAndWait(downloadButton(b, "UN"));
        WebElement notice = b.waitFor(By.id("admin-UN-notice"));
        assertThat(b.driver.getCurrentUrl()).contains("/lists?downloaded=UN");
        assertThat(notice.getText()).startsWith("Downloaded UN: same content as version " + before);
        assertThat(b.text(By.id("source-UN"))).contains("Succeeded");
        b.screenshot("lists-downloaded");

        // Asked again with the file's ETag: the server answers 304, which the audit trail does not record but the
        // page still shows as the last download.
        b.clickAndWait(downloadButton(b, "UN"));
        assertThat(b.waitFor(By.id("admin-UN-notice")).getText()).startsWith("Downloaded UN: not modified since the version in force");
        assertThat(LocalListsProfile.server().requests("/un/consolidated.xml").get(2).conditional()).isTrue();
        assertThat(history.last().get("UN").ok()).isTrue();
        assertThat(unInForce()).isEqualTo(before);
    }
}
