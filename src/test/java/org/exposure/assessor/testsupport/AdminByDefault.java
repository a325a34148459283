package org.exposure.assessor.testsupport;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Every request of a @QuarkusTest is sent as the test user {@code admin} unless the test says otherwise
 * ({@code given().auth().preemptive().basic(user, password)}, or {@code given().auth().none()}), so that tests
 * written before the API needed users keep testing what they tested. Registered through the service loader
 * (META-INF/services), so that no test class has to name it.
 */
public class AdminByDefault implements QuarkusTestBeforeEachCallback {
    public static final String USER = "admin";
    public static final String PASSWORD = "admin-secret";

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        RestAssured.authentication = RestAssured.preemptive().basic(USER, PASSWORD);
    }
}
