package org.exposure.assessor.monitoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.WatchedParty;
import org.exposure.assessor.screening.NearIndex;
import org.exposure.assessor.screening.ScreeningIndex;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The parties of the stored subjects ({@code watched_party}, written with every assessment) and the entries they
 * matched ({@code watched_match}): which subjects a list change touches. A subject is touched when one of its
 * parties comes close to an added or changed entry — scored by the matcher against those entries alone, with the
 * token weights of the lists in force, so a party is close exactly when screening it now would score it at least
 * the threshold less {@code assessor.monitoring.margin} — or when its assessment matched an entry that changed or
 * was removed. Only the latest assessment of a subject counts: the latest of its ref, and not one superseded by a
 * re-assessment.
 */
@ApplicationScoped
public class PartyIndex {
    private static final Logger LOG = Logger.getLogger(PartyIndex.class);
    private static final int BATCH = 2048;

    private final DataSource dataSource;
    private final ScreeningIndex screening;
    private final double closeAt;
    private final int threads;
    private final ObjectMapper mapper;

    PartyIndex(DataSource dataSource, ScreeningIndex screening, AssessorConfig config, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.screening = screening;
        this.closeAt = Math.max(0, config.lists().match().threshold() - config.monitoring().margin());
        this.threads = config.monitoring().scanThreads();
    }

    /**
     * What changed in the lists, as far as the stored subjects are concerned.
     *
     * @param near    by source, the entries added or changed: parties close to their new content are touched
     * @param matched by source, the entries changed or removed: subjects whose assessment matched them are touched
     */
    public record Changes(Map<String, Set<String>> near, Map<String, Set<String>> matched) {
    }

    /**
     * The subjects touched, as the ids of their latest assessments, and what finding them cost.
     *
     * @param partiesRead  stored parties compared with the changed entries
     * @param close        assessments with a party close to an added or changed entry (before keeping the latest)
     * @param matched      assessments that matched a changed or removed entry (before keeping the latest)
     * @param stale        of those, assessments that another one had replaced (their index rows are removed)
     * @param entries      entries compared with (those of the changed ids still in force)
     */
    public record Touched(List<UUID> assessments, long partiesRead, int close, int matched, int stale, int entries,
                          long millis) {
    }

    public Touched touched(Changes changes) {
        long start = System.nanoTime();
        // The snapshot must hold the versions now in force: this instance may not have rebuilt since another one
        // imported the new version.
        screening.reload();
        ScreeningIndex.Snapshot snapshot = screening.snapshot();
        List<NearIndex> near = new ArrayList<>();
        int entries = 0;
        for (Map.Entry<String, Set<String>> e : changes.near().entrySet()) {
            if (!e.getValue().isEmpty()) {
                NearIndex n = screening.near(snapshot, e.getKey(), e.getValue(), closeAt);
                entries += n.entries();
                if (n.entries() > 0) {
                    near.add(n);
                }
            }
        }
        Set<UUID> close = ConcurrentHashMap.newKeySet();
        AtomicLong read = new AtomicLong();
        if (!near.isEmpty()) {
            scan(near, close, read);
        }
        Set<UUID> matched = matched(changes.matched());
        Set<UUID> all = new LinkedHashSet<>(close);
        all.addAll(matched);
        Set<UUID> latest = latest(all);
        Set<UUID> stale = new HashSet<>(all);
        stale.removeAll(latest);
        forget(stale);
        List<UUID> out = new ArrayList<>(latest);
        Collections.sort(out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.infof("List change: %,d stored parties compared with %d changed entries, %d subjects close, %d matched a "
                + "changed or removed entry, %d touched (%d replaced since), in %d ms", read.get(), entries, close.size(),
                matched.size(), out.size(), stale.size(), millis);
        return new Touched(out, read.get(), close.size(), matched.size(), stale.size(), entries, millis);
    }

    private record Row(UUID assessment, String name, String type, String countries, ScreeningIndex.Facts facts) {
    }

    /**
     * Reads every stored party once, on this thread, and scores them on {@code threads} others: the reading is
     * cheap next to the scoring, which is where the cores go.
     */
    private void scan(List<NearIndex> near, Set<UUID> close, AtomicLong read) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "party-scan");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> pending = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams a result (rather than reading it whole) only inside a transaction: the caller's, or
            // one of the scan's own.
            boolean auto = c.getAutoCommit();
            if (auto) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT assessment_id, name, entity_type, countries, facts_json FROM watched_party")) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    List<Row> batch = new ArrayList<>(BATCH);
                    while (rs.next()) {
                        batch.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                                facts(rs.getString(5))));
                        if (batch.size() == BATCH) {
                            pending.add(submit(pool, batch, near, close));
                            read.addAndGet(batch.size());
                            batch = new ArrayList<>(BATCH);
                            // Bounded: never more than a few batches per thread wait in memory.
                            drain(pending, threads * 4);
                        }
                    }
                    pending.add(submit(pool, batch, near, close));
                    read.addAndGet(batch.size());
                }
            } finally {
                if (auto) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
            drain(pending, 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored parties: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Future<?> submit(ExecutorService pool, List<Row> batch, List<NearIndex> near, Set<UUID> close) {
        return pool.submit(() -> {
            for (Row r : batch) {
                if (close.contains(r.assessment())) {
                    continue;
                }
                for (NearIndex n : near) {
                    if (n.closest(r.name(), r.type(), WatchedParty.countries(r.countries()), r.facts()) != null) {
                        close.add(r.assessment());
                        break;
                    }
                }
            }
        });
    }

    /** A stored party's identifiers and facts; none when the column is empty or cannot be read. */
    private ScreeningIndex.Facts facts(String json) {
        if (json == null || json.isEmpty()) {
            return ScreeningIndex.Facts.NONE;
        }
        try {
            return mapper.readValue(json, ScreeningIndex.Facts.class);
        } catch (java.io.IOException e) {
            // Written by this service; a row it cannot read is still compared by its name, and the log says so.
            LOG.warnf("A stored party's facts cannot be read (%s); it is compared by name only", e.getMessage());
            return ScreeningIndex.Facts.NONE;
        }
    }

    private static void drain(List<Future<?>> pending, int keep) {
        while (pending.size() > keep) {
            try {
                pending.remove(0).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the scan of the stored parties was interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the scan of the stored parties failed: " + e.getCause(), e.getCause());
            }
        }
    }

    private Set<UUID> matched(Map<String, Set<String>> entries) {
        Set<UUID> out = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (Map.Entry<String, Set<String>> e : entries.entrySet()) {
                for (List<String> part : parts(List.copyOf(e.getValue()))) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT assessment_id FROM watched_match "
                            + "WHERE source = ? AND entry_id IN (" + marks(part.size()) + ")")) {
                        ps.setString(1, e.getKey());
                        for (int i = 0; i < part.size(); i++) {
                            ps.setString(i + 2, part.get(i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.add(rs.getObject(1, UUID.class));
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored matches: " + e.getMessage(), e);
        }
        return out;
    }

    /** Of these assessments, those still the latest of their subject. */
    Set<UUID> latest(Collection<UUID> ids) {
        Set<UUID> out = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            for (List<UUID> part : parts(List.copyOf(ids))) {
                try (PreparedStatement ps = c.prepareStatement("SELECT a.id FROM assessment a WHERE a.id IN ("
                        + marks(part.size()) + ") AND NOT EXISTS (SELECT 1 FROM assessment s WHERE s.supersedes = a.id) "
                        + "AND (a.ref IS NULL OR NOT EXISTS (SELECT 1 FROM assessment b WHERE b.ref = a.ref AND b.seq > a.seq))")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setObject(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getObject(1, UUID.class));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell the latest assessments: " + e.getMessage(), e);
        }
        return out;
    }

    /** Removes the index rows of assessments that were replaced, which the scan found and passed over. */
    private void forget(Set<UUID> replaced) {
        if (replaced.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            for (List<UUID> part : parts(List.copyOf(replaced))) {
                for (String table : List.of("watched_party", "watched_match")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE assessment_id IN ("
                            + marks(part.size()) + ")")) {
                        for (int i = 0; i < part.size(); i++) {
                            ps.setObject(i + 1, part.get(i));
                        }
                        ps.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            // Only a saving: the next scan passes over them again.
            LOG.warnf("could not remove the index rows of %d replaced assessments: %s", replaced.size(), e.getMessage());
        }
    }

    private static <T> List<List<T>> parts(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            out.add(all.subList(from, Math.min(all.size(), from + 500)));
        }
        return out;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
