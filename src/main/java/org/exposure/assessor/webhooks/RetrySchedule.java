package org.exposure.assessor.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.exposure.assessor.config.AssessorConfig;

/**
 * When a failed delivery is tried again: the n-th configured delay after the n-th failure (the last one repeating),
 * lengthened by a random share of up to the jitter, so that deliveries that failed together (a receiver that was
 * down) do not all come back at the same second. No next attempt after the maximum number of attempts, nor when it
 * would fall beyond the maximum age of the series of attempts.
 */
public final class RetrySchedule {
    private final List<Duration> delays;
    private final double jitter;
    private final int maxAttempts;
    private final Duration maxAge;

    public RetrySchedule(List<Duration> delays, double jitter, int maxAttempts, Duration maxAge) {
        if (delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("assessor.webhooks.retry-delays must be positive durations, is " + delays);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
    }

    public static RetrySchedule of(AssessorConfig.Webhooks config) {
        return new RetrySchedule(config.retryDelays(), config.retryJitter(), config.maxAttempts(), config.maxAge());
    }

    /** The configured wait after the {@code failures}-th failure (1 for the first), before jitter. */
    public Duration delay(int failures) {
        return delays.get(Math.min(failures, delays.size()) - 1);
    }

    /**
     * The time of the next attempt after a failure, or null to give up.
     *
     * @param failures    attempts made in this series, the failed one included
     * @param seriesStart when the series began (the delivery was made, or re-sent by hand)
     * @param now         when the attempt failed
     */
    public Instant next(int failures, Instant seriesStart, Instant now) {
        if (failures >= maxAttempts) {
            return null;
        }
        Duration base = delay(failures);
        long extra = (long) (base.toMillis() * jitter * ThreadLocalRandom.current().nextDouble());
        Instant next = now.plus(base).plusMillis(extra);
        return next.isAfter(seriesStart.plus(maxAge)) ? null : next;
    }

    public int maxAttempts() {
        return maxAttempts;
    }
}
