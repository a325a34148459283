package org.exposure.assessor.batch;

import java.time.Duration;
import java.time.Instant;

/**
 * A job's rate and the time its remaining rows would take at that rate. A running job is measured over its last
 * 30 s, so that a job resumed after a restart (or joined by another instance) is not judged by its whole history;
 * a finished one over its whole run.
 */
public record Progress(Double rowsPerSecond, Long secondsLeft) {

    public static Progress of(JobStatus s, Instant now) {
        if (s.startedAt() == null || s.done() == 0) {
            return new Progress(null, null);
        }
        Instant end = s.finishedAt() != null ? s.finishedAt() : now;
        double seconds = Math.max(0.001, Duration.between(s.startedAt(), end).toMillis() / 1000.0);
        double rate = s.done() / seconds;
        if (!s.state().finished() && seconds > JobStatus.RECENT.toSeconds()) {
            if (s.recentRows() == 0) {
                return new Progress(0.0, null);
            }
            rate = s.recentRows() / (double) JobStatus.RECENT.toSeconds();
        }
        Long left = s.state().finished() ? Long.valueOf(0) : Long.valueOf(Math.round((s.rowsRead() - s.done()) / rate));
        return new Progress(Math.round(rate * 10) / 10.0, left);
    }
}
