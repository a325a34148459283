package org.exposure.assessor.webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.monitoring.ChangeEvent;
import org.exposure.assessor.monitoring.ChangeFeed;
import org.exposure.assessor.persistence.TimeOrderedIds;
import org.exposure.assessor.persistence.Transactions;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook tables, in plain JDBC: fanning out needs {@code FOR UPDATE SKIP LOCKED} and the claim a conditional
 * update, neither of which an entity's life cycle helps with. Methods that take a {@link Connection} run in the
 * caller's transaction; the others open their own.
 *
 * <p>A subscription is the unit of work between instances: whoever holds its lease sends its oldest pending
 * delivery, and nobody else sends any of its deliveries meanwhile. That keeps a subscription's events in feed order
 * and sends each attempt once, without holding a database lock while a receiver answers.
 */
@ApplicationScoped
public class WebhookStore {
    /** Feed events read per subscription and transaction when fanning out. */
    static final int FAN_OUT_PAGE = 500;

    private static final String SUBSCRIPTION_COLUMNS = "id, url, event_types, description, status, created_at, "
            + "created_by, updated_at, cursor_seq";
    private static final String DELIVERY_COLUMNS = "id, subscription_id, event_id, event_seq, event_type, status, "
            + "attempts, last_status, last_error, created_at, last_attempt_at, next_attempt_at, delivered_at";

    private final DataSource dataSource;
    private final ChangeFeed feed;

    WebhookStore(DataSource dataSource, ChangeFeed feed) {
        this.dataSource = dataSource;
        this.feed = feed;
    }

    /** A subscription's stored state, secret included: for the sender and the service, never for a response. */
    public record Stored(Subscription subscription, String secret) {
    }

    /** A subscription claimed for sending its oldest pending delivery, with what that delivery needs. */
    public record Claim(UUID subscriptionId, String url, String secret, String leaseToken, UUID deliveryId, long eventSeq,
                       UUID eventId, String eventType, int attempts, Instant cycleStartedAt, String payloadJson) {
    }

    /** How an attempt ended: {@code status} null when no response came; {@code next} null when no attempt follows. */
    public record Attempt(Instant at, Integer status, String error, boolean delivered, Instant next) {
    }

    // ---- subscriptions ------------------------------------------------------------------------------------

    public void insert(Connection c, UUID id, String url, List<String> eventTypes, String secret, String description,
                       String createdBy, Instant now, long cursorSeq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_subscription (id, url, event_types, secret, "
                + "description, status, created_at, created_by, updated_at, cursor_seq) VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, ?)")) {
            ps.setObject(1, id);
            ps.setString(2, url);
            ps.setString(3, String.join(",", eventTypes));
            ps.setString(4, secret);
            ps.setString(5, description);
            ps.setObject(6, time(now));
            ps.setString(7, createdBy);
            ps.setObject(8, time(now));
            ps.setLong(9, cursorSeq);
            ps.executeUpdate();
        }
    }

    /** The subscription, its row locked until the caller's transaction ends (for a change and its audit event). */
    public Optional<Stored> lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS + ", secret FROM webhook_subscription "
                + "WHERE id = ? FOR UPDATE")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Subscription s = subscription(c, rs);
                return Optional.of(new Stored(s, rs.getString(10)));
            }
        }
    }

    public Optional<Subscription> find(UUID id) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscription WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(subscription(c, rs)) : Optional.empty();
                }
            }
        });
    }

    /** Every subscription, oldest first (an installation has a handful, not thousands). */
    public List<Subscription> all() {
        return inTransaction(c -> {
            List<Subscription> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS + " FROM webhook_subscription "
                    + "ORDER BY created_at, id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(subscription(c, rs));
                }
            }
            return out;
        });
    }

    public void update(Connection c, UUID id, String url, List<String> eventTypes, String description, String status,
                       Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET url = ?, event_types = ?, "
                + "description = ?, status = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, url);
            ps.setString(2, String.join(",", eventTypes));
            ps.setString(3, description);
            ps.setString(4, status);
            ps.setObject(5, time(now));
            ps.setObject(6, id);
            ps.executeUpdate();
        }
    }

    public void updateSecret(Connection c, UUID id, String secret, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET secret = ?, updated_at = ? WHERE id = ?")) {
            ps.setString(1, secret);
            ps.setObject(2, time(now));
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    /** Removes the subscription and its delivery log. */
    public void delete(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_delivery WHERE subscription_id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_subscription WHERE id = ?")) {
            ps.setObject(1, id);
            ps.executeUpdate();
        }
    }

    private static Subscription subscription(Connection c, ResultSet rs) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        String types = rs.getString(3);
        long pending = 0;
        long failed = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT status, COUNT(*) FROM webhook_delivery "
                + "WHERE subscription_id = ? AND status IN ('PENDING', 'FAILED') AND event_seq IS NOT NULL GROUP BY status")) {
            ps.setObject(1, id);
            try (ResultSet counts = ps.executeQuery()) {
                while (counts.next()) {
                    if (Delivery.PENDING.equals(counts.getString(1))) {
                        pending = counts.getLong(2);
                    } else {
                        failed = counts.getLong(2);
                    }
                }
            }
        }
        return new Subscription(id, rs.getString(2), types.isEmpty() ? List.of() : Arrays.asList(types.split(",")),
                rs.getString(4), rs.getString(5), instant(rs, 6), rs.getString(7), instant(rs, 8), rs.getLong(9),
                pending, failed);
    }

    // ---- fan-out ------------------------------------------------------------------------------------------

    /**
     * Turns the feed events after each active subscription's cursor into its pending deliveries (those of a type it
     * takes), at most {@link #FAN_OUT_PAGE} events per subscription, and moves its cursor past them, in one
     * transaction. A subscription another instance is fanning out or changing is skipped: it is done next time.
     *
     * @return how many events were taken into account, over all subscriptions (0: every one is up to date)
     */
    public int fanOut(Instant now) {
        long head = feed.last();
        return inTransaction(c -> {
            List<Behind> behind = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, event_types, cursor_seq FROM webhook_subscription "
                    + "WHERE status = 'ACTIVE' AND cursor_seq < ? ORDER BY id FOR UPDATE SKIP LOCKED")) {
                ps.setLong(1, head);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String types = rs.getString(2);
                        behind.add(new Behind(rs.getObject(1, UUID.class),
                                types.isEmpty() ? ChangeEvent.TYPES : Arrays.asList(types.split(",")), rs.getLong(3)));
                    }
                }
            }
            int taken = 0;
            for (Behind s : behind) {
                UUID id = s.id();
                List<String> types = s.types();
                List<ChangeEvent> events = feed.after(s.cursor(), FAN_OUT_PAGE);
                if (events.isEmpty()) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id, event_seq, "
                        + "event_id, event_type, status, attempts, created_at, cycle_started_at, next_attempt_at) "
                        + "VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")) {
                    for (ChangeEvent e : events) {
                        if (!types.contains(e.type())) {
                            continue;
                        }
                        ps.setObject(1, TimeOrderedIds.next());
                        ps.setObject(2, id);
                        ps.setLong(3, e.seq());
                        ps.setObject(4, e.id());
                        ps.setString(5, e.type());
                        ps.setObject(6, time(now));
                        ps.setObject(7, time(now));
                        ps.setObject(8, time(now));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET cursor_seq = ? WHERE id = ?")) {
                    ps.setLong(1, events.get(events.size() - 1).seq());
                    ps.setObject(2, id);
                    ps.executeUpdate();
                }
                taken += events.size();
            }
            return taken;
        });
    }

    /** An active subscription whose cursor is behind the feed. */
    private record Behind(UUID id, List<String> types, long cursor) {
    }

    // ---- sending ------------------------------------------------------------------------------------------

    /**
     * Takes the lease of an active subscription whose oldest pending delivery is due and no other sender holds,
     * until {@code now + lease}; the short transaction ends before anything is sent.
     *
     * @return the subscription with its oldest pending delivery, or empty when nothing is due
     */
    public Optional<Claim> claim(Instant now, java.time.Duration lease) {
        String token = UUID.randomUUID().toString();
        return inTransaction(c -> {
            UUID id;
            String url;
            String secret;
            // Only the head of each queue (its lowest pending seq) counts: a later event is never sent while an earlier
            // one waits for its retry.
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.url, s.secret FROM webhook_subscription s "
                    + "WHERE s.status = 'ACTIVE' AND (s.lease_until IS NULL OR s.lease_until < ?) "
                    + "AND EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.subscription_id = s.id AND d.status = 'PENDING' "
                    + "AND d.next_attempt_at <= ? AND d.event_seq = (SELECT MIN(h.event_seq) FROM webhook_delivery h "
                    + "WHERE h.subscription_id = s.id AND h.status = 'PENDING')) "
                    + "ORDER BY s.id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")) {
                ps.setObject(1, time(now));
                ps.setObject(2, time(now));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getObject(1, UUID.class);
                    url = rs.getString(2);
                    secret = rs.getString(3);
                }
            }
            Claim claim;
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.event_seq, d.event_id, d.event_type, d.attempts, "
                    + "d.cycle_started_at, e.payload_json FROM webhook_delivery d JOIN change_event e ON e.seq = d.event_seq "
                    + "WHERE d.subscription_id = ? AND d.status = 'PENDING' ORDER BY d.event_seq FETCH FIRST 1 ROWS ONLY")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    claim = new Claim(id, url, secret, token, rs.getObject(1, UUID.class), rs.getLong(2),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getInt(5), instant(rs, 6), rs.getString(7));
                }
            }
            // Conditional on the lease still being free: whatever the database's locking, two senders cannot both
            // update the row from free to held.
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET lease_token = ?, lease_until = ? "
                    + "WHERE id = ? AND (lease_until IS NULL OR lease_until < ?)")) {
                ps.setString(1, token);
                ps.setObject(2, time(now.plus(lease)));
                ps.setObject(3, id);
                ps.setObject(4, time(now));
                return ps.executeUpdate() == 1 ? Optional.of(claim) : Optional.<Claim>empty();
            }
        });
    }

    /**
     * Writes the outcome of an attempt on a claimed delivery and gives the subscription's lease back (if the claim
     * still holds it).
     */
    public void recordAttempt(Claim claim, Attempt attempt) {
        inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_delivery SET status = ?, attempts = attempts + 1, "
                    + "last_attempt_at = ?, last_status = ?, last_error = ?, next_attempt_at = ?, delivered_at = ? "
                    + "WHERE id = ? AND status = 'PENDING'")) {
                ps.setString(1, attempt.delivered() ? Delivery.DELIVERED : attempt.next() == null ? Delivery.FAILED : Delivery.PENDING);
                ps.setObject(2, time(attempt.at()));
                setInteger(ps, 3, attempt.status());
                ps.setString(4, truncate(attempt.error()));
                ps.setObject(5, attempt.next() == null ? null : time(attempt.next()));
                ps.setObject(6, attempt.delivered() ? time(attempt.at()) : null);
                ps.setObject(7, claim.deliveryId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscription SET lease_token = NULL, lease_until = NULL "
                    + "WHERE id = ? AND lease_token = ?")) {
                ps.setObject(1, claim.subscriptionId());
                ps.setString(2, claim.leaseToken());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Stores a test delivery that was sent at once (no retries), with its outcome. */
    public Delivery insertPing(UUID id, UUID subscriptionId, UUID eventId, Attempt attempt) {
        return inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_delivery (id, subscription_id, event_seq, "
                    + "event_id, event_type, status, attempts, created_at, cycle_started_at, last_attempt_at, last_status, "
                    + "last_error, delivered_at) VALUES (?, ?, NULL, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, id);
                ps.setObject(2, subscriptionId);
                ps.setObject(3, eventId);
                ps.setString(4, Delivery.PING);
                ps.setString(5, attempt.delivered() ? Delivery.DELIVERED : Delivery.FAILED);
                ps.setObject(6, time(attempt.at()));
                ps.setObject(7, time(attempt.at()));
                ps.setObject(8, time(attempt.at()));
                setInteger(ps, 9, attempt.status());
                ps.setString(10, truncate(attempt.error()));
                ps.setObject(11, attempt.delivered() ? time(attempt.at()) : null);
                ps.executeUpdate();
            }
            return delivery(c, subscriptionId, id).orElseThrow();
        });
    }

    // ---- the delivery log ---------------------------------------------------------------------------------

    /** A page of a subscription's deliveries, newest first, of one status or all (null). */
    public Delivery.Page deliveries(UUID subscriptionId, String status, int page, int size) {
        return inTransaction(c -> {
            String where = " WHERE subscription_id = ?" + (status == null ? "" : " AND status = ?");
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_delivery" + where)) {
                ps.setObject(1, subscriptionId);
                if (status != null) {
                    ps.setString(2, status);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Delivery> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery" + where
                    + " ORDER BY created_at DESC, COALESCE(event_seq, 0) DESC, id DESC OFFSET " + (long) page * size + " ROWS FETCH FIRST " + size + " ROWS ONLY")) {
                ps.setObject(1, subscriptionId);
                if (status != null) {
                    ps.setString(2, status);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(delivery(rs));
                    }
                }
            }
            return new Delivery.Page(items, page, size, total);
        });
    }

    public Optional<Delivery> delivery(Connection c, UUID subscriptionId, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery "
                + "WHERE id = ? AND subscription_id = ?")) {
            ps.setObject(1, id);
            ps.setObject(2, subscriptionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    /** A FAILED event delivery becomes PENDING again, due now, with a new series of attempts. */
    public void resend(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, "
                + "cycle_started_at = ?, next_attempt_at = ? WHERE id = ? AND status = 'FAILED'")) {
            ps.setObject(1, time(now));
            ps.setObject(2, time(now));
            ps.setObject(3, id);
            ps.executeUpdate();
        }
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        long seq = rs.getLong(4);
        Long eventSeq = rs.wasNull() ? null : seq;
        int status = rs.getInt(8);
        Integer lastStatus = rs.wasNull() ? null : status;
        return new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                eventSeq, rs.getString(5), rs.getString(6), rs.getInt(7), lastStatus, rs.getString(9), instant(rs, 10),
                instant(rs, 11), instant(rs, 12), instant(rs, 13));
    }

    // ---- plumbing -----------------------------------------------------------------------------------------

    /** Runs {@code work} in a new transaction of its own on a connection enlisted in it. */
    public <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.requiringNew(dataSource, work);
    }

    private static OffsetDateTime time(Instant t) {
        // Microseconds: what both databases keep, so that a value reads back as it was written.
        return OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 497) + "...";
    }
}
