package org.exposure.assessor.batch;

import java.time.Duration;
import java.time.Instant;

/** A job's rate since it started and the time its remaining rows would take at that rate. */
public record Progress(Double rowsPerSecond, Long secondsLeft) {

    public static Progress of(JobStatus s, Instant now) {
        if (s.startedAt() == null || s.done() == 0) {
            return new Progress(null, null);
        }
        Instant end = s.finishedAt() != null ? s.finishedAt() : now;
        double seconds = Math.max(0.001, Duration.between(s.startedAt(), end).toMillis() / 1000.0);
        double rate = s.done() / seconds;
        Long left = s.state().finished() ? Long.valueOf(0) : Long.valueOf(Math.round((s.rowsRead() - s.done()) / rate));
        return new Progress(Math.round(rate * 10) / 10.0, left);
    }
}
