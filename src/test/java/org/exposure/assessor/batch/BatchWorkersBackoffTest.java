package org.exposure.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The waits of a batch worker between failed attempts. */
class BatchWorkersBackoffTest {

    @Test
    @DisplayName("the wait starts at the poll interval, doubles after each failure, stops at the maximum and starts over after a success")
    void doublesUpToTheMaximumAndResets() {
        BatchWorkers.Backoff backoff = new BatchWorkers.Backoff(50, 1_000);
        assertThat(backoff.failures()).isZero();
        long[] waits = new long[8];
        for (int i = 0; i < waits.length; i++) {
            waits[i] = backoff.next();
        }
        assertThat(waits).containsExactly(50, 100, 200, 400, 800, 1_000, 1_000, 1_000);
        assertThat(backoff.failures()).isEqualTo(8);
        backoff.reset();
        assertThat(backoff.failures()).isZero();
        assertThat(backoff.next()).isEqualTo(50);
    }

    @Test
    @DisplayName("a long outage does not overflow the wait")
    void manyFailuresStayAtTheMaximum() {
        BatchWorkers.Backoff backoff = new BatchWorkers.Backoff(500, 5_000);
        long last = 0;
        for (int i = 0; i < 100; i++) {
            last = backoff.next();
            assertThat(last).isBetween(500L, 5_000L);
        }
        assertThat(last).isEqualTo(5_000);
    }
}
