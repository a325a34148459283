package org.exposure.assessor.batch;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;

/** A job as the database has it now: its rows so far and the results of the chunks that are done. */
public record JobStatus(UUID id, JobState state, BatchFormat format, long rowsRead, int chunks, int chunksDone,
                        long assessed, long rejected, Map<RiskLevel, Long> riskLevels, String failure, Map<String, Long> workers,
                        Instant createdAt, Instant startedAt, Instant finishedAt, long recentRows, Instant purgedAt) {
    /** Rows done in the last {@link #RECENT} (by any instance): the rate a running job is estimated from. */
    public static final java.time.Duration RECENT = java.time.Duration.ofSeconds(30);


    public long done() {
        return assessed + rejected;
    }
}
