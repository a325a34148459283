package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BatchesBrowserTest extends InBrowser {
    private static final Pattern JOB_URL = Pattern.compile("/batches/([0-9a-f-]{36})");
    private static final String[] HS = {"854231", "848210", "610910", "851762", "940360"};
    private static final String[] DEST = {"RU", "KZ", "DE", "TR", "US", "AE"};

    /** A CSV batch of {@code rows} goods and suppliers, every 50th row with an HS code the intake refuses. */
    static Path csv(int rows) throws Exception {
        StringBuilder b = new StringBuilder("ref,type,name,aliases,country,region,hsCode,destinationCountry\n");
        for (int i = 0; i < rows; i++) {
            String hs = i % 50 == 7 ? "8542.3" : HS[i % HS.length];
            String dest = DEST[(i / HS.length) % DEST.length];
            if (i % 3 == 0) {
                b.append("S-").append(i).append(",SUPPLIER,Supplier ").append(i).append(" Trading Co.,,CN,Heilongjiang,")
                        .append(hs).append(',').append(dest).append('\n');
            } else {
                b.append("G-").append(i).append(",GOODS,,,,,").append(hs).append(',').append(dest).append('\n');
            }
        }
        Path file = Files.createTempFile("batch-", ".csv");
        Files.writeString(file, b, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }

    /** Uploads the file from the batches page and returns the job id of the page it lands on. */
    private String upload(Browser b, Path file) {
        b.go("/batches");
        b.field("batch-file").sendKeys(file.toAbsolutePath().toString());
        b.driver.findElement(By.id("batch-submit")).click();
        new WebDriverWait(b.driver, Browser.WAIT).until(ExpectedConditions.urlMatches(JOB_URL.pattern()));
        Matcher m = JOB_URL.matcher(b.driver.getCurrentUrl());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static void awaitDone(Browser b) {
        // The page polls the job and reloads itself with every result once it is finished.
        new WebDriverWait(b.driver, Browser.WAIT).until(d -> d.findElements(By.cssSelector("#job[data-state='DONE']")).size() == 1
                && !d.findElements(By.id("results")).isEmpty());
    }

    @Test
    void anUploadedCsvIsFollowedToItsResultsWhichFilterSortAndDownload() throws Exception {
        Browser b = browser().signIn("analyst");
        String id = upload(b, csv(300));
        // The progress is on the page from the start, whatever the job's state by then.
        assertThat(b.driver.findElement(By.id("job-bar")).getTagName()).isEqualTo("progress");
        awaitDone(b);
        assertThat(b.text(By.id("job-state"))).isEqualTo("DONE");
        assertThat(b.text(By.id("job-progress-text"))).contains("300 of 300 rows").contains("100");
        assertThat(b.text(By.id("results-count"))).isEqualTo("Rows 1–50 of 300");
        assertThat(b.driver.findElements(By.cssSelector("#results tbody tr"))).hasSize(50);
        assertThat(b.text(By.id("job-rejected"))).isEqualTo("6");
        WebElement firstLink = b.driver.findElement(By.cssSelector("#results tbody tr td a[href^='/assessments/']"));
        assertThat(firstLink.getAttribute("href")).matches(".*/assessments/[0-9a-f-]{36}");
        b.screenshot("batch-job");

        // The counts per level on the page are those of the API.
        Map<String, Object> levels = given().auth().preemptive().basic("analyst", "analyst-secret")
                .get("/api/v1/batches/" + id).then().statusCode(200).extract().jsonPath().getMap("riskLevels");
        String severe = String.valueOf(levels.get("SEVERE"));
        assertThat(b.text(By.cssSelector(".level-count[data-level='SEVERE']"))).isEqualTo(severe);

        // Filter by a level: every row shown has it, and the count is the level's.
        new Select(b.field("risk")).selectByValue("SEVERE");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#results-filter button[type=submit]")));
        b.waitFor(By.id("results-count"));
        assertThat(b.driver.getCurrentUrl()).contains("risk=SEVERE");
        assertThat(b.text(By.id("results-count"))).endsWith("of " + severe);
        assertThat(b.driver.findElements(By.cssSelector("#results tbody td .risk")))
                .isNotEmpty().allSatisfy(e -> assertThat(e.getText()).isEqualTo("SEVERE"));

        // Rejected rows: their errors, no assessment.
        b.go("/batches/" + id + "?risk=REJECTED");
        assertThat(b.text(By.id("results-count"))).isEqualTo("Rows 1–6 of 6");
        assertThat(b.text(By.cssSelector("#results tbody tr .row-errors"))).contains("hsCode");

        // Sort by risk, highest first, through the column header.
        b.go("/batches/" + id);
        b.clickAndWait(b.driver.findElement(By.xpath("//table[@id='results']//th/a[starts-with(normalize-space(.), 'Risk')]")));
        new WebDriverWait(b.driver, Browser.WAIT).until(d -> d.getCurrentUrl().contains("sort=risk"));
        assertThat(b.driver.findElement(By.xpath("//table[@id='results']//th[a[starts-with(normalize-space(.), 'Risk')]]"))
                .getAttribute("aria-sort")).isEqualTo("descending");
        List<RiskLevel> shown = new ArrayList<>();
        b.driver.findElements(By.cssSelector("#results tbody td .risk")).forEach(e -> shown.add(RiskLevel.valueOf(e.getText())));
        assertThat(shown).isSortedAccordingTo((x, y) -> y.compareTo(x));
        assertThat(shown.get(0)).isEqualTo(RiskLevel.valueOf(highest(levels)));

        // Next page: the next 50 rows, none of the first page's.
        b.clickAndWait(b.driver.findElement(By.cssSelector("nav.pager a[rel=next]")));
        assertThat(b.waitFor(By.id("results-count")).getText()).isEqualTo("Rows 51–100 of 300");

        // The download link works with the sign-in cookie and gives the API's CSV.
        String href = b.driver.findElement(By.id("download-results-csv")).getAttribute("href");
        String csv = fetch(b, href);
        assertThat(csv).startsWith("line,ref,status,riskLevel,firedRules,assessmentId,errors");
        assertThat(csv.strip().split("\r?\n")).hasSize(301);
        String errors = fetch(b, b.driver.findElement(By.id("download-errors-csv")).getAttribute("href"));
        assertThat(errors.strip().split("\r?\n")).hasSize(7);
    }

    private static String highest(Map<String, Object> levels) {
        String out = "CLEAR";
        for (RiskLevel l : RiskLevel.values()) {
            if (((Number) levels.get(l.name())).longValue() > 0) {
                out = l.name();
            }
        }
        return out;
    }

    /** The body of a GET made by the page itself, with its cookie. */
    private static String fetch(Browser b, String url) {
        Object body = b.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.text().then(function (t) {"
                + " done(r.status + '\\n' + t); }); }).catch(function (e) { done('error ' + e); });", url);
        String text = String.valueOf(body);
        assertThat(text).startsWith("200\n");
        return text.substring(4);
    }

    @Test
    void tenThousandRowsGoThroughThePageWhichFollowsTheJobLive() throws Exception {
        Browser b = browser().signIn("analyst");
        String id = upload(b, csv(10_000));
        // The page polls the job: the rows done it shows grow while the job runs, before it reloads with the results.
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        new WebDriverWait(b.driver, java.time.Duration.ofMinutes(5)).pollingEvery(java.time.Duration.ofMillis(200)).until(d -> {
            if (!d.findElements(By.id("results")).isEmpty() && !d.findElements(By.cssSelector("#job[data-state='DONE']")).isEmpty()) {
                return true;
            }
            try {
                long done = Long.parseLong(d.findElement(By.id("job-done")).getText().replace(",", ""));
                if (done > 0 && done < 10_000 && seen.stream().noneMatch(n -> n > 0)) {
                    b.screenshot("batch-job-running");
                }
                seen.add(done);
            } catch (RuntimeException e) {
                // the page is reloading
            }
            return false;
        });
        assertThat(seen).as("rows done seen while the job ran").anyMatch(n -> n > 0 && n < 10_000);
        assertThat(b.text(By.id("results-count"))).isEqualTo("Rows 1–50 of 10,000");
        b.go("/batches/" + id + "?sort=risk&dir=desc&page=150");
        assertThat(b.text(By.id("results-count"))).isEqualTo("Rows 7,451–7,500 of 10,000");
    }

    @Test
    void aFileOfAnotherKindIsRefusedOnThePage() throws Exception {
        Browser b = browser().signIn("analyst");
        Path file = Files.createTempFile("batch-", ".csv");
        Files.writeString(file, "not,a,header\n1,2,3\n", StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        b.go("/batches");
        b.field("batch-file").sendKeys(file.toAbsolutePath().toString());
        b.driver.findElement(By.id("batch-submit")).click();
        WebElement error = b.waitFor(By.id("batch-file-error"));
        assertThat(error.getText()).startsWith("The file was not accepted:").doesNotContain("\"status\"");
        assertThat(b.driver.getCurrentUrl()).endsWith("/batches");
    }

    @Test
    void aWaitingJobSaysWhyAndItsSubmitterCancelsIt() {
        // With no list in force, jobs wait (screening is required): the job stays unfinished for as long as needed.
        ListFixtures.removeAll();
        try {
            String id = given().auth().preemptive().basic("analyst", "analyst-secret").contentType("text/csv")
                    .body("ref,type,hsCode,destinationCountry\nW-1,GOODS,854231,KZ\nW-2,GOODS,848210,RU\n")
                    .post("/api/v1/batches").then().statusCode(202).extract().jsonPath().getString("id");
            Browser b = browser().signIn("reviewer2");
            b.go("/batches/" + id);
            assertThat(b.text(By.id("job-waiting"))).contains("no sanctions list is in force");
            // Neither its submitter nor an admin: no cancel button.
            assertThat(b.driver.findElements(By.id("job-cancel"))).isEmpty();
            b.signIn("analyst").go("/batches/" + id);
            b.clickAndWait(b.driver.findElement(By.cssSelector("#job-cancel button")));
            assertThat(b.waitFor(By.cssSelector(".alert.ok")).getText()).startsWith("The job was cancelled");
            assertThat(b.text(By.id("job-state"))).isEqualTo("CANCELLED");
            assertThat(b.driver.findElements(By.id("job-cancel"))).isEmpty();
        } finally {
            ListFixtures.restore();
        }
    }

    @Test
    void aBatchSystemSeesItsOwnJobsOnly() throws Exception {
        String mine = given().auth().preemptive().basic("batch-system", "machine-secret").contentType("text/csv")
                .body("ref,type,hsCode,destinationCountry\nM-1,GOODS,854231,KZ\n").post("/api/v1/batches")
                .then().statusCode(202).extract().jsonPath().getString("id");
        String theirs = given().auth().preemptive().basic("analyst", "analyst-secret").contentType("text/csv")
                .body("ref,type,hsCode,destinationCountry\nA-1,GOODS,854231,KZ\n").post("/api/v1/batches")
                .then().statusCode(202).extract().jsonPath().getString("id");
        Browser b = browser().signIn("batch-system");
        b.go("/batches");
        assertThat(b.driver.findElements(By.cssSelector("#jobs a[href='/batches/" + mine + "']"))).hasSize(1);
        assertThat(b.driver.findElements(By.cssSelector("#jobs a[href='/batches/" + theirs + "']"))).isEmpty();
        b.go("/batches/" + theirs);
        assertThat(b.heading()).contains("404");
        // A person sees every job.
        b.signIn("analyst").go("/batches");
        assertThat(b.driver.findElements(By.cssSelector("#jobs a[href='/batches/" + mine + "']"))).hasSize(1);
        b.screenshot("batches");
        // "Only yours" leaves the batch system's job out.
        b.clickAndWait(b.driver.findElement(By.linkText("Show only yours")));
        new WebDriverWait(b.driver, Browser.WAIT).until(d -> d.getCurrentUrl().endsWith("/batches?mine=1"));
        assertThat(b.driver.findElements(By.cssSelector("#jobs a[href='/batches/" + mine + "']"))).isEmpty();
        assertThat(b.driver.findElements(By.cssSelector("#jobs a[href='/batches/" + theirs + "']"))).hasSize(1);
    }
}
