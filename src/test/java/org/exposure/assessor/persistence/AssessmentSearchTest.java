package org.exposure.assessor.persistence;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.domain.RiskLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * The search of stored assessments behind the web interface's Assessments page: every criterion alone and
 * together, the LIKE wildcards taken literally, the review status from the review item, newest first and paged.
 * Plain SQL, so the same test holds on H2 and on PostgreSQL (mvn verify -Ppostgresql).
 *
 * <p>Three assessments with refs of their own: goods (no name, no review), a supplier with a made-up name (no
 * review) and a supplier named as an SDN fixture entry (BLOCKED, a review item). The goods one is moved to 2020.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssessmentSearchTest {
    @Inject
    AssessmentService service;
    @Inject
    AgroalDataSource dataSource;

    private final String prefix = "SRCH_" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private String goods;
    private String plain;
    private String listed;

    /** Once, but in a test's own setup: RestAssured knows the test port only then. */
    @BeforeEach
    void assessments() throws SQLException {
        if (goods != null) {
            return;
        }
        goods = submit("{\"type\":\"GOODS\",\"ref\":\"" + prefix + "1\",\"hsCode\":\"0101.21\",\"destinationCountry\":\"DE\"}");
        plain = submit("{\"type\":\"SUPPLIER\",\"ref\":\"" + prefix + "2\",\"name\":\"Quillomat Feinmechanik GmbH\",\"country\":\"DE\"}");
        listed = submit("{\"type\":\"SUPPLIER\",\"ref\":\"" + prefix + "3\",\"name\":\"Cubafrutas\",\"country\":\"AE\"}");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE assessment SET assessed_at = ? WHERE id = ?")) {
            ps.setObject(1, OffsetDateTime.of(2020, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC));
            ps.setObject(2, UUID.fromString(goods));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static String submit(String json) {
        return given().auth().preemptive().basic("analyst", "analyst-secret").contentType(ContentType.JSON).body(json)
                .post("/api/v1/assessments").then().statusCode(201).extract().jsonPath().getString("id");
    }

    private List<String> ids(AssessmentRepository.Search s) {
        return QuarkusTransaction.requiringNew().call(() -> service.search(s, 0, 50)).items().stream()
                .map(a -> a.id.toString()).toList();
    }

    private AssessmentRepository.Search byPrefix() {
        return new AssessmentRepository.Search(prefix, true, null, null, null, null, null, null);
    }

    @Test
    void a_ref_prefix_finds_the_three_newest_first_and_an_exact_ref_one() {
        // Newest first is by storage order: the goods one was stored first, whatever its (moved) time.
        assertThat(ids(byPrefix())).containsExactly(listed, plain, goods);
        assertThat(ids(new AssessmentRepository.Search(prefix + "2", false, null, null, null, null, null, null)))
                .containsExactly(plain);
        assertThat(ids(new AssessmentRepository.Search(prefix, false, null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void like_wildcards_in_the_ref_and_the_name_are_taken_literally() {
        // The prefix holds an underscore: as a LIKE wildcard it would also match "SRCHx...".
        String wildcard = prefix.replace("SRCH_", "SRCH%");
        assertThat(ids(new AssessmentRepository.Search(wildcard, true, null, null, null, null, null, null))).isEmpty();
        assertThat(ids(new AssessmentRepository.Search(prefix, true, "feinmechanik_", null, null, null, null, null)))
                .isEmpty();
        assertThat(AssessmentRepository.likeEscaped("50%_off!")).isEqualTo("50!%!_off!!");
    }

    @Test
    void the_name_is_found_by_any_part_in_any_case() {
        assertThat(ids(new AssessmentRepository.Search(prefix, true, "FEINMECH", null, null, null, null, null)))
                .containsExactly(plain);
        assertThat(ids(new AssessmentRepository.Search(null, false, "quillomat feinmechanik", null, null, null, null,
                null))).containsExactly(plain);
    }

    @Test
    void the_risk_level_and_the_review_status_filter() {
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, RiskLevel.BLOCKED, null, null, null, null)))
                .containsExactly(listed);
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, null, null, "OPEN", null)))
                .containsExactly(listed);
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, null, null,
                AssessmentRepository.NO_REVIEW, null))).containsExactly(plain, goods);
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, null, null, "CLOSED", null))).isEmpty();
    }

    @Test
    void the_time_range_includes_its_start_and_excludes_its_end() {
        Instant day = Instant.parse("2020-01-15T00:00:00Z");
        Instant next = Instant.parse("2020-01-16T00:00:00Z");
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, day, next, null, null)))
                .containsExactly(goods);
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, Instant.parse("2020-01-15T10:00:01Z"),
                next, null, null))).isEmpty();
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, null,
                Instant.parse("2020-01-15T10:00:00Z"), null, null))).isEmpty();
        assertThat(ids(new AssessmentRepository.Search(prefix, true, null, null, next, null, null, null)))
                .containsExactly(listed, plain);
    }

    @Test
    void criteria_combine_and_pages_count_the_whole_result() {
        assertThat(ids(new AssessmentRepository.Search(prefix, true, "cuba", RiskLevel.BLOCKED, null, null, "OPEN",
                "analyst"))).containsExactly(listed);
        assertThat(ids(new AssessmentRepository.Search(prefix, true, "cuba", RiskLevel.BLOCKED, null, null, "OPEN",
                "admin"))).isEmpty();
        AssessmentRepository.PageResult second = QuarkusTransaction.requiringNew()
                .call(() -> service.search(byPrefix(), 1, 2));
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.items()).extracting(a -> a.id.toString()).containsExactly(goods);
    }
}
