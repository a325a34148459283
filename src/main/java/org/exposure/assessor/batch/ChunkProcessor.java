package org.exposure.assessor.batch;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

import org.exposure.assessor.assessment.AssessmentService;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.SubjectDecoder;
import org.exposure.assessor.intake.SubjectDecoder.Decoded;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.AssessmentWriter;
import org.exposure.assessor.persistence.FiredRuleEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
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
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    /** Generous for the ~1 s a chunk of 1,000 takes, small enough that a stuck one is noticed. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 600;

    private final BatchStore store;
    private final DataSource dataSource;
    private final SubjectDecoder decoder;
    private final AssessmentService assessments;
    private final ObjectMapper mapper;
    private final Map<List<String>, CsvLayout> layouts = new java.util.concurrent.ConcurrentHashMap<>();

    ChunkProcessor(BatchStore store, DataSource dataSource, SubjectDecoder decoder, AssessmentService assessments,
                   ObjectMapper mapper) {
        this.store = store;
        this.dataSource = dataSource;
        this.decoder = decoder;
        this.assessments = assessments;
        this.mapper = mapper;
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
                List<ResultRow> results = new ArrayList<>(chunk.rowCount());
                Map<RiskLevel, Integer> levels = new EnumMap<>(RiskLevel.class);
                int assessed = 0;
                int rejected = 0;
                CsvLayout layout = null;
                List<AssessmentEntity> stored = new ArrayList<>(chunk.rowCount());
                for (String row : chunk.input().split("\n")) {
                    if (row.isEmpty()) {
                        continue;
                    }
                    if (row.startsWith("0\t" + BatchIntake.HEADER)) {
                        layout = layouts.computeIfAbsent(strings(row.substring(4)), CsvLayout::of);
                        continue;
                    }
                    ResultRow result = assess(row, layout, stored);
                    if (result.status() == ResultRow.Status.ASSESSED) {
                        assessed++;
                        levels.merge(result.riskLevel(), 1, Integer::sum);
                    } else {
                        rejected++;
                    }
                    results.add(result);
                }
                // A job cancelled while this chunk was assessed keeps nothing of it. The job row stays locked against
                // a cancel until this commits, so no chunk is committed after a cancel has been answered.
                if (store.lockRunning(c, chunk.jobId()).orElse(JobState.CANCELLED) == JobState.CANCELLED) {
                    throw new JobCancelled(chunk);
                }
                AssessmentWriter.insert(c, stored);
                store.complete(c, chunk, results, new BatchStore.ChunkOutcome(assessed, rejected, levels), worker);
                return Optional.of(new Outcome(chunk, true));
            }
        });
    }

    private ResultRow assess(String row, CsvLayout layout, List<AssessmentEntity> stored) {
        int tab1 = row.indexOf('\t');
        long line = Long.parseLong(row.substring(0, tab1));
        char kind = row.charAt(tab1 + 1);
        String payload = row.substring(tab1 + 3);
        Decoded decoded;
        switch (kind) {
            case BatchIntake.JSON -> decoded = decoder.decode(payload);
            case BatchIntake.CSV -> decoded = decodeCsv(layout, strings(payload));
            default -> decoded = new Decoded(null, null, List.of(new FieldError("(row)", payload)));
        }
        String ref = decoded.ref() == null ? null : decoded.ref().length() > 200 ? decoded.ref().substring(0, 200) : decoded.ref();
        if (decoded.subject() == null) {
            return new ResultRow(line, ref, ResultRow.Status.REJECTED, null, null, null, decoded.errors());
        }
        AssessmentEntity entity = assessments.evaluate(decoded.subject());
        stored.add(entity);
        List<String> rules = new ArrayList<>(entity.firedRules.size());
        for (FiredRuleEntity r : entity.firedRules) {
            rules.add(r.ruleId);
        }
        return new ResultRow(line, ref, ResultRow.Status.ASSESSED, entity.id, entity.riskLevel, rules, null);
    }

    private Decoded decodeCsv(CsvLayout layout, List<String> values) {
        if (layout == null) {
            throw new IllegalStateException("a stored CSV chunk has no header row");
        }
        List<FieldError> errors = new ArrayList<>();
        var node = layout.toJson(values, errors);
        if (node == null) {
            return new Decoded(null, layout.ref(values), errors);
        }
        Decoded d = decoder.decode(node);
        if (d.subject() != null) {
            return d;
        }
        return new Decoded(null, d.ref(), d.errors().stream()
                .map(e -> new FieldError(CsvLayout.column(e.field()), e.message())).toList());
    }

    private List<String> strings(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored CSV row is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
