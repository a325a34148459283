package org.exposure.assessor.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.review.Decision;
import org.exposure.assessor.review.DecisionStatus;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** The review summary other pages include: made from the service's item and decisions, and rendered by inclusion. */
@QuarkusTest
class ReviewSummaryTest {
    @Inject
    ReviewSummaries summaries;
    @Inject
    Engine engine;

    private static String assess(String json) {
        return given().auth().preemptive().basic("analyst", "analyst-secret").contentType(ContentType.JSON).body(json)
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getString("id");
    }

    /** In a session of its own, as in a page's request: the test's request would keep the entities it read first. */
    private ReviewSummary summary(String assessment) {
        return QuarkusTransaction.requiringNew().call(() -> summaries.of(UUID.fromString(assessment)));
    }

    private String include(ReviewSummary s) {
        // As the assessment page does it.
        return engine.parse("<main>{#include review-summary summary=s /}</main>").data("s", s).render();
    }

    @Test
    void an_assessment_in_the_queue_shows_its_item_its_decisions_and_a_link() {
        String assessment = assess("{\"type\":\"SUPPLIER\",\"name\":\"Cubacancun Cigars and Gift Shops\",\"country\":\"AE\"}");
        ReviewSummary s = summary(assessment);
        assertThat(s.reviewed()).isTrue();
        String item = s.item().id().toString();
        given().auth().preemptive().basic("reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of("decision", "NEEDS_INFO", "reason", "asked for the trade licence"))
                .post("/api/v1/reviews/" + item + "/matches/m1/decision").then().statusCode(200);
        given().auth().preemptive().basic("reviewer", "reviewer-secret").contentType(ContentType.JSON)
                .body(Map.of("assignee", "reviewer2")).post("/api/v1/reviews/" + item + "/assign").then().statusCode(200);

        s = summary(assessment);
        assertThat(s.link()).isEqualTo("/reviews/" + item);
        assertThat(s.decisions()).singleElement().satisfies(d -> {
            assertThat(d.decision()).isEqualTo(Decision.NEEDS_INFO);
            assertThat(d.status()).isEqualTo(DecisionStatus.IN_FORCE);
            assertThat(d.target()).isEqualTo("match m1");
            assertThat(d.decidedBy()).isEqualTo("reviewer");
        });
        assertThat(s.awaiting()).isZero();
        String html = include(s);
        assertThat(html).contains("href=\"/reviews/" + item + "\"", ">open<", "needs info", "reviewer2", "match m1")
                .doesNotContain("waiting for approval");
    }

    @Test
    void an_assessment_without_review_says_so() {
        String assessment = assess("{\"type\":\"GOODS\",\"hsCode\":\"0101.21\",\"destinationCountry\":\"DE\"}");
        ReviewSummary s = summary(assessment);
        assertThat(s.reviewed()).isFalse();
        assertThat(s.link()).isNull();
        assertThat(include(s)).contains("did not need a review").doesNotContain("/reviews/");
    }
}
