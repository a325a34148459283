package org.exposure.assessor.rulesets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.audit.JdbcAuditTrail;
import org.exposure.assessor.persistence.TimeOrderedIds;
import org.exposure.assessor.persistence.Transactions;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which stored ruleset version decides, for every instance sharing the database, and the four-eyes steps that
 * change it: an admin proposes a version, another admin approves it (it is then in force: the pointer row
 * {@code ruleset_in_force} names it, and every instance loads it within its poll interval) or refuses it. Any
 * stored version may be proposed again, so an earlier one can be brought back the same way. Each step is an audit
 * event in the transaction that makes it.
 */
@ApplicationScoped
public class RulesetActivations {
    static final String PROPOSED = "PROPOSED";
    static final String IN_FORCE = "IN_FORCE";
    static final String SUPERSEDED = "SUPERSEDED";
    static final String REFUSED = "REFUSED";

    /** One proposal and what became of it. */
    public record Activation(UUID id, String version, String status, String proposedBy, Instant proposedAt,
                             String comment, String decidedBy, Instant decidedAt, String note) {
    }

    /** The step does not fit the proposal's state, or the version is already in force. */
    public static final class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    /** The proposer tried to decide on their own proposal. */
    public static final class FourEyes extends RuntimeException {
        FourEyes(String message) {
            super(message);
        }
    }

    private static final String COLUMNS = "id, version, status, proposed_by, proposed_at, comment, decided_by, decided_at, note";

    private final DataSource dataSource;
    private final JdbcAuditTrail audit;

    RulesetActivations(DataSource dataSource, JdbcAuditTrail audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    /** The version the pointer names, if any instance ever wrote it. */
    public Optional<String> inForce() {
        return Transactions.requiringNew(dataSource, RulesetActivations::pointer);
    }

    /**
     * At a start with {@code started} (the packaged or configured ruleset, registered): the version this instance
     * must decide with. The start's own ruleset is put in force when no instance wrote the pointer yet, when it was
     * never seen before ({@code newlyRegistered}: a release's or an operator's new rules), or when the pointer was
     * written by a start rather than by an approved activation (a release rolled back, or a rules directory changed
     * back, takes effect as a new one would). Only an approved activation outlives the start of a ruleset seen before.
     */
    public String settleAtStart(String started, boolean newlyRegistered) {
        return Transactions.requiringNew(dataSource, c -> {
            lockPointer(c);
            String version = null;
            boolean byActivation = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT version, activation_id FROM ruleset_in_force WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    version = rs.getString(1);
                    byActivation = rs.getObject(2) != null;
                }
            }
            if (version == null || !version.equals(started) && (newlyRegistered || !byActivation)) {
                writePointer(c, started, null, Instant.now());
                return started;
            }
            return version;
        });
    }

    /**
     * Proposes {@code version} (stored, loadable: the caller checked) for activation.
     *
     * @throws Conflict it is in force already, or a proposal of it is waiting
     */
    public Activation propose(String version, String actor, String comment) {
        return Transactions.requiringNew(dataSource, c -> {
            lockPointer(c);
            if (pointer(c).filter(version::equals).isPresent()) {
                throw new Conflict("ruleset version " + version + " is in force already");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ruleset_activation WHERE version = ? AND status = ?")) {
                ps.setString(1, version);
                ps.setString(2, PROPOSED);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new Conflict("ruleset version " + version + " is proposed already: activation "
                                + rs.getObject(1, UUID.class) + " waits for a second admin");
                    }
                }
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Activation a = new Activation(TimeOrderedIds.next(), version, PROPOSED, actor, now, comment, null, null, null);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_activation (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, NULL)")) {
                ps.setObject(1, a.id());
                ps.setString(2, version);
                ps.setString(3, PROPOSED);
                ps.setString(4, actor);
                ps.setObject(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(6, comment);
                ps.executeUpdate();
            }
            audit.record(actor, "RULESET_ACTIVATION_PROPOSED", "ruleset-activation", a.id().toString(), null, view(a));
            return a;
        });
    }

    /**
     * Approves or refuses a proposal. Approval puts its version in force for every instance: the pointer names it,
     * the activation in force before is SUPERSEDED.
     *
     * @return empty when there is no such activation
     * @throws FourEyes the proposer decides on their own proposal
     * @throws Conflict it is not PROPOSED any more
     */
    public Optional<Activation> decide(UUID id, String actor, boolean approve, String note) {
        return Transactions.requiringNew(dataSource, c -> {
            lockPointer(c);
            Optional<Activation> found = find(c, id);
            if (found.isEmpty()) {
                return Optional.<Activation>empty();
            }
            Activation a = found.get();
            if (!PROPOSED.equals(a.status())) {
                throw new Conflict("activation " + id + " is " + a.status() + ", not PROPOSED");
            }
            if (a.proposedBy().equals(actor)) {
                throw new FourEyes("four eyes: " + actor + " proposed activation " + id
                        + " and cannot approve or refuse it; another admin must");
            }
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Optional<String> before = pointer(c);
            if (approve) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE ruleset_activation SET status = ? WHERE status = ?")) {
                    ps.setString(1, SUPERSEDED);
                    ps.setString(2, IN_FORCE);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE ruleset_activation SET status = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?")) {
                ps.setString(1, approve ? IN_FORCE : REFUSED);
                ps.setString(2, actor);
                ps.setObject(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
                ps.setString(4, note);
                ps.setObject(5, id);
                ps.executeUpdate();
            }
            Activation decided = new Activation(a.id(), a.version(), approve ? IN_FORCE : REFUSED, a.proposedBy(),
                    a.proposedAt(), a.comment(), actor, now, note);
            if (approve) {
                writePointer(c, a.version(), a.id(), now);
            }
            Map<String, Object> after = view(decided);
            before.ifPresent(v -> after.put("versionBefore", v));
            audit.record(actor, approve ? "RULESET_ACTIVATION_APPROVED" : "RULESET_ACTIVATION_REFUSED",
                    "ruleset-activation", id.toString(), view(a), after);
            return Optional.of(decided);
        });
    }

    /** Every activation, the newest first. */
    public List<Activation> all() {
        return Transactions.requiringNew(dataSource, c -> {
            List<Activation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM ruleset_activation ORDER BY proposed_at DESC, id DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
            return out;
        });
    }

    public Optional<Activation> find(UUID id) {
        return Transactions.requiringNew(dataSource, c -> find(c, id));
    }

    private static Optional<Activation> find(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM ruleset_activation WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Activation read(ResultSet rs) throws SQLException {
        OffsetDateTime decided = rs.getObject(8, OffsetDateTime.class);
        return new Activation(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getString(6), rs.getString(7),
                decided == null ? null : decided.toInstant(), rs.getString(9));
    }

    /**
     * The rulesets' lock row (the one registrations take): every write of the pointer and every step of a proposal
     * take it first, so that two approvals, or an approval and a start, never interleave.
     */
    private static void lockPointer(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ruleset_lock WHERE id = 1 FOR UPDATE")) {
            ps.executeQuery().close();
        }
    }

    private static Optional<String> pointer(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM ruleset_in_force WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    private static void writePointer(Connection c, String version, UUID activation, Instant now) throws SQLException {
        OffsetDateTime at = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE ruleset_in_force SET version = ?, activation_id = ?, since = ? WHERE id = 1")) {
            ps.setString(1, version);
            ps.setObject(2, activation);
            ps.setObject(3, at);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ruleset_in_force (id, version, activation_id, since) VALUES (1, ?, ?, ?)")) {
            ps.setString(1, version);
            ps.setObject(2, activation);
            ps.setObject(3, at);
            ps.executeUpdate();
        }
    }

    private static Map<String, Object> view(Activation a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", a.version());
        m.put("status", a.status());
        m.put("proposedBy", a.proposedBy());
        m.put("comment", a.comment());
        if (a.decidedBy() != null) {
            m.put("decidedBy", a.decidedBy());
            m.put("note", a.note());
        }
        return m;
    }
}
