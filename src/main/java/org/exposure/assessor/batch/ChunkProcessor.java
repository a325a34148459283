package org.exposure.assessor.batch;

import java.sql.Connection;
import java.util.Optional;
import javax.sql.DataSource;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.intake.SubjectDecoder;
import org.exposure.assessor.persistence.AssessmentWriter;

import com.fasterxml.jackson.databind.ObjectMapper;

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

    ChunkProcessor(BatchStore store, DataSource dataSource, SubjectDecoder decoder, AssessmentService assessments,
                   ObjectMapper mapper) {
        this.store = store;
        this.dataSource = dataSource;
        this.assessor = new ChunkAssessor(decoder, assessments::evaluate, mapper);
    }

    /** What one call did: nothing to do, or a chunk of a job done (or skipped because its job was cancelled). */
    public record Outcome(BatchStore.Chunk chunk, boolean completed) {
    }

    /** Thrown inside the chunk's transaction to roll it back when the job was cancelled meanwhile. */
    private static final class JobCancelled extends RuntimeException {
        final transient BatchStore.Chunk chunk;

        JobCancelled(BatchStore.Chunk chunk) {
            super(null, null, false, false);
            this.chunk = chunk;
        }
    }

    public Optional<Outcome> processNext(String worker) {
        try {
            return inTransaction(worker);
        } catch (JobCancelled e) {
            return Optional.of(new Outcome(e.chunk, false));
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
                JobState state = store.state(c, chunk.jobId()).orElse(JobState.CANCELLED);
                if (state == JobState.QUEUED) {
                    store.markRunning(chunk.jobId());
                }
                ChunkAssessor.Assessed assessed = assessor.assess(chunk.input());
                // A job cancelled while this chunk was assessed keeps nothing of it. The job row stays locked against
                // a cancel until this commits, so no chunk is committed after a cancel has been answered.
                if (store.lockRunning(c, chunk.jobId()).orElse(JobState.CANCELLED) == JobState.CANCELLED) {
                    throw new JobCancelled(chunk);
                }
                String submittedBy = store.createdBy(c, chunk.jobId());
                assessed.stored().forEach(a -> a.submittedBy = submittedBy);
                AssessmentWriter.insert(c, assessed.stored());
                store.complete(c, chunk, assessed.results(), assessed.outcome(), worker);
                return Optional.of(new Outcome(chunk, true));
            }
        });
    }
}
