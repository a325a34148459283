package org.exposure.assessor.monitoring;

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
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.persistence.Databases;
import org.exposure.assessor.persistence.TimeOrderedIds;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The changes feed: appended to in the transaction that stores the re-assessments, read by the feed endpoint and
 * the webhook deliveries. Every append locks {@code change_feed_head} until its transaction ends and numbers its
 * events after the head's last one, so the numbers follow commit order on every instance sharing the database: a
 * reader that has seen event n will never later find an event below n that it missed. That is what makes a cursor
 * (the last seq read) enough to continue without loss or duplicates, across restarts and instances.
 */
@ApplicationScoped
public class ChangeFeed {
    /** Largest page a reader may ask for. */
    public static final int MAX_LIMIT = 1000;

    private final DataSource dataSource;

    ChangeFeed(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An event to append: the payload gets its {@code seq}, {@code id} and {@code createdAt} when appended. */
    public record NewEvent(String type, UUID assessmentId, UUID previousAssessmentId, String ref, ObjectNode payload) {
    }

    /**
     * Appends events on the caller's connection, in its transaction, in the order given.
     *
     * @return the events as stored
     */
    public static List<ChangeEvent> append(Connection c, List<NewEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        long last;
        String lock = "SELECT last_seq FROM change_feed_head WHERE id = 1 FOR UPDATE" + (Databases.h2(c) ? " WAIT 600" : "");
        try (PreparedStatement ps = c.prepareStatement(lock); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the change_feed_head row is missing");
            }
            last = rs.getLong(1);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ChangeEvent> out = new ArrayList<>(events.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_event (seq, id, type, assessment_id, "
                + "previous_assessment_id, ref, created_at, payload_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (NewEvent e : events) {
                long seq = ++last;
                UUID id = TimeOrderedIds.next();
                ObjectNode payload = e.payload().deepCopy();
                // First in the object, so that the text reads as the feed documents it.
                ObjectNode head = payload.objectNode();
                head.put("seq", seq);
                head.put("id", id.toString());
                head.put("type", e.type());
                head.put("createdAt", now.toString());
                head.setAll(payload);
                String json = head.toString();
                ps.setLong(1, seq);
                ps.setObject(2, id);
                ps.setString(3, e.type());
                ps.setObject(4, e.assessmentId());
                ps.setObject(5, e.previousAssessmentId());
                ps.setString(6, e.ref());
                ps.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(8, json);
                ps.addBatch();
                out.add(new ChangeEvent(seq, id, e.type(), e.assessmentId(), e.previousAssessmentId(), e.ref(), now,
                        json));
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE change_feed_head SET last_seq = ? WHERE id = 1")) {
            ps.setLong(1, last);
            ps.executeUpdate();
        }
        return out;
    }

    /** The events after {@code seq} (0: from the start), oldest first, at most {@code limit}. */
    public List<ChangeEvent> after(long seq, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in 1.." + MAX_LIMIT + ", is " + limit);
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT seq, id, type, "
                + "assessment_id, previous_assessment_id, ref, created_at, payload_json FROM change_event WHERE seq > ? "
                + "ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")) {
            ps.setLong(1, seq);
            List<ChangeEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ChangeEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the changes feed: " + e.getMessage(), e);
        }
    }

    /** The seq of the last event appended (0 when none): where a new reader that wants only what follows starts. */
    public long last() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM change_feed_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the changes feed: " + e.getMessage(), e);
        }
    }
}
