package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The review pages in Chromium: the four-eyes dismissal of a BLOCKED match from the queue to the approval, the
 * proposer's refused approval shown in the page, what an analyst sees, and the search of assessments.
 *
 * <p>The subjects are named as entries of the SDN fixture that no other test assesses: a false positive in force
 * is remembered for the party's name, and the tests share one database.
 */
@QuarkusTest
class ReviewBrowserTest extends InBrowser {
    private static JsonPath supplier(String ref, String name) {
        return given().auth().preemptive().basic("analyst", "analyst-secret").contentType(ContentType.JSON)
                .body(Map.of("type", "SUPPLIER", "ref", ref, "name", name, "country", "AE"))
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath();
    }

    private static String itemOf(String assessmentId) {
        List<String> ids = given().auth().preemptive().basic("analyst", "analyst-secret")
                .queryParam("assessment", assessmentId).get("/api/v1/reviews").then().statusCode(200).extract()
                .jsonPath().getList("items.id", String.class);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    /** Posts a form the page does not offer, with the page's own token: what a stale page or a crafted form sends. */
    private static void post(Browser b, String action, String... fields) {
        b.driver.executeScript("""
                const f = document.createElement('form');
                f.method = 'post';
                f.action = arguments[0];
                const fields = [['_csrf', document.querySelector('meta[name=csrf-token]').content]];
                for (let i = 1; i < arguments.length; i += 2) fields.push([arguments[i], arguments[i + 1]]);
                for (const [k, v] of fields) {
                  const input = document.createElement('input');
                  input.type = 'hidden'; input.name = k; input.value = v; f.appendChild(input);
                }
                document.body.appendChild(f);
                f.submit();""", concat(action, fields));
    }

    private static Object[] concat(String first, String... rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String ref(String what) {
        return "WEB-" + what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void a_blocked_match_is_dismissed_by_one_reviewer_and_approved_by_another() {
        String ref = ref("4E");
        JsonPath a = supplier(ref, "Cubatabaco");
        assertThat(a.getString("riskLevel")).isEqualTo("BLOCKED");
        String matchId = a.getString("matches.find { it.severity == 'BLOCKED' || it.severity == 'SEVERE' }.id");
        assertThat(matchId).isNotNull();
        String item = itemOf(a.getString("id"));

        // The reviewer finds the item in the queue by its ref and opens it.
        Browser b = browser().signIn("reviewer");
        b.go("/reviews");
        b.type("q-ref", ref);
        b.clickAndWait(b.driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        WebElement link = b.waitFor(By.cssSelector("#queue a[href='/reviews/" + item + "']"));
        assertThat(b.text(By.id("queue"))).contains("Cubatabaco", "BLOCKED", "open");
        b.clickAndWait(link);
        b.waitFor(By.id("matches"));
        assertThat(b.driver.findElement(By.id("assessment-link")).getAttribute("href"))
                .endsWith("/assessments/" + a.getString("id"));
        assertThat(b.text(By.id("row-" + matchId))).contains("CUBATABACO", "BLOCKED", "undecided");

        // A false positive on a BLOCKED match: proposed, waiting for a second reviewer.
        new Select(b.field("decision-" + matchId)).selectByValue("FALSE_POSITIVE");
        assertThat(b.text(By.id("match-" + matchId))).contains("Four eyes");
        b.type("reason-" + matchId, "Our supplier is a tobacco retailer in Dubai, trade licence 431177, founded 2004");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#match-" + matchId + " button[type=submit]")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("waits for approval by another reviewer");
        assertThat(b.text(By.id("row-" + matchId))).contains("false positive", "waiting for approval by another reviewer");
        assertThat(b.text(By.id("item-status"))).isEqualTo("awaiting approval");
        // The proposer is offered no approval, and is told why.
        assertThat(b.driver.findElements(By.cssSelector("#pending button[name=approve]"))).isEmpty();
        assertThat(b.text(By.id("pending"))).contains("You proposed it");
        assertThat(b.driver.findElements(By.id("match-" + matchId))).as("no second decision while one waits").isEmpty();
        b.driver.executeScript("document.getElementById('pending').scrollIntoView();");
        b.screenshot("review-item");

        // Sent anyway (a stale page, a crafted form), the service's four-eyes refusal is an alert in the page.
        String decision = b.driver.findElement(By.cssSelector("#pending .pending-decision")).getAttribute("id")
                .substring("approval-".length());
        post(b, "/reviews/" + item + "/decisions/" + decision + "/approval", "approve", "true");
        WebElement refusal = b.waitFor(By.cssSelector("#approval-" + decision + " .alert.error"));
        assertThat(refusal.getText()).contains("four eyes", "another reviewer must");
        assertThat(b.driver.getPageSource()).doesNotContain("\"status\"").doesNotContain("problem");
        // So is a second decision on the match while one waits; its form is gone, so the refusal is at the top.
        post(b, "/reviews/" + item + "/matches/" + matchId + "/decision", "decision", "TRUE_MATCH", "reason", "stale page");
        assertThat(b.waitFor(By.id("refused")).getText()).contains("awaits a second reviewer's approval");

        // The second reviewer sees it waiting for their approval and approves it.
        b.signIn("reviewer2");
        b.go("/reviews");
        WebElement waiting = b.waitFor(By.cssSelector("#waiting a[href='/reviews/" + item + "#approval-" + decision + "']"));
        assertThat(b.text(By.id("waiting"))).contains("reviewer", "false positive", "trade licence 431177");
        b.screenshot("review-queue");
        b.clickAndWait(waiting);
        b.waitFor(By.id("approval-" + decision));
        b.type("note-" + decision, "Licence checked in the Dubai DED register");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#approval-" + decision + " button[name=approve][value=true]")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("approved");
        assertThat(b.text(By.id("row-" + matchId))).contains("false positive", "in force", "approved by reviewer2");
        assertThat(b.driver.findElements(By.id("pending"))).isEmpty();
        String history = b.text(By.id("history-table"));
        assertThat(history).contains("reviewer proposed match " + matchId + ": false positive",
                "reviewer2 approved match " + matchId + ": false positive proposed by reviewer",
                "Licence checked in the Dubai DED register");
        b.go("/reviews");
        assertThat(b.driver.findElements(By.cssSelector("#waiting a[href^='/reviews/" + item + "']"))).isEmpty();
    }

    @Test
    void a_reviewer_assigns_and_comments_and_a_missing_reason_is_said_beside_the_form() {
        String ref = ref("AC");
        JsonPath a = supplier(ref, "Cubanatur");
        String item = itemOf(a.getString("id"));
        Browser b = browser().signIn("reviewer");
        b.go("/reviews/" + item);
        b.clickAndWait(b.driver.findElement(By.id("assign-me")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("assigned");
        assertThat(b.text(By.id("assignee"))).isEqualTo("reviewer");
        b.type("comment-text", "Asked the supplier for its trade licence");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#comment button[type=submit]")));
        b.waitFor(By.id("done"));
        assertThat(b.text(By.id("history-table"))).contains("reviewer assigned to reviewer",
                "reviewer commented Asked the supplier for its trade licence");

        // The browser's own check is bypassed: the service's refusal must show beside the form, typed text kept.
        b.driver.executeScript("document.getElementById('assessment-reason').removeAttribute('required');");
        new Select(b.field("assessment-decision")).selectByValue("ESCALATED");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#decide button[type=submit]")));
        assertThat(b.waitFor(By.cssSelector("#decide .alert.error")).getText()).contains("Reason is required");
        assertThat(b.field("assessment-reason").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(new Select(b.field("assessment-decision")).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("ESCALATED");

        // Clearing with an undecided match is a conflict, said in the page.
        new Select(b.field("assessment-decision")).selectByValue("CLEARED");
        b.type("assessment-reason", "nothing found");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#decide button[type=submit]")));
        assertThat(b.waitFor(By.cssSelector("#decide .alert.error")).getText()).contains("cannot be cleared");
        assertThat(b.text(By.id("item-status"))).isEqualTo("open");

        // With the match decided, clearing the BLOCKED assessment waits for a second reviewer, who refuses it:
        // a refusal needs a note, said beside the form.
        String matchId = a.getString("matches[0].id");
        new Select(b.field("decision-" + matchId)).selectByValue("TRUE_MATCH");
        b.type("reason-" + matchId, "The licence number is the listed entity's");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#match-" + matchId + " button[type=submit]")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("in force");
        new Select(b.field("assessment-decision")).selectByValue("CLEARED");
        b.type("assessment-reason", "Licensed under a general licence");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#decide button[type=submit]")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("waits for approval");
        assertThat(b.text(By.id("decide"))).contains("waiting for approval by another reviewer");
        b.signIn("reviewer2");
        b.go("/reviews/" + item);
        WebElement pending = b.waitFor(By.cssSelector("#pending .pending-decision"));
        assertThat(pending.getText()).contains("reviewer proposed cleared on the assessment");
        b.clickAndWait(pending.findElement(By.cssSelector("button[value=false]")));
        assertThat(b.waitFor(By.cssSelector("#pending .alert.error")).getText()).contains("Note is required");
        b.driver.findElement(By.cssSelector("#pending textarea")).sendKeys("The general licence does not cover this trade");
        b.clickAndWait(b.driver.findElement(By.cssSelector("#pending button[value=false]")));
        assertThat(b.waitFor(By.id("done")).getText()).contains("refused");
        assertThat(b.text(By.id("outcome"))).isEqualTo("not decided");
        assertThat(b.text(By.id("history-table"))).contains("reviewer2 refused the assessment: cleared proposed by reviewer;"
                + " note: The general licence does not cover this trade");

        // An analyst reads the item but is offered no action.
        b.signIn("analyst");
        b.go("/reviews/" + item);
        b.waitFor(By.id("matches"));
        assertThat(b.driver.findElements(By.cssSelector("main form"))).isEmpty();
        b.go("/reviews");
        assertThat(b.driver.findElements(By.id("waiting"))).isEmpty();
        b.go("/reviews/" + UUID.randomUUID());
        assertThat(b.heading()).contains("404");
    }

    @Test
    void the_search_finds_an_assessment_by_level_and_name() {
        String ref = ref("SR");
        JsonPath a = supplier(ref, "Cubaexport");
        assertThat(a.getString("riskLevel")).isEqualTo("BLOCKED");
        String id = a.getString("id");
        Browser b = browser().signIn("analyst");
        b.go("/assessments");
        b.type("f-name", "cubaexp");
        new Select(b.field("f-level")).selectByValue("BLOCKED");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        WebElement row = b.waitFor(By.cssSelector("#results a[href='/assessments/" + id + "']"));
        assertThat(row.getText()).isEqualTo("Cubaexport");
        assertThat(b.text(By.id("results"))).contains(ref, "BLOCKED", "open");
        b.screenshot("search");

        new Select(b.field("f-level")).selectByValue("LOW");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form.filters button[type=submit]")));
        assertThat(b.waitFor(By.id("result-count")).getText()).contains("No assessment matches");

        // A ref prefix and the review status; the ref match kind is kept in the form.
        b.go("/assessments?ref=" + ref.substring(0, ref.length() - 3) + "&refMatch=prefix&review=OPEN");
        b.waitFor(By.cssSelector("#results a[href='/assessments/" + id + "']"));
        assertThat(new Select(b.field("f-refMatch")).getFirstSelectedOption().getAttribute("value")).isEqualTo("prefix");

        // A wrong day is said beside its field, not as an error page.
        b.go("/assessments?from=yesterday");
        assertThat(b.waitFor(By.id("e-from")).getText()).contains("YYYY-MM-DD");
    }
}
