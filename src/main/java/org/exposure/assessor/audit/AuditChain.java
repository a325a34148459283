package org.exposure.assessor.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.exposure.assessor.persistence.Databases;

/**
 * The audit tables on one JDBC connection: appending under the head's lock, reading pages of events and the head.
 * Kept apart from CDI and JTA so that the chain can be tested on a bare database; the caller owns the transaction.
 * There is deliberately no method that updates or deletes an event.
 */
public final class AuditChain {
    /** Where the chain ends, as the head row says. */
    public record Head(long lastSeq, String lastHash) {
    }

    /**
     * Which events to read: {@code from} inclusive, {@code to} exclusive (either null: unbounded), after
     * {@code afterSeq} (0: from the first).
     */
    public record Range(Instant from, Instant to, long afterSeq) {
        public static final Range ALL = new Range(null, null, 0);
    }

    private static final String COLUMNS = "seq, recorded_at, actor, action, target_type, target_id, before_json, "
            + "after_json, prev_hash, hash";

    private AuditChain() {
    }

    /**
     * Appends an event in the connection's transaction. It locks the head row until that transaction ends, so it
     * should be the last write of a transaction: other appends wait for the commit. The event's time is taken under
     * the lock, so that times do not go backwards along the chain on one clock.
     */
    public static AuditEvent append(Connection c, String actor, String action, String targetType, String targetId,
                                    String beforeJson, String afterJson) throws SQLException {
        Head head = lockHead(c);
        long seq = head.lastSeq() + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String hash = AuditHash.of(seq, now, actor, action, targetType, targetId, beforeJson, afterJson,
                head.lastHash());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, targetType);
            ps.setString(6, targetId);
            ps.setString(7, beforeJson);
            ps.setString(8, afterJson);
            ps.setString(9, head.lastHash());
            ps.setString(10, hash);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
            ps.setLong(1, seq);
            ps.setString(2, hash);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("the audit_head row is missing");
            }
        }
        return new AuditEvent(seq, now, actor, action, targetType, targetId, beforeJson, afterJson, head.lastHash(), hash);
    }

    /**
     * Locks the head row until the transaction ends and returns it. On H2 a lock is waited for only a second unless
     * the statement says otherwise, and a list import holding it commits only after its own work.
     */
    public static Head lockHead(Connection c) throws SQLException {
        String sql = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE" + (Databases.h2(c) ? " WAIT 600" : "");
        return head(c, sql).orElseThrow(() -> new IllegalStateException("the audit_head row is missing"));
    }

    /** The head row as it is, without locking it; empty if it was removed. */
    public static Optional<Head> head(Connection c) throws SQLException {
        return head(c, "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
    }

    private static Optional<Head> head(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Head(rs.getLong(1), rs.getString(2))) : Optional.empty();
        }
    }

    /**
     * The events with this action on one target recorded from {@code since} on, in seq order. The time bound is what
     * lets the query use the recorded_at index instead of reading the whole trail: a target's events cannot be
     * older than the target.
     */
    public static List<AuditEvent> ofTarget(Connection c, String action, String targetType, String targetId,
                                            Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event WHERE recorded_at >= ?"
                + " AND action = ? AND target_type = ? AND target_id = ? ORDER BY seq")) {
            ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            ps.setString(2, action);
            ps.setString(3, targetType);
            ps.setString(4, targetId);
            List<AuditEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            return out;
        }
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                trim(rs.getString(9)), trim(rs.getString(10)));
    }

    /** Up to {@code limit} events of the range, in seq order. */
    public static List<AuditEvent> page(Connection c, Range range, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM audit_event WHERE seq > ?");
        if (range.from() != null) {
            sql.append(" AND recorded_at >= ?");
        }
        if (range.to() != null) {
            sql.append(" AND recorded_at < ?");
        }
        sql.append(" ORDER BY seq FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, range.afterSeq());
            if (range.from() != null) {
                ps.setObject(i++, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC));
            }
            if (range.to() != null) {
                ps.setObject(i, OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
            }
            List<AuditEvent> out = new ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            return out;
        }
    }

    /** The latest events with one of these actions, newest first, at most {@code limit}. */
    public static List<AuditEvent> latest(Connection c, List<String> actions, int limit) throws SQLException {
        if (actions.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(actions.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_event WHERE action IN (" + marks
                + ") ORDER BY seq DESC FETCH FIRST " + limit + " ROWS ONLY")) {
            for (int i = 0; i < actions.size(); i++) {
                ps.setString(i + 1, actions.get(i));
            }
            List<AuditEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(event(rs));
                }
            }
            return out;
        }
    }

    /** The after state of the latest event with this action and target type, if there is one. */
    public static Optional<String> lastAfter(Connection c, String action, String targetType) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT after_json FROM audit_event WHERE action = ? AND "
                + "target_type = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, action);
            ps.setString(2, targetType);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    // CHAR(64) holds exactly 64 hex digits; a shorter value written by hand would come back padded.
    private static String trim(String s) {
        return s == null ? null : s.strip();
    }
}
