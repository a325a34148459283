package org.exposure.assessor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The retry schedule: the configured delays in turn, the last repeating, jitter upwards only, and the two limits. */
class RetryScheduleTest {
    private static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2));
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void delaysInTurnAndTheLastRepeats() {
        RetrySchedule s = new RetrySchedule(DELAYS, 0, 10, Duration.ofDays(1));
        assertThat(s.next(1, T0, T0)).isEqualTo(T0.plusSeconds(10));
        assertThat(s.next(2, T0, T0)).isEqualTo(T0.plusSeconds(30));
        assertThat(s.next(3, T0, T0)).isEqualTo(T0.plusSeconds(120));
        assertThat(s.next(7, T0, T0)).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void jitterLengthensByAtMostItsShare() {
        RetrySchedule s = new RetrySchedule(DELAYS, 0.2, 10, Duration.ofDays(1));
        long distinct = java.util.stream.IntStream.range(0, 200).mapToObj(i -> s.next(1, T0, T0)).peek(next ->
                assertThat(next).isBetween(T0.plusSeconds(10), T0.plusSeconds(12))).distinct().count();
        assertThat(distinct).as("jitter spreads the retries").isGreaterThan(50);
    }

    @Test
    void givesUpAfterMaxAttemptsOrBeyondMaxAge() {
        RetrySchedule s = new RetrySchedule(DELAYS, 0, 3, Duration.ofMinutes(1));
        assertThat(s.next(2, T0, T0.plusSeconds(20))).isEqualTo(T0.plusSeconds(50));
        assertThat(s.next(3, T0, T0.plusSeconds(50))).as("third attempt of three failed").isNull();
        assertThat(s.next(2, T0, T0.plusSeconds(40))).as("the next attempt would come after one minute").isNull();
    }

    @Test
    void refusesNonPositiveDelays() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ZERO), 0, 3, Duration.ofHours(1)))
                .hasMessageContaining("retry-delays");
        assertThatThrownBy(() -> new RetrySchedule(List.of(), 0, 3, Duration.ofHours(1)))
                .hasMessageContaining("retry-delays");
    }
}
