package org.exposure.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.Subject;
import org.exposure.assessor.domain.Submission;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.testsupport.Intake;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's made-up chunks are read by the same chunk reader and subject decoder as a job's, and every row is a
 * valid subject: a rejected row would stop at the decoder and leave the screening and the rules cold.
 */
class WarmUpRowsTest {
    private final List<Subject> evaluated = new ArrayList<>();

    private AssessmentEntity evaluate(Submission submission) {
        evaluated.add(submission.subject());
        AssessmentEntity entity = new AssessmentEntity();
        entity.id = UUID.randomUUID();
        entity.riskLevel = RiskLevel.CLEAR;
        return entity;
    }

    @Test
    void everyRowIsAValidSubjectOfEveryKindInBothFormats() {
        ChunkAssessor assessor = new ChunkAssessor(Intake.decoder(), this::evaluate, Intake.mapper());
        WarmUpRows rows = new WarmUpRows(Intake.mapper(), 1);
        Set<ChunkRow.Kind> kinds = new HashSet<>();
        int total = 0;
        for (int i = 0; i < 60; i++) {
            String chunk = rows.chunk(100);
            ChunkRow.parseAll(chunk).forEach(r -> kinds.add(r.kind()));
            ChunkAssessor.Assessed assessed = assessor.assess(chunk);
            assertThat(assessed.results()).allSatisfy(r -> assertThat(r.errors()).isNull());
            assertThat(assessed.outcome().rejected()).isZero();
            total += assessed.outcome().assessed();
        }
        assertThat(total).isEqualTo(6_000);
        assertThat(evaluated).hasSize(6_000);
        assertThat(kinds).contains(ChunkRow.Kind.JSON, ChunkRow.Kind.CSV, ChunkRow.Kind.HEADER);
        Set<String> types = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Subject s : evaluated) {
            types.add(s.type().name());
            if (s.name() != null) {
                names.add(s.name());
            }
        }
        assertThat(types).containsExactlyInAnyOrder("GOODS", "SUPPLIER", "BANK");
        // Many different names, so that the matcher is asked about many tokens, not the same few again.
        assertThat(names).hasSizeGreaterThan(2_000);
    }

    @Test
    void theSameSeedMakesTheSameChunks() {
        WarmUpRows a = new WarmUpRows(Intake.mapper(), 7);
        WarmUpRows b = new WarmUpRows(Intake.mapper(), 7);
        for (int i = 0; i < 5; i++) {
            assertThat(a.chunk(50)).isEqualTo(b.chunk(50));
        }
    }
}
