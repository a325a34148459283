package org.exposure.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.FiredRuleEntity;
import org.exposure.assessor.testsupport.Intake;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What one stored chunk yields, without a database or rules: the evaluation is a stand-in that rates a subject by
 * its name, so that the tests see exactly which rows reached it and in which order.
 */
class ChunkAssessorTest {
    private final List<Subject> evaluated = new ArrayList<>();
    private final List<List<Warning>> warned = new ArrayList<>();
    private final ChunkAssessor assessor = new ChunkAssessor(Intake.decoder(), this::evaluate, Intake.mapper());

    private AssessmentEntity evaluate(Submission submission) {
        Subject subject = submission.subject();
        evaluated.add(subject);
        warned.add(submission.warnings());
        AssessmentEntity entity = new AssessmentEntity();
        entity.id = UUID.randomUUID();
        entity.riskLevel = subject.name().contains("Blocked") ? RiskLevel.BLOCKED : RiskLevel.CLEAR;
        if (entity.riskLevel == RiskLevel.BLOCKED) {
            FiredRuleEntity rule = new FiredRuleEntity();
            rule.ruleId = "LIST-SDN";
            entity.firedRules.add(rule);
        }
        return entity;
    }

    private static String chunk(ChunkRow... rows) {
        StringBuilder text = new StringBuilder();
        for (ChunkRow row : rows) {
            row.appendTo(text);
        }
        return text.toString();
    }

    private static ChunkRow json(long line, String json) {
        return new ChunkRow(line, ChunkRow.Kind.JSON, json);
    }

    private static ChunkRow csv(long line, String valuesJson) {
        return new ChunkRow(line, ChunkRow.Kind.CSV, valuesJson);
    }

    static Stream<Arguments> rejectedRows() {
        return Stream.of(
                Arguments.of("not JSON", json(7, "{\"type\":"), "(body)"),
                Arguments.of("no type", json(7, "{\"name\":\"Acme\"}"), "type"),
                Arguments.of("unknown field", json(7, "{\"type\":\"GOODS\",\"name\":\"Acme\",\"hsCode\":\"854231\",\"hscode\":\"1\"}"), "hscode"),
                Arguments.of("invalid HS code", json(7, "{\"type\":\"GOODS\",\"name\":\"Acme\",\"hsCode\":\"12\"}"), "hsCode"),
                Arguments.of("a row the intake refused", new ChunkRow(7, ChunkRow.Kind.ERROR, "is longer than 10 characters"), "(row)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedRows")
    @DisplayName("a row that is not a valid subject is rejected with its line and the field at fault, and never evaluated")
    void rejected(String what, ChunkRow row, String field) {
        ChunkAssessor.Assessed out = assessor.assess(chunk(row));

        assertThat(out.results()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(7);
            assertThat(r.status()).isEqualTo(ResultRow.Status.REJECTED);
            assertThat(r.errors()).extracting(FieldError::field).contains(field);
            assertThat(r.assessmentId()).isNull();
        });
        assertThat(out.stored()).isEmpty();
        assertThat(evaluated).isEmpty();
        assertThat(out.outcome().rejected()).isEqualTo(1);
        assertThat(out.outcome().assessed()).isZero();
    }

    @Test
    @DisplayName("a JSON Lines chunk: each row in input order, assessed ones stored with their fired rules, counted by level")
    void jsonLines() {
        ChunkAssessor.Assessed out = assessor.assess(chunk(
                json(1, "{\"type\":\"GOODS\",\"ref\":\"a\",\"name\":\"Acme\",\"hsCode\":\"854231\"}"),
                json(2, "{\"type\":\"BANK\",\"ref\":\"b\"}"),
                json(4, "{\"type\":\"SUPPLIER\",\"ref\":\"c\",\"name\":\"Blocked Trading\",\"country\":\"AE\"}")));

        assertThat(out.results()).extracting(ResultRow::line, ResultRow::ref, ResultRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, "a", ResultRow.Status.ASSESSED),
                org.assertj.core.groups.Tuple.tuple(2L, "b", ResultRow.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple(4L, "c", ResultRow.Status.ASSESSED));
        assertThat(out.results().get(2).firedRules()).containsExactly("LIST-SDN");
        assertThat(out.results().get(2).assessmentId()).isEqualTo(out.stored().get(1).id);
        assertThat(out.stored()).hasSize(2);
        assertThat(evaluated).extracting(Subject::name).containsExactly("Acme", "Blocked Trading");
        assertThat(out.outcome().assessed()).isEqualTo(2);
        assertThat(out.outcome().rejected()).isEqualTo(1);
        assertThat(out.outcome().levels()).isEqualTo(Map.of(RiskLevel.CLEAR, 1, RiskLevel.BLOCKED, 1));
    }

    @Test
    @DisplayName("a CSV chunk is read through the header that starts it; an error names the column, not the JSON field")
    void csv() {
        ChunkAssessor.Assessed out = assessor.assess(chunk(
                ChunkRow.header("[\"ref\",\"type\",\"name\",\"hsCode\",\"destinationCountry\"]"),
                csv(2, "[\"g1\",\"GOODS\",\"Acme\",\"8542.31\",\"RU\"]"),
                csv(3, "[\"g2\",\"GOODS\",\"Acme\",\"12\",\"RU\"]"),
                csv(5, "[\"g3\",\"GOODS\",\"Acme\",\"854231\",\"RU\",\"extra\"]")));

        assertThat(out.results()).extracting(ResultRow::line, ResultRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, ResultRow.Status.ASSESSED),
                org.assertj.core.groups.Tuple.tuple(3L, ResultRow.Status.REJECTED),
                org.assertj.core.groups.Tuple.tuple(5L, ResultRow.Status.REJECTED));
        assertThat(out.results().get(1).errors()).extracting(FieldError::field).containsExactly(CsvLayout.column("hsCode"));
        assertThat(out.results().get(2).errors()).extracting(FieldError::field).containsExactly("(row)");
        assertThat(out.results().get(2).ref()).isEqualTo("g3");
        assertThat(evaluated).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("Acme"));
    }

    @Test
    @DisplayName("a ref longer than 200 characters comes back cut to 200 in the result row")
    void longRef() {
        String ref = "r".repeat(250);
        ChunkAssessor.Assessed out = assessor.assess(chunk(json(1, "{\"type\":\"BANK\",\"ref\":\"" + ref + "\"}")));

        assertThat(out.results().get(0).ref()).hasSize(ChunkAssessor.MAX_REF).isEqualTo(ref.substring(0, 200));
    }

    @Test
    @DisplayName("a CSV row without the header that gives it meaning is a broken chunk, not a row guessed at")
    void csvWithoutHeader() {
        assertThatThrownBy(() -> assessor.assess(chunk(csv(2, "[\"g1\",\"GOODS\"]"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no header row");
    }

    @Test
    @DisplayName("a row with a 10-digit tariff code, JSON Lines or CSV, is assessed as its HS-6 with a warning naming the field")
    void tenDigitTariffCode() {
        ChunkAssessor.Assessed ndjson = assessor.assess(chunk(
                json(1, "{\"type\":\"SUPPLIER\",\"ref\":\"s\",\"name\":\"Acme\",\"exports\":[{\"hsCode\":\"8542.31\"},{\"hsCode\":\"8542.31.0000\"}]}")));
        ChunkAssessor.Assessed csv = assessor.assess(chunk(
                ChunkRow.header("[\"ref\",\"type\",\"name\",\"hsCode\",\"destinationCountry\"]"),
                csv(2, "[\"g1\",\"GOODS\",\"Acme\",\"8542310000\",\"RU\"]")));

        assertThat(ndjson.results()).extracting(ResultRow::status).containsExactly(ResultRow.Status.ASSESSED);
        assertThat(csv.results()).extracting(ResultRow::status).containsExactly(ResultRow.Status.ASSESSED);
        assertThat(((org.exposure.assessor.domain.SupplierSubject) evaluated.get(0)).exports().get(1).hsCode()).isEqualTo("854231");
        assertThat(((org.exposure.assessor.domain.GoodsSubject) evaluated.get(1)).hsCode()).isEqualTo("854231");
        assertThat(warned.get(0)).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("HS_CODE_SHORTENED");
            assertThat(w.field()).isEqualTo("exports[1].hsCode");
            assertThat(w.message()).contains("\"8542.31.0000\"", "8542.31");
        });
        assertThat(warned.get(1)).extracting(Warning::code, Warning::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HS_CODE_SHORTENED", "hsCode"));
    }
}
