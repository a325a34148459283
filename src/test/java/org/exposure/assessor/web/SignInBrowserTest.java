package org.exposure.assessor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.quarkus.test.junit.QuarkusTest;

/** Signing in and out of the web interface, in a real browser. */
@QuarkusTest
class SignInBrowserTest extends InBrowser {
    @Test
    void aPageAskedForBeforeSigningInIsShownAfterIt() {
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.go("/?from=test");
        assertThat(b.driver.getCurrentUrl()).contains("/login?next=");
        b.type("j_username", "analyst").type("j_password", "analyst-secret");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form button[type=submit]")));
        b.waitFor(By.cssSelector("header .who"));
        assertThat(b.driver.getCurrentUrl()).endsWith("/?from=test");
    }

    @Test
    void aWrongPasswordIsSaidSoAndSignsNobodyIn() {
        Browser b = browser();
        b.driver.manage().deleteAllCookies();
        b.go("/login").type("j_username", "analyst").type("j_password", "wrong");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form button[type=submit]")));
        assertThat(b.waitFor(By.id("login-error")).getText()).contains("wrong");
        b.go("/");
        assertThat(b.driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void theStartPageShowsTheUserAndOnlyWhatTheRoleMayDo() {
        Browser b = browser().signIn("analyst");
        assertThat(b.text(By.cssSelector("header .who"))).contains("analyst");
        assertThat(b.driver.findElements(By.cssSelector("nav a[href='/assessments/new']"))).hasSize(1);
        b.signIn("batch-system");
        assertThat(b.driver.findElements(By.cssSelector("nav a[href='/assessments/new']"))).isEmpty();
        assertThat(b.driver.findElements(By.cssSelector("nav a[href='/batches']"))).hasSize(1);
    }

    @Test
    void signingOutEndsTheSession() {
        Browser b = browser().signIn("reviewer");
        b.clickAndWait(b.driver.findElement(By.cssSelector("form.signout button")));
        b.waitFor(By.cssSelector(".alert.info"));
        b.go("/");
        assertThat(b.driver.getCurrentUrl()).contains("/login");
    }

    @Test
    void anUnknownPageIsAPageNotJson() {
        Browser b = browser().signIn("analyst");
        b.go("/no-such-page");
        assertThat(b.heading()).contains("404");
        assertThat(b.driver.getPageSource()).doesNotContain("\"status\"");
    }
}
