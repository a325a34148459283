package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The test users of application.properties (%test), by role, for tests that act as someone other than admin. */
enum Users {
    ADMIN("admin", "admin-secret"),
    ADMIN2("admin2", "admin2-secret"),
    REVIEWER("reviewer", "reviewer-secret"),
    REVIEWER2("reviewer2", "reviewer2-secret"),
    ANALYST("analyst", "analyst-secret"),
    MACHINE("batch-system", "machine-secret"),
    /** A metrics scraper: role metrics, which reads /q/metrics only. */
    SCRAPER("scraper", "scraper-secret");

    final String name;
    final String password;

    Users(String name, String password) {
        this.name = name;
        this.password = password;
    }

    /** A request sent as this user. */
    RequestSpecification given() {
        return io.restassured.RestAssured.given().auth().preemptive().basic(name, password);
    }

    /** A request without any credentials. */
    static RequestSpecification anonymous() {
        return io.restassured.RestAssured.given().auth().none();
    }
}
