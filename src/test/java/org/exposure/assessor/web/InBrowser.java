package org.exposure.assessor.web;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * What every browser test class shares: one browser, opened at the service's root on first use and closed after
 * the class (each test signs in as the user it acts as).
 */
abstract class InBrowser {
    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

    Browser browser() {
        if (browser == null) {
            browser = Browser.open(root);
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
