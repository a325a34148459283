package org.exposure.assessor.batch;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import org.exposure.assessor.assessment.AssessmentMetrics;
import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.intake.SubjectDecoder;
import org.exposure.assessor.monitoring.VerdictChanges;
import org.exposure.assessor.persistence.AssessmentWriter;
import org.exposure.assessor.screening.ScreeningIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Claims one chunk and assesses it in one transaction: the chunk's row lock is the claim, and the assessments, the
 * per-row results and the chunk's "done" are committed together or not at all. A worker that dies part-way leaves
 * the chunk pending for the next one, with nothing of it stored.
 */
@ApplicationScoped
public class ChunkProcessor {
    /** Generous for the ~1 s a chunk of 1,000 takes, small enough that a stuck one is noticed. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    private final BatchStore store;
    private final DataSource dataSource;
    private final ChunkAssessor assessor;

    private final VerdictChanges verdicts;
    private final ScreeningIndex lists;
    private final AssessmentMetrics metrics;
    private final Counter rowsAssessed;
    private final Counter rowsRejected;
    /** The same decoding and evaluation as a claimed chunk's, with the screening time left out of the metrics. */
    private final ChunkAssessor warmUpAssessor;
    /** Chunks of real jobs this instance has claimed: once one is, the jobs warm the code themselves. */
    private final AtomicLong claims = new AtomicLong();

    ChunkProcessor(BatchStore store, DataSource dataSource, SubjectDecoder decoder, AssessmentService assessments,
                   ObjectMapper mapper, VerdictChanges verdicts, ScreeningIndex lists, AssessmentMetrics metrics,
                   MeterRegistry registry) {
        this.metrics = metrics;
        // rate() of the sum of both is the rows per second the jobs move at, across instances.
        this.rowsAssessed = Counter.builder("assessor.batch.rows").description("Batch job rows done (committed), by outcome")
                .tag("outcome", "assessed").register(registry);
        this.rowsRejected = Counter.builder("assessor.batch.rows").description("Batch job rows done (committed), by outcome")
                .tag("outcome", "rejected").register(registry);
        this.verdicts = verdicts;
        this.lists = lists;
        this.store = store;
        this.dataSource = dataSource;
        this.assessor = new ChunkAssessor(decoder, assessments::evaluate, mapper);
        this.warmUpAssessor = new ChunkAssessor(decoder, assessments::evaluateUnmetered, mapper);
    }

    /**
     * Assesses a made-up chunk exactly as a claimed one is assessed, and drops the result: no transaction, nothing
     * stored, nothing counted. Only for the start-up warm-up, so that the first job after a start does not run
     * interpreted and half-compiled code.
     */
    int warmUp(String chunkInput) {
        return warmUpAssessor.assess(chunkInput).outcome().assessed();
    }

    /** How many chunks of real jobs this instance has claimed since start-up. */
    long claims() {
        return claims.get();
    }

    /** What one call did: nothing to do, or a chunk of a job done (or skipped because its job was cancelled). */
    public record Outcome(BatchStore.Chunk chunk, boolean completed, int assessed, int rejected) {
    }

    /** Thrown inside the chunk's transaction to roll it back when the job was cancelled meanwhile. */
    private static final class JobCancelled extends RuntimeException {
        final transient BatchStore.Chunk chunk;

        JobCancelled(BatchStore.Chunk chunk) {
            super(null, null, false, false);
            this.chunk = chunk;
        }
    }

    /**
     * Makes sure the screening index holds the list versions a re-assessment was made for: this instance may not
     * have rebuilt yet since the instance that imported them did, and a re-assessment against the lists it replaces
     * would find no change.
     */
    private void current(JsonNode cause) {
        Set<UUID> held = lists.snapshot().ids();
        for (JsonNode change : cause.path("listChanges")) {
            String version = change.path("version").asText(null);
            if (version != null && !held.contains(UUID.fromString(version))) {
                // Reads what is in force now: the version, or one that replaced it since.
                lists.reload();
                return;
            }
        }
    }

    public Optional<Outcome> processNext(String worker) {
        try {
            Optional<Outcome> done = inTransaction(worker);
            // Committed by now: counted here, so that a rolled-back chunk, done again later, is counted once.
            done.ifPresent(o -> {
                rowsAssessed.increment(o.assessed());
                rowsRejected.increment(o.rejected());
            });
            return done;
        } catch (JobCancelled e) {
            return Optional.of(new Outcome(e.chunk, false, 0, 0));
        }
    }

    private Optional<Outcome> inTransaction(String worker) {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                Optional<BatchStore.Chunk> claimed = store.claim(c);
                if (claimed.isEmpty()) {
                    return Optional.<Outcome>empty();
                }
                BatchStore.Chunk chunk = claimed.get();
                claims.incrementAndGet();
                JobState state = store.state(c, chunk.jobId()).orElse(JobState.CANCELLED);
                if (state == JobState.QUEUED) {
                    store.markRunning(chunk.jobId());
                }
                JsonNode cause = store.cause(c, chunk.jobId());
                if (cause != null) {
                    current(cause);
                }
                ChunkAssessor.Assessed assessed = assessor.assess(chunk.input());
                // A job cancelled while this chunk was assessed keeps nothing of it. The job row stays locked against
                // a cancel until this commits, so no chunk is committed after a cancel has been answered.
                if (store.lockRunning(c, chunk.jobId()).orElse(JobState.CANCELLED) == JobState.CANCELLED) {
                    throw new JobCancelled(chunk);
                }
                String submittedBy = store.createdBy(c, chunk.jobId());
                assessed.stored().forEach(a -> a.submittedBy = submittedBy);
                // Re-assessments after a list change: compared with what they supersede before they are written
                // (a rise adds its review reason), their events appended after, in this same transaction.
                List<VerdictChanges.Change> changes = verdicts.compare(c, assessed.stored());
                AssessmentWriter.insert(c, assessed.stored());
                metrics.stored(assessed.stored(), cause != null ? AssessmentMetrics.RESCREEN : AssessmentMetrics.BATCH);
                if (!changes.isEmpty()) {
                    verdicts.append(c, changes, cause);
                }
                store.complete(c, chunk, assessed.results(), assessed.outcome(), worker);
                return Optional.of(new Outcome(chunk, true, assessed.outcome().assessed(), assessed.outcome().rejected()));
            }
        });
    }
}
