package org.exposure.assessor.lists;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.persistence.TimeOrderedIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * What changed between two versions of a list source: the change sets {@link ListStore} records in the transaction
 * that puts a version in force in place of another (or stores it held), and their changes.
 *
 * <p>For the monitoring: a change set whose transition took effect with at least one change has
 * {@link ChangeSet#watchState()} {@value #PENDING} and {@link ChangeSet#inForceAt()} set, both written in the
 * transaction that put its version in force (for a held version: in the one that confirmed it); every other set has
 * no watch state. This class never reads or changes a watch state after that; the monitoring owns it.
 *
 * <p>Entries are compared by their id in the source. The US CSL repeats an id once per list that names the party
 * (VTB Bank: SDN, SSI, Capta), so within one id, rows with the same content are paired first, then rows of the same
 * list, then the rest in list order; what is left over is added or removed. Two entries are the same when their
 * canonical content ({@link EntryContent}) is: a version that differs from the one it replaces only in the order of
 * its records, aliases or programmes, or in whitespace, has a change set with no change.
 */
@ApplicationScoped
public class ListChanges {
    private static final Logger LOG = Logger.getLogger(ListChanges.class);
    /** The watch state of a change set that took effect with changes, until the monitoring claims it. */
    public static final String PENDING = "PENDING";
    private static final int IN_CHUNK = 200;
    private static final int BATCH = 500;

    /** How an entry changed. */
    public enum Kind {
        /** In the new version only. */
        ADDED,
        /** In the replaced version only. */
        REMOVED,
        /** In both, with a different content. */
        CHANGED
    }

    /**
     * A change set: what putting {@code toVersionId} in force in place of {@code fromVersionId} changes.
     *
     * @param inForceAt  when the transition took effect; null while the version is held (and for good when it never
     *                   is confirmed)
     * @param watchState {@value #PENDING} when it took effect with a change, until the monitoring sets another state;
     *                   null otherwise
     */
    public record ChangeSet(UUID id, String source, UUID fromVersionId, UUID toVersionId, Instant computedAt,
                            int added, int removed, int changed, Instant inForceAt, String watchState, Watch watch) {
        /** Added, removed and changed entries together. */
        public int total() {
            return added + removed + changed;
        }

        /** The number of changes of one kind, or of all when kind is null. */
        public int count(Kind kind) {
            return kind == null ? total() : switch (kind) {
                case ADDED -> added;
                case REMOVED -> removed;
                case CHANGED -> changed;
            };
        }
    }

    /**
     * One entry added, removed or changed.
     *
     * @param position     its place in the set (0, 1, ...): added, then changed, then removed, each by entry id
     * @param listName     the entry's list within the source (CSL sublist, EU programme, UK regime), or null
     * @param name         the entry's name after the change; before it, for a removed entry
     * @param previousName the name before the change when a changed entry's name changed, else null
     * @param fields       the fields that changed ({@link EntryContent#FIELDS}), for CHANGED; empty otherwise
     * @param before       the changed fields' values before, by field name (for {@code record}: only the keys of the
     *                     original record that differ, a missing one as null); null unless CHANGED
     * @param after        the same after the change
     */
    public record Change(int position, Kind kind, String entryId, String listName, String name, String previousName,
                         List<String> fields, JsonNode before, JsonNode after) {
        public Change {
            fields = List.copyOf(fields);
        }
    }

    private final EntityManager em;
    private final ObjectMapper mapper;

    ListChanges(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    /** A change set by its id. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChangeSet> changeSet(UUID id) {
        return sets("WHERE id = ?", id).stream().findFirst();
    }

    /**
     * The latest change set of a version: against the version it replaced (or would replace, while held). A version
     * put back in force later has a newer set against the version it then replaced. Empty for the first version of a
     * source and for versions stored before change sets were recorded.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ChangeSet> forVersion(UUID versionId) {
        List<ChangeSet> sets = sets("WHERE to_version_id = ? ORDER BY computed_at DESC, id DESC", versionId);
        return sets.stream().findFirst();
    }

    /** Every change of a set, in position order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> changes(UUID changeSetId) {
        return changes(changeSetId, null, 0, Integer.MAX_VALUE);
    }

    /**
     * A page of the changes of a set, in position order.
     *
     * @param kind   only changes of this kind; null for all
     * @param offset changes to pass over
     * @param limit  at most this many
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> changes(UUID changeSetId, Kind kind, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        boolean all = offset == 0 && limit == Integer.MAX_VALUE;
        String sql = "SELECT position, kind, entry_id, list_name, name, previous_name, fields_json, before_json, "
                + "after_json FROM list_change WHERE change_set_id = ?" + (kind == null ? "" : " AND kind = ?")
                + " ORDER BY position" + (all ? "" : " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int p = 1;
                ps.setObject(p++, changeSetId);
                if (kind != null) {
                    ps.setString(p++, kind.name());
                }
                if (!all) {
                    ps.setInt(p++, offset);
                    ps.setInt(p, limit);
                }
                List<Change> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        out.add(new Change(r.getInt(1), Kind.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                                r.getString(5), r.getString(6), names(r.getString(7)), tree(r.getString(8)),
                                tree(r.getString(9))));
                    }
                }
                return out;
            }
        });
    }

    /**
     * What acting on a change set did, once it was (the monitoring of stored subjects writes it): the batch job that
     * assesses the touched subjects again (null when none was touched), the stored parties compared, the subjects
     * touched, how long finding them took, and when.
     */
    public record Watch(UUID job, long partiesCompared, int subjectsTouched, long scanMillis, Instant at) {
    }

    private List<ChangeSet> sets(String where, UUID id) {
        String sql = "SELECT id, source, from_version_id, to_version_id, computed_at, added, removed, changed, "
                + "in_force_at, watch_state, watch_job_id, watch_parties, watch_subjects, watch_millis, watched_at "
                + "FROM list_change_set " + where;
        return session().doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setObject(1, id);
                List<ChangeSet> out = new ArrayList<>();
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        OffsetDateTime inForce = r.getObject(9, OffsetDateTime.class);
                        OffsetDateTime watched = r.getObject(15, OffsetDateTime.class);
                        Watch watch = watched == null ? null : new Watch(r.getObject(11, UUID.class), r.getLong(12),
                                r.getInt(13), r.getLong(14), watched.toInstant());
                        out.add(new ChangeSet(r.getObject(1, UUID.class), r.getString(2), r.getObject(3, UUID.class),
                                r.getObject(4, UUID.class), r.getObject(5, OffsetDateTime.class).toInstant(),
                                r.getInt(6), r.getInt(7), r.getInt(8), inForce == null ? null : inForce.toInstant(),
                                r.getString(10), watch));
                    }
                }
                return out;
            }
        });
    }

    // ---- Recording, for ListStore, in its transaction under the source's lock ----------------------------------

    /**
     * Compares {@code to} with {@code from} and stores the change set. In force: it took effect now, and is
     * {@value #PENDING} if anything changed; else (held) it has neither.
     */
    ChangeSet record(String source, UUID from, UUID to, boolean inForce) {
        long t0 = System.nanoTime();
        em.flush();
        List<Change> changes = compare(source, from, to);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int added = 0;
        int removed = 0;
        int changed = 0;
        for (Change ch : changes) {
            switch (ch.kind()) {
                case ADDED -> added++;
                case REMOVED -> removed++;
                case CHANGED -> changed++;
            }
        }
        ChangeSet set = new ChangeSet(TimeOrderedIds.next(), source, from, to, now, added, removed, changed,
                inForce ? now : null, inForce && !changes.isEmpty() ? PENDING : null, null);
        insert(set, changes);
        LOG.infof("List %s: version %s against %s: %d added, %d removed, %d changed (%d ms)%s", source, to, from, added,
                removed, changed, (System.nanoTime() - t0) / 1_000_000, inForce ? "" : "; held, not in force");
        return set;
    }

    /**
     * A held version was just put in force in place of {@code current} (null when none is): its set takes effect
     * now. A set computed while it was held against another version than {@code current} is out of date: it is
     * replaced by one against {@code current}. Returns the set in force, or empty when there is nothing to compare
     * with.
     */
    Optional<ChangeSet> confirmed(String source, UUID version, UUID current) {
        em.flush();
        Optional<ChangeSet> held = forVersion(version).filter(s -> s.inForceAt() == null);
        if (held.isPresent() && held.get().fromVersionId().equals(current)) {
            ChangeSet s = held.get();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            String watch = s.total() > 0 ? PENDING : null;
            session().doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE list_change_set SET in_force_at = ?, watch_state = ? WHERE id = ?")) {
                    ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                    ps.setString(2, watch);
                    ps.setObject(3, s.id());
                    ps.executeUpdate();
                }
            });
            return Optional.of(new ChangeSet(s.id(), s.source(), s.fromVersionId(), s.toVersionId(), s.computedAt(),
                    s.added(), s.removed(), s.changed(), now, watch, null));
        }
        // Never in force, so nobody acted on it: it goes, and the set that takes effect is computed afresh.
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM list_change_set WHERE to_version_id = ? AND in_force_at IS NULL")) {
                ps.setObject(1, version);
                ps.executeUpdate();
            }
        });
        return current == null ? Optional.empty() : Optional.of(record(source, current, version, true));
    }

    /** The counts of a set as the audit trail keeps them with the import or confirmation. */
    static Map<String, Object> auditState(ChangeSet s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changeSetId", s.id().toString());
        out.put("previousVersionId", s.fromVersionId().toString());
        out.put("added", s.added());
        out.put("removed", s.removed());
        out.put("changed", s.changed());
        return out;
    }

    /** One row of a version as the comparison first reads it: identity, name and content hash. */
    private record Key(UUID rowId, String entryId, String listName, String name, String hash) {
    }

    private record Pair(Key before, Key after) {
    }

    private List<Change> compare(String source, UUID from, UUID to) {
        Map<String, List<Key>> before = byEntryId(keys(source, from));
        Map<String, List<Key>> after = byEntryId(keys(source, to));
        List<Key> added = new ArrayList<>();
        List<Key> removed = new ArrayList<>();
        List<Pair> changed = new ArrayList<>();
        for (Map.Entry<String, List<Key>> e : after.entrySet()) {
            List<Key> old = before.getOrDefault(e.getKey(), List.of());
            match(new ArrayList<>(old), new ArrayList<>(e.getValue()), added, removed, changed);
        }
        for (Map.Entry<String, List<Key>> e : before.entrySet()) {
            if (!after.containsKey(e.getKey())) {
                removed.addAll(e.getValue());
            }
        }
        Comparator<Key> byId = Comparator.comparing(Key::entryId).thenComparing(Key::listName,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        added.sort(byId);
        removed.sort(byId);
        changed.sort(Comparator.comparing(Pair::after, byId));
        List<Change> out = new ArrayList<>(added.size() + removed.size() + changed.size());
        for (Key k : added) {
            out.add(new Change(out.size(), Kind.ADDED, k.entryId(), k.listName(), k.name(), null, List.of(), null, null));
        }
        Map<UUID, EntryContent.Stored> rows = rows(source, changed);
        for (Pair p : changed) {
            out.add(detail(out.size(), p, rows.get(p.before().rowId()), rows.get(p.after().rowId())));
        }
        for (Key k : removed) {
            out.add(new Change(out.size(), Kind.REMOVED, k.entryId(), k.listName(), k.name(), null, List.of(), null,
                    null));
        }
        return out;
    }

    /**
     * Pairs the rows of one entry id in the two versions: one each (every source but the CSL) are the same entry;
     * several are paired by equal content, then by list, then in list order.
     */
    private static void match(List<Key> old, List<Key> now, List<Key> added, List<Key> removed, List<Pair> changed) {
        if (old.size() == 1 && now.size() == 1) {
            if (!old.get(0).hash().equals(now.get(0).hash())) {
                changed.add(new Pair(old.get(0), now.get(0)));
            }
            return;
        }
        pairAway(old, now, (a, b) -> a.hash().equals(b.hash()), null);
        pairAway(old, now, (a, b) -> Objects.equals(a.listName(), b.listName()), changed);
        Comparator<Key> byList = Comparator.comparing(Key::listName, Comparator.nullsFirst(Comparator.naturalOrder()));
        old.sort(byList);
        now.sort(byList);
        int n = Math.min(old.size(), now.size());
        for (int i = 0; i < n; i++) {
            changed.add(new Pair(old.get(i), now.get(i)));
        }
        removed.addAll(old.subList(n, old.size()));
        added.addAll(now.subList(n, now.size()));
    }

    /** Removes the pairs {@code same} accepts from both lists, adding them to {@code to} unless it is null. */
    private static void pairAway(List<Key> old, List<Key> now, java.util.function.BiPredicate<Key, Key> same,
                                 List<Pair> to) {
        for (Iterator<Key> it = now.iterator(); it.hasNext();) {
            Key k = it.next();
            for (Iterator<Key> ot = old.iterator(); ot.hasNext();) {
                Key o = ot.next();
                if (same.test(o, k)) {
                    if (to != null) {
                        to.add(new Pair(o, k));
                    }
                    ot.remove();
                    it.remove();
                    break;
                }
            }
        }
    }

    private static Map<String, List<Key>> byEntryId(List<Key> keys) {
        Map<String, List<Key>> out = new HashMap<>(keys.size() * 2);
        for (Key k : keys) {
            out.computeIfAbsent(k.entryId(), x -> new ArrayList<>(1)).add(k);
        }
        return out;
    }

    /**
     * The identity, name and content hash of every entry of a version; the hash computed from the stored columns for
     * entries stored before it was recorded.
     */
    private List<Key> keys(String source, UUID version) {
        Map<UUID, String> computed = new HashMap<>();
        List<Key> keys = session().doReturningWork(c -> {
            List<Key> out = new ArrayList<>();
            boolean missing = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, entry_id, list_name, primary_name, content_hash FROM list_entry WHERE version_id = ?")) {
                ps.setObject(1, version);
                ps.setFetchSize(2000);
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        String hash = r.getString(5);
                        missing |= hash == null;
                        out.add(new Key(r.getObject(1, UUID.class), r.getString(2), r.getString(3), r.getString(4),
                                hash));
                    }
                }
            }
            if (missing) {
                readRows(c, source, "version_id = ? AND content_hash IS NULL", List.of(version),
                        (id, row) -> computed.put(id, EntryContent.hash(row)));
            }
            return out;
        });
        if (computed.isEmpty()) {
            return keys;
        }
        List<Key> out = new ArrayList<>(keys.size());
        for (Key k : keys) {
            out.add(k.hash() != null ? k : new Key(k.rowId(), k.entryId(), k.listName(), k.name(),
                    computed.get(k.rowId())));
        }
        return out;
    }

    /** The full stored rows of the changed pairs, by row id: only these are read whole. */
    private Map<UUID, EntryContent.Stored> rows(String source, List<Pair> pairs) {
        Map<UUID, EntryContent.Stored> out = new HashMap<>();
        if (pairs.isEmpty()) {
            return out;
        }
        List<UUID> ids = new ArrayList<>(pairs.size() * 2);
        for (Pair p : pairs) {
            ids.add(p.before().rowId());
            ids.add(p.after().rowId());
        }
        session().doWork(c -> {
            for (int i = 0; i < ids.size(); i += IN_CHUNK) {
                List<UUID> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
                String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
                readRows(c, source, "id IN (" + marks + ")", chunk, out::put);
            }
        });
        return out;
    }

    @FunctionalInterface
    private interface RowSink {
        void accept(UUID id, EntryContent.Stored row);
    }

    private static void readRows(Connection c, String source, String where, List<UUID> params, RowSink sink)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, primary_name, entity_type, list_name, aliases_json, "
                + "programs_json, countries_json, identifiers_json, remarks_json, datasets_json, secondary_sanctions_risk, "
                + "original_json FROM list_entry WHERE " + where)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    sink.accept(r.getObject(1, UUID.class), new EntryContent.Stored(source, r.getString(2),
                            r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                            r.getString(8), r.getString(9), r.getString(10), r.getBoolean(11), r.getString(12)));
                }
            }
        }
    }

    /** The fields of a changed pair that differ, with their values before and after. */
    private Change detail(int position, Pair p, EntryContent.Stored before, EntryContent.Stored after) {
        Map<String, JsonNode> b = EntryContent.fields(before);
        Map<String, JsonNode> a = EntryContent.fields(after);
        List<String> fields = new ArrayList<>();
        ObjectNode was = JsonNodeFactory.instance.objectNode();
        ObjectNode is = JsonNodeFactory.instance.objectNode();
        for (String f : EntryContent.FIELDS) {
            JsonNode x = b.get(f);
            JsonNode y = a.get(f);
            if (x.equals(y)) {
                continue;
            }
            fields.add(f);
            if (f.equals("record")) {
                // Only the keys of the original record that differ: a record holds dozens of fields.
                ObjectNode rx = JsonNodeFactory.instance.objectNode();
                ObjectNode ry = JsonNodeFactory.instance.objectNode();
                java.util.SortedSet<String> names = new java.util.TreeSet<>();
                x.fieldNames().forEachRemaining(names::add);
                y.fieldNames().forEachRemaining(names::add);
                for (String n : names) {
                    if (!Objects.equals(x.get(n), y.get(n))) {
                        rx.set(n, x.has(n) ? x.get(n) : JsonNodeFactory.instance.nullNode());
                        ry.set(n, y.has(n) ? y.get(n) : JsonNodeFactory.instance.nullNode());
                    }
                }
                was.set(f, rx);
                is.set(f, ry);
            } else {
                was.set(f, x);
                is.set(f, y);
            }
        }
        String previousName = fields.contains("name") ? before.name() : null;
        return new Change(position, Kind.CHANGED, p.after().entryId(), p.after().listName(), after.name(), previousName,
                fields, was, is);
    }

    private void insert(ChangeSet s, List<Change> changes) {
        session().doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_change_set (id, source, from_version_id, "
                    + "to_version_id, computed_at, added, removed, changed, in_force_at, watch_state) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, s.id());
                ps.setString(2, s.source());
                ps.setObject(3, s.fromVersionId());
                ps.setObject(4, s.toVersionId());
                ps.setObject(5, s.computedAt().atOffset(ZoneOffset.UTC));
                ps.setInt(6, s.added());
                ps.setInt(7, s.removed());
                ps.setInt(8, s.changed());
                ps.setObject(9, s.inForceAt() == null ? null : s.inForceAt().atOffset(ZoneOffset.UTC),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                ps.setString(10, s.watchState());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO list_change (change_set_id, position, kind, "
                    + "entry_id, list_name, name, previous_name, fields_json, before_json, after_json) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Change ch : changes) {
                    ps.setObject(1, s.id());
                    ps.setInt(2, ch.position());
                    ps.setString(3, ch.kind().name());
                    ps.setString(4, ch.entryId());
                    ps.setString(5, ch.listName());
                    ps.setString(6, ch.name());
                    ps.setString(7, ch.previousName());
                    ps.setString(8, ch.kind() == Kind.CHANGED ? json(ch.fields()) : null);
                    ps.setString(9, ch.before() == null ? null : ch.before().toString());
                    ps.setString(10, ch.after() == null ? null : ch.after().toString());
                    ps.addBatch();
                    if (++n % BATCH == 0) {
                        ps.executeBatch();
                    }
                }
                if (n % BATCH != 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    private String json(List<String> names) {
        ArrayNode a = mapper.createArrayNode();
        names.forEach(a::add);
        return a.toString();
    }

    private List<String> names(String json) {
        JsonNode t = tree(json);
        if (t == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(t.size());
        t.forEach(n -> out.add(n.asText()));
        return out;
    }

    private JsonNode tree(String json) {
        if (json == null) {
            return null;
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("list_change holds unreadable JSON: " + e.getMessage(), e);
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
