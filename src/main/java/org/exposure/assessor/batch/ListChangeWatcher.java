package org.exposure.assessor.batch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.ListChanges;
import org.exposure.assessor.lists.ListsChanged;
import org.exposure.assessor.monitoring.PartyIndex;
import org.exposure.assessor.persistence.DatabaseFailures;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Acts on list changes: takes the change sets a new version in force left PENDING, finds the stored subjects they
 * touch ({@link PartyIndex}) and makes one batch job that assesses those again, each new assessment superseding the
 * one it comes from; the jobs' workers (on any instance) do the rest, and turn every verdict that changed into an
 * event of the changes feed. Claiming the change sets, finding the subjects, storing the job and marking the sets
 * happen in one transaction: an instance that dies part-way leaves the sets PENDING for the next look. One instance
 * at a time does it ({@code monitoring_lock}), and not while an earlier such job is still to be finished, so that a
 * subject is never assessed twice over for one change and a later change is compared with the verdicts the earlier
 * one produced.
 */
@ApplicationScoped
public class ListChangeWatcher {
    private static final Logger LOG = Logger.getLogger(ListChangeWatcher.class);
    /** Whether the last look failed because the database could not be reached. */
    private volatile boolean databaseAway;
    /** Finding the subjects of a million stored parties takes seconds; a stuck scan should still end. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 1800;

    private final DataSource dataSource;
    private final PartyIndex parties;
    private final BatchStore store;
    private final AssessorConfig config;
    private final ObjectMapper mapper;
    private ScheduledExecutorService executor;

    ListChangeWatcher(DataSource dataSource, PartyIndex parties, BatchStore store, AssessorConfig config,
                      ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.parties = parties;
        this.store = store;
        this.config = config;
        this.mapper = mapper;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.monitoring().enabled()) {
            LOG.info("List changes are not acted on by this instance (assessor.monitoring.enabled=false)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "list-change-watcher");
            t.setDaemon(true);
            return t;
        });
        long every = config.monitoring().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::lookQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** A version put in force here is acted on at once rather than at the next look. */
    void onListsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListsChanged event) {
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.execute(this::lookQuietly);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void lookQuietly() {
        try {
            look();
            databaseAway = false;
        } catch (RuntimeException e) {
            // While the database is away this is said once, without the stack, rather than at every poll.
            boolean away = DatabaseFailures.unavailable(e);
            if (!away) {
                LOG.warnf(e, "Acting on list changes failed; they stay pending and are taken again in %s",
                        config.monitoring().pollInterval());
            } else if (!databaseAway) {
                LOG.warnf("Acting on list changes waits: the database cannot be reached (%s); trying again every %s",
                        e.getMessage(), config.monitoring().pollInterval());
            }
            databaseAway = away;
        }
    }

    /** What one look did: the change sets it took, the job it made (if any subject was touched). */
    public record Acted(List<UUID> changeSets, Optional<UUID> job, PartyIndex.Touched touched) {
    }

    /** Takes every pending change set, if this instance may now, and acts on them together. */
    public Optional<Acted> look() {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!lock(c) || store.rescreenUnderWay(c)) {
                    return Optional.<Acted>empty();
                }
                Map<UUID, ObjectNode> sets = claim(c);
                if (sets.isEmpty()) {
                    return Optional.<Acted>empty();
                }
                PartyIndex.Changes changes = changes(c, sets);
                PartyIndex.Touched touched = parties.touched(changes);
                ObjectNode cause = mapper.createObjectNode();
                ArrayNode lists = cause.putArray("listChanges");
                sets.values().forEach(lists::add);
                Optional<UUID> job = store.createRescreenJob(c, touched.assessments(), cause.toString(),
                        config.jobs().chunkSize());
                mark(c, sets.keySet(), job.orElse(null), touched);
                LOG.infof("List changes %s: %d subjects to assess again%s", sets.keySet(), touched.assessments().size(),
                        job.map(j -> " in batch job " + j).orElse(""));
                return Optional.of(new Acted(List.copyOf(sets.keySet()), job, touched));
            }
        });
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM monitoring_lock WHERE id = 1 FOR UPDATE SKIP LOCKED");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The pending change sets, locked, each as the events will name it. */
    private Map<UUID, ObjectNode> claim(Connection c) throws SQLException {
        Map<UUID, ObjectNode> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, source, to_version_id, from_version_id, added, removed, "
                + "changed FROM list_change_set WHERE watch_state = ? ORDER BY in_force_at, id FOR UPDATE")) {
            ps.setString(1, ListChanges.PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    ObjectNode n = mapper.createObjectNode();
                    n.put("changeSet", id.toString());
                    n.put("list", rs.getString(2));
                    n.put("version", rs.getObject(3, UUID.class).toString());
                    UUID from = rs.getObject(4, UUID.class);
                    n.put("previousVersion", from == null ? null : from.toString());
                    n.put("added", rs.getInt(5));
                    n.put("removed", rs.getInt(6));
                    n.put("changed", rs.getInt(7));
                    out.put(id, n);
                }
            }
        }
        return out;
    }

    private static PartyIndex.Changes changes(Connection c, Map<UUID, ObjectNode> sets) throws SQLException {
        Map<String, Set<String>> near = new HashMap<>();
        Map<String, Set<String>> matched = new HashMap<>();
        List<UUID> ids = new ArrayList<>(sets.keySet());
        try (PreparedStatement ps = c.prepareStatement("SELECT s.source, ch.kind, ch.entry_id FROM list_change ch "
                + "JOIN list_change_set s ON s.id = ch.change_set_id WHERE ch.change_set_id IN ("
                + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(1);
                    String kind = rs.getString(2);
                    String entry = rs.getString(3);
                    if (!kind.equals("REMOVED")) {
                        near.computeIfAbsent(source, k -> new LinkedHashSet<>()).add(entry);
                    }
                    if (!kind.equals("ADDED")) {
                        matched.computeIfAbsent(source, k -> new LinkedHashSet<>()).add(entry);
                    }
                }
            }
        }
        return new PartyIndex.Changes(near, matched);
    }

    private static void mark(Connection c, Set<UUID> sets, UUID job, PartyIndex.Touched touched) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE list_change_set SET watch_state = ?, watch_job_id = ?, "
                + "watch_parties = ?, watch_subjects = ?, watch_millis = ?, watched_at = ? WHERE id = ?")) {
            for (UUID id : sets) {
                ps.setString(1, job == null ? "NONE_TOUCHED" : "JOB");
                ps.setObject(2, job);
                ps.setLong(3, touched.partiesRead());
                ps.setInt(4, touched.assessments().size());
                ps.setLong(5, touched.millis());
                ps.setTimestamp(6, Timestamp.from(Instant.now()));
                ps.setObject(7, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
