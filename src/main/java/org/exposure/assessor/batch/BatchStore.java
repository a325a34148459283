package org.exposure.assessor.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.persistence.TimeOrderedIds;
import org.exposure.assessor.persistence.Transactions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The jobs' tables, in plain JDBC: the chunk claim needs {@code FOR UPDATE SKIP LOCKED}, results are written and
 * read in large batches, and none of it needs an entity's life cycle. Methods that take a {@link Connection} run in
 * the caller's transaction; the others open their own.
 */
@ApplicationScoped
public class BatchStore {
    private final DataSource dataSource;
    private final ObjectMapper mapper;

    BatchStore(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** A chunk as claimed by a worker: the rows to assess, locked until the claiming transaction ends. */
    public record Chunk(UUID jobId, int chunkNo, long firstLine, int rowCount, String input) {
    }

    /** What a finished chunk adds to its job. */
    public record ChunkOutcome(int assessed, int rejected, Map<RiskLevel, Integer> levels) {
    }

    /** A new job, RECEIVING; {@code createdBy} is the submitting user's name. */
    public UUID createJob(BatchFormat format, String createdBy) {
        UUID id = TimeOrderedIds.next();
        Instant now = Instant.now();
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO batch_job (id, state, format, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setString(2, JobState.RECEIVING.name());
                ps.setString(3, format.name());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setString(6, createdBy);
                ps.executeUpdate();
            }
            return null;
        });
        return id;
    }

    /** The origin of the jobs the service makes to assess stored subjects again after a list change. */
    public static final String RESCREEN = "RESCREEN";

    /**
     * A job, QUEUED, that assesses the stored subjects of these assessments again, each new assessment superseding
     * the one it comes from; made on the caller's connection, in its transaction (the one that claimed the list
     * change), so that a change is either acted on with its job stored or not at all.
     *
     * @param cause what made it (the list changes), repeated in the events of the changes feed
     * @return the job's id, or empty when there is nothing to assess
     */
    public Optional<UUID> createRescreenJob(Connection c, List<UUID> assessments, String cause, int chunkSize)
            throws SQLException {
        if (assessments.isEmpty()) {
            return Optional.empty();
        }
        UUID id = TimeOrderedIds.next();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_job (id, state, format, created_at, updated_at, "
                + "created_by, origin, cause_json, rows_read, chunk_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, JobState.QUEUED.name());
            ps.setString(3, BatchFormat.JSONL.name());
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.setString(6, AuditTrail.SYSTEM);
            ps.setString(7, RESCREEN);
            ps.setString(8, cause);
            ps.setLong(9, assessments.size());
            ps.setInt(10, (assessments.size() + chunkSize - 1) / chunkSize);
            ps.executeUpdate();
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM batch_job WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO batch_chunk (job_id, chunk_no, job_seq, "
                + "first_line, row_count, input, state) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')")) {
            for (int from = 0, chunkNo = 0; from < assessments.size(); from += chunkSize, chunkNo++) {
                List<UUID> part = assessments.subList(from, Math.min(assessments.size(), from + chunkSize));
                StringBuilder text = new StringBuilder();
                long line = from + 1L;
                for (Map.Entry<UUID, String> subject : subjects(c, part).entrySet()) {
                    ObjectNode row = mapper.createObjectNode();
                    row.put("supersedes", subject.getKey().toString());
                    row.set("subject", mapper.readTree(subject.getValue()));
                    ChunkRow.rescreen(line++, row.toString()).appendTo(text);
                }
                insert.setObject(1, id);
                insert.setInt(2, chunkNo);
                insert.setLong(3, seq);
                insert.setLong(4, from + 1L);
                insert.setInt(5, part.size());
                insert.setString(6, text.toString());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored subject is not JSON", e);
        }
        return Optional.of(id);
    }

    /** The stored subjects of these assessments, in the order given (those not found are left out). */
    private static Map<UUID, String> subjects(Connection c, List<UUID> ids) throws SQLException {
        Map<UUID, String> found = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, subject_json FROM assessment WHERE id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        Map<UUID, String> out = new LinkedHashMap<>();
        for (UUID id : ids) {
            if (found.containsKey(id)) {
                out.put(id, found.get(id));
            }
        }
        return out;
    }

    /** What made a job (its cause, as JSON), on the claiming connection; null for an upload. */
    public JsonNode cause(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT cause_json FROM batch_job WHERE id = ?")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                String json = rs.next() ? rs.getString(1) : null;
                return json == null ? null : mapper.readTree(json);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the cause of job " + jobId + " is not JSON", e);
        }
    }

    /** Whether a job made after a list change is still to be finished (queued or running). */
    public boolean rescreenUnderWay(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch_job WHERE origin = ? AND state IN (?, ?)")) {
            ps.setString(1, RESCREEN);
            ps.setString(2, JobState.QUEUED.name());
            ps.setString(3, JobState.RUNNING.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Whether the job exists, and who submitted it (empty: submitted before jobs had creators). */
    public Optional<Optional<String>> creator(UUID jobId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT created_by FROM batch_job WHERE id = ?")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    /** Who submitted the job, on the claiming connection: its assessments are stored as submitted by them. */
    public String createdBy(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT created_by FROM batch_job WHERE id = ?")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public long jobSeq(UUID jobId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM batch_job WHERE id = ?")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("no job " + jobId);
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Stores chunks of a job still receiving, with the job's counters, in one transaction. */
    public void appendChunks(UUID jobId, long jobSeq, List<Chunk> chunks, long rowsRead, int chunkCount) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_chunk (job_id, chunk_no, job_seq, "
                    + "first_line, row_count, input, state) VALUES (?, ?, ?, ?, ?, ?, 'PENDING')")) {
                for (Chunk chunk : chunks) {
                    ps.setObject(1, jobId);
                    ps.setInt(2, chunk.chunkNo());
                    ps.setLong(3, jobSeq);
                    ps.setLong(4, chunk.firstLine());
                    ps.setInt(5, chunk.rowCount());
                    ps.setString(6, chunk.input());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_job SET rows_read = ?, chunk_count = ?, updated_at = ? WHERE id = ?")) {
                ps.setLong(1, rowsRead);
                ps.setInt(2, chunkCount);
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.setObject(4, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The body has arrived whole: the job may be worked on. */
    public void markQueued(UUID jobId, long rowsRead, int chunkCount) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = ?, rows_read = ?, chunk_count = ?, "
                    + "updated_at = ? WHERE id = ? AND state = ?")) {
                ps.setString(1, chunkCount == 0 ? JobState.DONE.name() : JobState.QUEUED.name());
                ps.setLong(2, rowsRead);
                ps.setInt(3, chunkCount);
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.setObject(5, jobId);
                ps.setString(6, JobState.RECEIVING.name());
                ps.executeUpdate();
            }
            if (chunkCount == 0) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET finished_at = ? WHERE id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setObject(2, jobId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Removes a job whose upload failed: nothing of a half-received body stays behind. */
    public void delete(UUID jobId) {
        inTransaction(c -> {
            for (String sql : List.of("DELETE FROM batch_result WHERE job_id = ?", "DELETE FROM batch_chunk WHERE job_id = ?",
                    "DELETE FROM batch_job WHERE id = ?")) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, jobId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Takes the next pending chunk of a queued or running job, oldest job first, skipping chunks other transactions
     * hold. The lock lasts until the caller's transaction ends.
     */
    public Optional<Chunk> claim(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT job_id, chunk_no, first_line, row_count, input "
                + "FROM batch_chunk WHERE state = 'PENDING' "
                + "AND job_id IN (SELECT id FROM batch_job WHERE state IN ('QUEUED', 'RUNNING')) "
                + "ORDER BY job_seq, chunk_no LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Chunk(rs.getObject(1, UUID.class), rs.getInt(2), rs.getLong(3), rs.getInt(4),
                        rs.getString(5)));
            }
        }
    }

    /** Whether there is pending work at all, without locking anything (lets idle workers sleep). */
    public boolean hasPendingWork() {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM batch_job WHERE state IN ('QUEUED', 'RUNNING')");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** QUEUED becomes RUNNING when its first chunk is taken; a short transaction of its own, so no lock is kept. */
    public void markRunning(UUID jobId) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_job SET state = 'RUNNING', started_at = ? WHERE id = ? AND state = 'QUEUED'")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setObject(2, jobId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    public Optional<JobState> state(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM batch_job WHERE id = ?")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /**
     * The job's state, with the job row locked against a concurrent cancel until the caller's transaction ends:
     * shared on PostgreSQL (workers on one job do not wait for each other), exclusive on H2, which has no shared
     * row lock.
     */
    public Optional<JobState> lockRunning(Connection c, UUID jobId) throws SQLException {
        boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM batch_job WHERE id = ? "
                + (postgres ? "FOR SHARE" : "FOR UPDATE"))) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(JobState.valueOf(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** Writes a chunk's results and marks it done, in the claiming transaction. */
    public void complete(Connection c, Chunk chunk, List<ResultRow> results, ChunkOutcome outcome, String worker)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_result (job_id, line, ref, status, "
                + "assessment_id, risk_level, fired_rules, errors_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ResultRow r : results) {
                ps.setObject(1, chunk.jobId());
                ps.setLong(2, r.line());
                ps.setString(3, r.ref());
                ps.setString(4, r.status().name());
                if (r.assessmentId() == null) {
                    ps.setNull(5, Types.OTHER);
                } else {
                    ps.setObject(5, r.assessmentId());
                }
                ps.setString(6, r.riskLevel() == null ? null : r.riskLevel().name());
                ps.setString(7, r.firedRules() == null ? null : String.join(",", r.firedRules()));
                ps.setString(8, r.errors() == null ? null : json(r.errors()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE batch_chunk SET state = 'DONE', input = NULL, assessed = ?, "
                + "rejected = ?, n_clear = ?, n_info = ?, n_low = ?, n_medium = ?, n_high = ?, n_severe = ?, n_blocked = ?, "
                + "worker = ?, done_at = ? WHERE job_id = ? AND chunk_no = ? AND state = 'PENDING'")) {
            ps.setInt(1, outcome.assessed());
            ps.setInt(2, outcome.rejected());
            int i = 3;
            for (RiskLevel level : RiskLevel.values()) {
                ps.setInt(i++, outcome.levels().getOrDefault(level, 0));
            }
            ps.setString(i++, worker);
            ps.setTimestamp(i++, Timestamp.from(Instant.now()));
            ps.setObject(i++, chunk.jobId());
            ps.setInt(i, chunk.chunkNo());
            if (ps.executeUpdate() != 1) {
                // Only possible if the lock did not hold; the rollback keeps the chunk's rows from being written twice.
                throw new IllegalStateException("chunk " + chunk.chunkNo() + " of job " + chunk.jobId() + " was not pending");
            }
        }
    }

    /**
     * Marks the job done when no chunk is pending. Called after each chunk's commit, so the worker that commits the
     * last chunk sees every other chunk committed.
     */
    public boolean finishIfComplete(UUID jobId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'DONE', finished_at = ? "
                    + "WHERE id = ? AND state IN ('QUEUED', 'RUNNING') "
                    + "AND NOT EXISTS (SELECT 1 FROM batch_chunk WHERE job_id = ? AND state = 'PENDING')")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setObject(2, jobId);
                ps.setObject(3, jobId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Finishes jobs whose last chunk was committed by an instance that stopped before it could say so. */
    public int finishCompletedJobs() {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'DONE', finished_at = ? "
                    + "WHERE state IN ('QUEUED', 'RUNNING') "
                    + "AND NOT EXISTS (SELECT 1 FROM batch_chunk WHERE job_id = batch_job.id AND state = 'PENDING')")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                return ps.executeUpdate();
            }
        });
    }

    /** Uploads that stopped arriving (their instance died mid-upload) become FAILED, and their chunks are dropped. */
    public int failAbandonedUploads(Instant olderThan) {
        return inTransaction(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM batch_job WHERE state = 'RECEIVING' AND updated_at < ?")) {
                ps.setTimestamp(1, Timestamp.from(olderThan));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            for (UUID id : ids) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch_chunk WHERE job_id = ?")) {
                    ps.setObject(1, id);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'FAILED', finished_at = ?, "
                        + "failure = 'the upload stopped before the body was complete' WHERE id = ? AND state = 'RECEIVING'")) {
                    ps.setTimestamp(1, Timestamp.from(Instant.now()));
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
            }
            return ids.size();
        });
    }

    /** Cancels a job that is not finished; returns its state after the call, or empty when there is no such job. */
    public Optional<JobState> cancel(UUID jobId) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = 'CANCELLED', finished_at = ? "
                    + "WHERE id = ? AND state IN ('RECEIVING', 'QUEUED', 'RUNNING')")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setObject(2, jobId);
                ps.executeUpdate();
            }
            return state(c, jobId);
        });
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in a new transaction of its own on a connection enlisted in it. */
    public <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.requiringNew(dataSource, work);
    }
}
