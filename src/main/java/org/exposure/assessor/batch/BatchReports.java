package org.exposure.assessor.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.FieldError;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the jobs' tables say about a job, read for its clients and the progress log: its status with the counts of
 * its chunks, its result rows in input order. Only reads; {@link BatchStore} writes and claims.
 */
@ApplicationScoped
public class BatchReports {
    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() {
    };

    private final BatchStore store;
    private final ObjectMapper mapper;

    BatchReports(BatchStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    public Optional<JobStatus> status(UUID jobId) {
        return store.inTransaction(c -> status(c, jobId));
    }

    /** Jobs queued or running now, for the progress log. */
    public List<JobStatus> active() {
        return store.inTransaction(c -> {
            List<UUID> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM batch_job WHERE state IN ('QUEUED', 'RUNNING') ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            List<JobStatus> out = new ArrayList<>();
            for (UUID id : ids) {
                status(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    private Optional<JobStatus> status(Connection c, UUID jobId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT j.state, j.format, j.rows_read, j.chunk_count, j.failure, "
                + "j.created_at, j.started_at, j.finished_at, "
                + "(SELECT COUNT(*) FROM batch_chunk k WHERE k.job_id = j.id AND k.state = 'DONE'), "
                + "(SELECT COALESCE(SUM(assessed), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(rejected), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_clear), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_info), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_low), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_medium), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_high), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_severe), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(n_blocked), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                + "(SELECT COALESCE(SUM(assessed + rejected), 0) FROM batch_chunk k WHERE k.job_id = j.id AND k.done_at >= ?), "
                + "j.purged_at "
                + "FROM batch_job j WHERE j.id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(JobStatus.RECENT)));
            ps.setObject(2, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Map<RiskLevel, Long> levels = new EnumMap<>(RiskLevel.class);
                int col = 12;
                for (RiskLevel level : RiskLevel.values()) {
                    levels.put(level, rs.getLong(col++));
                }
                return Optional.of(new JobStatus(jobId, JobState.valueOf(rs.getString(1)), BatchFormat.valueOf(rs.getString(2)),
                        rs.getLong(3), rs.getInt(4), rs.getInt(9), rs.getLong(10), rs.getLong(11), levels, rs.getString(5),
                        workers(c, jobId), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)),
                        rs.getLong(19), instant(rs.getTimestamp(20))));
            }
        }
    }

    /** Chunks done per worker ("pid@host/worker-n"): which instances shared the job. */
    private static Map<String, Long> workers(Connection c, UUID jobId) throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT worker, COUNT(*) FROM batch_chunk WHERE job_id = ? AND state = 'DONE' GROUP BY worker")) {
            ps.setObject(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Results after {@code afterLine} in input order, at most {@code limit}; rejected rows only when asked. */
    public List<ResultRow> results(UUID jobId, long afterLine, int limit, boolean rejectedOnly, long beforeLine) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT line, ref, status, assessment_id, risk_level, fired_rules, "
                    + "errors_json FROM batch_result WHERE job_id = ? AND line > ? AND line < ?"
                    + (rejectedOnly ? " AND status = 'REJECTED'" : "") + " ORDER BY line LIMIT ?")) {
                ps.setObject(1, jobId);
                ps.setLong(2, afterLine);
                ps.setLong(3, beforeLine);
                ps.setInt(4, limit);
                List<ResultRow> out = new ArrayList<>(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    /** A job as a list of jobs shows it: its state, size and progress, who submitted it and when. */
    public record JobSummary(UUID id, JobState state, BatchFormat format, long rowsRead, long assessed, long rejected,
                             long highOrAbove, String createdBy, Instant createdAt, Instant finishedAt) {
        public long done() {
            return assessed + rejected;
        }
    }

    /** A page of jobs, newest first, with how many there are in all. */
    public record JobPage(List<JobSummary> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * The jobs newest first, one page of them; only those {@code createdBy} submitted when it is given (a machine
     * client sees only its own jobs, as in the API).
     */
    public JobPage jobs(String createdBy, int page, int size) {
        return store.inTransaction(c -> {
            String where = createdBy == null ? "" : " WHERE j.created_by = ?";
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch_job j" + where)) {
                if (createdBy != null) {
                    ps.setString(1, createdBy);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<JobSummary> out = new ArrayList<>(size);
            try (PreparedStatement ps = c.prepareStatement("SELECT j.id, j.state, j.format, j.rows_read, j.created_by, "
                    + "j.created_at, j.finished_at, "
                    + "(SELECT COALESCE(SUM(assessed), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                    + "(SELECT COALESCE(SUM(rejected), 0) FROM batch_chunk k WHERE k.job_id = j.id), "
                    + "(SELECT COALESCE(SUM(n_high + n_severe + n_blocked), 0) FROM batch_chunk k WHERE k.job_id = j.id) "
                    + "FROM batch_job j" + where + " ORDER BY j.seq DESC LIMIT ? OFFSET ?")) {
                int i = 1;
                if (createdBy != null) {
                    ps.setString(i++, createdBy);
                }
                ps.setInt(i++, size);
                ps.setLong(i, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JobSummary(rs.getObject(1, UUID.class), JobState.valueOf(rs.getString(2)),
                                BatchFormat.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))));
                    }
                }
            }
            return new JobPage(out, total, page, size);
        });
    }

    /** The orders a page of results can be read in; each ends by input line, so that pages never overlap. */
    public enum ResultOrder {
        LINE("line"),
        REF("ref"),
        STATUS("status"),
        /** By risk level from CLEAR to BLOCKED, rejected rows (which have none) first. */
        RISK("CASE risk_level WHEN 'CLEAR' THEN 1 WHEN 'INFO' THEN 2 WHEN 'LOW' THEN 3 WHEN 'MEDIUM' THEN 4 "
                + "WHEN 'HIGH' THEN 5 WHEN 'SEVERE' THEN 6 WHEN 'BLOCKED' THEN 7 ELSE 0 END");

        private final String sql;

        ResultOrder(String sql) {
            this.sql = sql;
        }
    }

    /**
     * Which results to read: only one risk level or only rejected rows when given (both null: every row), in which
     * order, and which page of {@code size} rows (from 0).
     */
    public record ResultQuery(RiskLevel riskLevel, ResultRow.Status status, ResultOrder order, boolean descending,
                              int page, int size) {
        public ResultQuery {
            if (page < 0 || size < 1) {
                throw new IllegalArgumentException("page must be 0 or more and size 1 or more");
            }
        }
    }

    /** A page of a job's results, with how many results match the query in all. */
    public record ResultPage(List<ResultRow> items, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /**
     * One page of a job's results as a person browses them: filtered, sorted and counted in the database, so that a
     * job of a million rows is read a page at a time. The rows are those stored so far (a running job's done chunks).
     */
    public ResultPage resultPage(UUID jobId, ResultQuery q) {
        return store.inTransaction(c -> {
            StringBuilder where = new StringBuilder(" WHERE job_id = ?");
            if (q.riskLevel() != null) {
                where.append(" AND risk_level = ?");
            }
            if (q.status() != null) {
                where.append(" AND status = ?");
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch_result" + where)) {
                bind(ps, jobId, q);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            String dir = q.descending() ? " DESC" : " ASC";
            String order = q.order() == ResultOrder.LINE ? "line" + dir
                    // Rows without a ref sort after those with one either way, as people expect of blanks.
                    : q.order() == ResultOrder.REF ? "CASE WHEN ref IS NULL THEN 1 ELSE 0 END, ref" + dir + ", line"
                    : q.order().sql + dir + ", line";
            List<ResultRow> out = new ArrayList<>(q.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT line, ref, status, assessment_id, risk_level, fired_rules, "
                    + "errors_json FROM batch_result" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
                int i = bind(ps, jobId, q);
                ps.setInt(i++, q.size());
                ps.setLong(i, (long) q.page() * q.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
            }
            return new ResultPage(out, total, q.page(), q.size());
        });
    }

    private static int bind(PreparedStatement ps, UUID jobId, ResultQuery q) throws SQLException {
        int i = 1;
        ps.setObject(i++, jobId);
        if (q.riskLevel() != null) {
            ps.setString(i++, q.riskLevel().name());
        }
        if (q.status() != null) {
            ps.setString(i++, q.status().name());
        }
        return i;
    }

    /** The first input line of the job's first chunk not done yet, if any. */
    public Optional<Long> firstPendingLine(UUID jobId) {
        return store.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT MIN(first_line) FROM batch_chunk WHERE job_id = ? AND state = 'PENDING'")) {
                ps.setObject(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long v = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(v);
                }
            }
        });
    }

    /** A result row from a query selecting line, ref, status, assessment_id, risk_level, fired_rules, errors_json. */
    private ResultRow row(ResultSet rs) throws SQLException {
        String rules = rs.getString(6);
        String errors = rs.getString(7);
        String level = rs.getString(5);
        return new ResultRow(rs.getLong(1), rs.getString(2), ResultRow.Status.valueOf(rs.getString(3)),
                rs.getObject(4, UUID.class), level == null ? null : RiskLevel.valueOf(level),
                rules == null ? null : rules.isEmpty() ? List.of() : Arrays.asList(rules.split(",")),
                errors == null ? null : errors(errors));
    }

    private List<FieldError> errors(String json) {
        try {
            return mapper.readValue(json, ERRORS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored errors are not JSON: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
