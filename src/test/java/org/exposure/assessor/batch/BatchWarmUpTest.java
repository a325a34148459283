package org.exposure.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.exposure.assessor.assessment.AssessmentMetrics;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The warm-up runs the made-up rows through the workers' assessment and leaves no trace: no assessment, party, review
 * item, audit record or job row is stored, and no meter moves (the screening timer included). The test profile
 * turns the start-up warm-up off, so this runs it directly, with the test fixture lists in force.
 */
@QuarkusTest
class BatchWarmUpTest {
    private static final List<String> TABLES = List.of("assessment", "fired_rule", "watched_party", "review_item",
            "watched_match", "audit_event", "change_event", "batch_job", "batch_chunk", "batch_result");

    @Inject
    BatchWarmUp warmUp;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    AssessmentMetrics metrics;

    @Inject
    ChunkProcessor processor;

    @Test
    void assessesEveryRowAndStoresAndCountsNothing() throws SQLException {
        // The beans register their meters when first used: made now, so that a meter the warm-up moved is seen.
        metrics.stored(List.of(), AssessmentMetrics.BATCH);
        processor.claims();
        List<Long> before = counts();
        List<String> metersBefore = meters();
        assertThat(metersBefore).anyMatch(m -> m.contains("assessor.screening"))
                .anyMatch(m -> m.contains("assessor.batch.rows"));

        assertThat(warmUp.run(1_500)).isEqualTo(1_500);

        assertThat(counts()).isEqualTo(before);
        assertThat(meters()).isEqualTo(metersBefore);
    }

    private List<Long> counts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    counts.add(r.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Every assessor counter and timer with its measurements (counts, totals), as text. */
    private List<String> meters() {
        List<String> all = new ArrayList<>();
        for (Meter m : registry.getMeters()) {
            // Counters and timers: the gauges (a list's age, the last refresh) move with the clock.
            if (m.getId().getName().startsWith("assessor.") && (m instanceof Counter || m instanceof Timer)) {
                StringBuilder line = new StringBuilder(m.getId().toString());
                m.measure().forEach(ms -> line.append(' ').append(ms.getStatistic()).append('=').append(ms.getValue()));
                all.add(line.toString());
            }
        }
        all.sort(null);
        return all;
    }
}
