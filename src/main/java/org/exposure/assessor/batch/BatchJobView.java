package org.exposure.assessor.batch;

import java.time.Instant;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BatchJob", description = "An asynchronous batch job and how far it has got.")
public record BatchJobView(
        @Schema(description = "Job id (UUID).") String id,
        @Schema(description = "RECEIVING, QUEUED, RUNNING, DONE, FAILED or CANCELLED.") String state,
        @Schema(description = "JSONL or CSV.") String format,
        @Schema(description = "Rows read from the body (blank lines are not rows).") long rowsRead,
        @Schema(description = "Rows assessed and stored.") long assessed,
        @Schema(description = "Rows rejected; each is listed by GET .../errors.") long rejected,
        @Schema(description = "Assessed rows per risk level.") Map<String, Long> riskLevels,
        @Schema(description = "Chunks of the job, and how many are done.") int chunks,
        int chunksDone,
        @Schema(description = "Rows per second since the job started.") Double rowsPerSecond,
        @Schema(description = "Estimated seconds until the job is done, at that rate.") Long estimatedSecondsLeft,
        @Schema(description = "Why the job failed, when it did.") String failure,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @Schema(description = "Why a job that is not finished is not progressing, e.g. no sanctions list is in force (it resumes by itself when one is).")
        String waitingFor,
        @Schema(description = "Chunks done by each worker (instance/worker-n): which instances shared the job.") Map<String, Long> workers,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        @Schema(description = "When the retention cleanup (assessor.retention.batch-jobs) removed the job's per-row results; the totals above remain and .../results answers 410.")
        Instant resultsRemovedAt,
        @Schema(description = "Where the results and the rejected rows are.") Map<String, String> links) {
}
