package org.exposure.assessor.lists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.persistence.TimeOrderedIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.dialect.H2Dialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Stores imported lists as versions. Identical content (same source and SHA-256) is not stored twice; a new
 * version replaces the one in force for its source in the same transaction, so a failed import leaves the
 * previous version in force. Every store first locks the source's row in {@code list_source}, so imports of one
 * source (upload, download, start-up directory; on any instance sharing the database) take turns, and the check
 * for identical content sees what the previous one stored. The download validators of a source are kept with the
 * version they made and written in the same transaction. Every change of what is in force or held is recorded in the
 * audit trail in the same transaction, once the entries are written (the trail's lock is then held only for the
 * little left of it; see {@link org.exposure.assessor.audit.JdbcAuditTrail}): a version imported
 * ({@code LIST_IMPORTED}), held ({@code LIST_VERSION_HELD}) or confirmed ({@code LIST_VERSION_CONFIRMED}). What a
 * version changes against the one in force it replaces (or would replace, held) is recorded in the same transaction
 * too ({@link ListChanges}), its counts in the audit records' after-state ({@code changes}).
 */
@ApplicationScoped
public class ListStore {
    private static final Logger LOG = Logger.getLogger(ListStore.class);

    /**
     * An import's outcome: the version it gave (in force, or held for confirmation) and whether this import created
     * it.
     */
    public record Stored(ListVersionEntity version, boolean created) {
        /** The version was stored but not put in force: it waits for a confirmation. */
        public boolean held() {
            return !version.inForce && version.held;
        }
    }

    /** A version cannot be confirmed: unknown, of another source, or not held. */
    public static final class NotHeldException extends RuntimeException {
        private final boolean unknown;

        NotHeldException(String message, boolean unknown) {
            super(message);
            this.unknown = unknown;
        }

        /** True when there is no such version of the source at all. */
        public boolean unknown() {
            return unknown;
        }
    }

    /**
     * What a download keeps of one file, to ask next time whether it changed.
     *
     * @param url     the URL as it may be shown (no credentials, no query string)
     * @param urlHash SHA-256 of the full URL, to tell whether the validators are for the URL configured now
     */
    public record DownloadValidators(String url, String urlHash, String etag, String lastModified) {
    }

    /** The version in force of a source and the download validators of the files that made it, by part. */
    public record Validated(ListVersionEntity version, Map<String, DownloadValidators> parts) {
    }

    private final ObjectMapper mapper;
    private final EntityManager em;
    private final Event<ListsChanged> changed;
    private final double maxDrop;
    private final AuditTrail audit;
    private final ListChanges changes;

    /** How a version arrived, as the audit trail records it. */
    public static final String UPLOAD = "upload";
    public static final String DOWNLOAD = "download";
    public static final String DIRECTORY = "directory";

    ListStore(ObjectMapper mapper, EntityManager em, AssessorConfig config, Event<ListsChanged> changed,
              AuditTrail audit, ListChanges changes) {
        this.mapper = mapper;
        this.changes = changes;
        this.audit = audit;
        this.em = em;
        this.changed = changed;
        this.maxDrop = config.lists().maxDrop();
        if (!(maxDrop >= 0 && maxDrop <= 1)) {
            throw new IllegalArgumentException("assessor.lists.max-drop must be in 0..1, is " + maxDrop);
        }
    }

    /**
     * Stores content that did not come from a download.
     *
     * @param actor who imported it, as the audit trail records it
     * @param via   {@link #UPLOAD} or {@link #DIRECTORY}
     */
    @Transactional
    public Stored store(ImportResult result, String actor, String via) {
        lock(result.source());
        Stored stored = storeLocked(result, actor, via);
        dropOtherValidators(result.source(), stored.version());
        // Also for content stored before: an earlier version may have come back in force.
        changed.fire(new ListsChanged(result.source()));
        return stored;
    }

    /**
     * The version of a source that holds this content, if one does, changing nothing: the start-up import passes
     * over files already stored without parsing them, and leaves their version as it is. In force, it stays; held,
     * it waits; replaced since (by a download or an upload), it is not put back in force at every start because the
     * directory still holds the older file: going back to an earlier list is an upload.
     *
     * @param sha256 the content hash as the importer would give it ({@link ListSources#contentHash})
     */
    @Transactional
    public Optional<ListVersionEntity> version(String source, String sha256) {
        return ListVersionEntity.<ListVersionEntity>find("source = ?1 and contentHash = ?2", source, sha256)
                .firstResultOptional();
    }

    // Validators of another version would let a 304 keep this content while the server has moved on.
    private void dropOtherValidators(String source, ListVersionEntity inForce) {
        em.createNativeQuery("DELETE FROM list_download_validator WHERE source = ?1 AND version_id <> ?2")
                .setParameter(1, source).setParameter(2, inForce.id).executeUpdate();
    }

    /**
     * Stores downloaded content and, in the same transaction, the validators of the files it came from.
     *
     * @param actor who asked for the download ({@link AuditTrail#SYSTEM} for the schedule)
     */
    @Transactional
    public Stored store(ImportResult result, Map<String, DownloadValidators> validators, String actor) {
        lock(result.source());
        Stored stored = storeLocked(result, actor, DOWNLOAD);
        em.createNativeQuery("DELETE FROM list_download_validator WHERE source = ?1")
                .setParameter(1, result.source()).executeUpdate();
        for (Map.Entry<String, DownloadValidators> v : validators.entrySet()) {
            em.createNativeQuery("INSERT INTO list_download_validator (source, part, version_id, url, url_hash, etag, "
                            + "last_modified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                    .setParameter(1, result.source()).setParameter(2, v.getKey()).setParameter(3, stored.version().id)
                    .setParameter(4, v.getValue().url()).setParameter(5, v.getValue().urlHash())
                    .setParameter(6, v.getValue().etag()).setParameter(7, v.getValue().lastModified())
                    .executeUpdate();
        }
        changed.fire(new ListsChanged(result.source()));
        return stored;
    }

    /** The version in force of a source with the validators of the downloaded files that made it, if any. */
    @Transactional
    public Optional<Validated> validators(String source) {
        Optional<ListVersionEntity> inForce = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and inForce = true", source).firstResultOptional();
        if (inForce.isEmpty()) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT part, url, url_hash, etag, last_modified "
                        + "FROM list_download_validator WHERE source = ?1 AND version_id = ?2 ORDER BY part")
                .setParameter(1, source).setParameter(2, inForce.get().id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, DownloadValidators> parts = new LinkedHashMap<>();
        for (Object[] r : rows) {
            parts.put((String) r[0], new DownloadValidators((String) r[1], (String) r[2], (String) r[3], (String) r[4]));
        }
        return Optional.of(new Validated(inForce.get(), parts));
    }

    /**
     * The version in force of a source if it is still {@code versionId}: asked under the source's lock after a
     * download's conditional requests all answered 304, so that an import that finished meanwhile is seen.
     */
    @Transactional
    public Optional<ListVersionEntity> stillInForce(String source, UUID versionId) {
        lock(source);
        return ListVersionEntity.<ListVersionEntity>find("id = ?1 and source = ?2 and inForce = true", versionId, source)
                .firstResultOptional();
    }

    /**
     * Locks the source's row until the transaction ends. On H2 a lock is waited for only a second unless the
     * statement says otherwise, and storing a large list takes longer; the transaction timeout ends a longer wait.
     */
    private void lock(String source) {
        String sql = "SELECT source FROM list_source WHERE source = ?1 FOR UPDATE" + (h2() ? " WAIT 600" : "");
        if (!em.createNativeQuery(sql).setParameter(1, source).getResultList().isEmpty()) {
            return;
        }
        // A source newer than the migrations that seeded the table. Its own transaction, so that losing a race
        // to another instance inserting the same row does not spoil the import's transaction.
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO list_source (source) "
                    + "SELECT CAST(?1 AS VARCHAR(40)) WHERE NOT EXISTS (SELECT 1 FROM list_source WHERE source = ?1)")
                    .setParameter(1, source).executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("list_source row for %s inserted by another transaction: %s", source, e.getMessage());
        }
        if (em.createNativeQuery(sql).setParameter(1, source).getResultList().isEmpty()) {
            throw new IllegalStateException("no list_source row for " + source + " to lock");
        }
    }

    private boolean h2() {
        return em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class).getJdbcServices()
                .getDialect() instanceof H2Dialect;
    }

    /**
     * What storing content whose hash a version of this source already has does to that version: nothing when it
     * is in force or held; else it is put back in force (going back to an earlier file), under the same guard as
     * new content, since an old file may lack what was listed since. Empty when no version has this content.
     */
    private Optional<Stored> reuse(ImportResult result, String actor, String via) {
        String source = result.source();
        String sha256 = result.sha256();
        Optional<ListVersionEntity> same = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and contentHash = ?2", source, sha256)
                .firstResultOptional();
        if (same.isEmpty()) {
            return Optional.empty();
        }
        ListVersionEntity existing = same.get();
        if (existing.inForce || existing.held) {
            return Optional.of(new Stored(existing, false));
        }
        Optional<ListVersionEntity> current = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and inForce = true", source).firstResultOptional();
        String hold = holdReason(current.orElse(null), storedEntryIds(existing.id), existing.entryCount);
        Map<String, Object> before = current.map(ListStore::auditState).orElse(null);
        if (hold != null) {
            hold(existing, hold);
        } else {
            putInForce(existing);
        }
        ListChanges.ChangeSet set = current.map(c -> changes.record(source, c.id, existing.id, existing.inForce))
                .orElse(null);
        recordImport(existing, before, actor, via, result.problems().size(), true, set);
        return Optional.of(new Stored(existing, false));
    }

    private Stored storeLocked(ImportResult result, String actor, String via) {
        Optional<Stored> same = reuse(result, actor, via);
        if (same.isPresent()) {
            return same.get();
        }
        Optional<ListVersionEntity> current = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and inForce = true", result.source()).firstResultOptional();
        ListVersionEntity v = new ListVersionEntity();
        v.id = TimeOrderedIds.next();
        v.source = result.source();
        v.contentHash = result.sha256();
        v.publishedAt = result.published() == null ? null : result.published().truncatedTo(ChronoUnit.MICROS);
        v.entryCount = result.entryCount();
        v.skippedRows = result.problems().size();
        v.importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<String> ids = new HashSet<>();
        result.entries().forEach(e -> ids.add(e.id()));
        String hold = holdReason(current.orElse(null), ids, result.entryCount());
        Map<String, Object> before = current.map(ListStore::auditState).orElse(null);
        if (hold != null) {
            v.held = true;
            v.heldReason = hold;
            LOG.warnf("List %s: the new version %s is held, not put in force: %s", v.source, v.id, hold);
            v.persist();
        } else {
            demote(result.source());
            v.inForce = true;
            v.persist();
        }
        int n = 0;
        for (ListEntry e : result.entries()) {
            em.persist(entity(v.id, e));
            if (++n % 500 == 0) {
                // Keep the persistence context small for lists of tens of thousands of entries.
                em.flush();
                em.clear();
            }
        }
        em.flush();
        // The first version of a source replaces nothing, so it has no change set.
        ListChanges.ChangeSet set = current.map(c -> changes.record(v.source, c.id, v.id, v.inForce)).orElse(null);
        recordImport(v, before, actor, via, result.problems().size(), false, set);
        return new Stored(v, true);
    }

    /**
     * Records that {@code v} was imported (new content, or earlier content brought back) and, when it was held, that
     * it was: before is the version in force until then, which a held version leaves in force; set, what it
     * changes (would change, held) against that version, null when there was none.
     */
    private void recordImport(ListVersionEntity v, Map<String, Object> before, String actor, String via, int skipped,
                              boolean earlierContent, ListChanges.ChangeSet set) {
        Map<String, Object> after = auditState(v);
        after.put("via", via);
        after.put("skippedRows", skipped);
        after.put("earlierContent", earlierContent);
        after.put("changes", set == null ? null : ListChanges.auditState(set));
        audit.record(actor, "LIST_IMPORTED", "list-version", v.id.toString(), before, after);
        if (v.held && !v.inForce) {
            Map<String, Object> held = auditState(v);
            held.put("heldReason", v.heldReason);
            audit.record(actor, "LIST_VERSION_HELD", "list-version", v.id.toString(), before, held);
        }
    }

    /** What the audit trail keeps of a version: enough to find it and tell its content from another's. */
    private static Map<String, Object> auditState(ListVersionEntity v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", v.source);
        out.put("versionId", v.id.toString());
        out.put("contentHash", v.contentHash);
        out.put("entryCount", v.entryCount);
        out.put("publishedAt", v.publishedAt == null ? null : v.publishedAt.toString());
        out.put("importedAt", v.importedAt.toString());
        out.put("status", v.status());
        return out;
    }

    /**
     * Why a version with {@code ids} ({@code count} entries) must not replace {@code current} without a
     * confirmation, or null when it may: it holds no entry, or it drops more than {@code assessor.lists.max-drop}
     * of the entries of the version in force. Entries are compared by their id in the list, so a version that
     * replaces many entries by as many others is held too.
     */
    private String holdReason(ListVersionEntity current, Set<String> ids, int count) {
        if (count == 0) {
            return "the new version holds no entry";
        }
        if (current == null) {
            return null;
        }
        Set<String> before = storedEntryIds(current.id);
        if (before.isEmpty()) {
            return null;
        }
        long dropped = before.stream().filter(id -> !ids.contains(id)).count();
        double share = (double) dropped / before.size();
        if (share <= maxDrop) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "it drops %d of the %d entries of the version in force %s (%.1f%%), more than assessor.lists.max-drop "
                        + "(%.1f%%)", dropped, before.size(), current.id, share * 100, maxDrop * 100);
    }

    private Set<String> storedEntryIds(UUID versionId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT DISTINCT entry_id FROM list_entry WHERE version_id = ?1")
                .setParameter(1, versionId).getResultList();
        return new HashSet<>(rows);
    }

    private void hold(ListVersionEntity v, String reason) {
        v.held = true;
        v.heldReason = reason;
        LOG.warnf("List %s: version %s is held, not put in force: %s", v.source, v.id, reason);
    }

    /** The version in force stops being so, and no version of the source waits for a confirmation any more. */
    private void demote(String source) {
        ListVersionEntity.update("inForce = false where source = ?1 and inForce = true", source);
        ListVersionEntity.update("held = false where source = ?1 and held = true", source);
    }

    private void putInForce(ListVersionEntity v) {
        demote(v.source);
        v.held = false;
        v.inForce = true;
    }

    /**
     * Puts a held version in force, recording who confirmed it. Under the source's lock, like every import.
     *
     * @throws NotHeldException the version is unknown, of another source, or not held
     */
    @Transactional
    public ListVersionEntity confirm(String source, UUID versionId, String by) {
        lock(source);
        ListVersionEntity v = ListVersionEntity.<ListVersionEntity>find("id = ?1 and source = ?2", versionId, source)
                .firstResultOptional()
                .orElseThrow(() -> new NotHeldException("no version " + versionId + " of " + source, true));
        if (!v.held || v.inForce) {
            throw new NotHeldException("version " + versionId + " of " + source + " is not held for confirmation ("
                    + v.status() + ")", false);
        }
        em.flush();
        Map<String, Object> before = auditState(v);
        before.put("heldReason", v.heldReason);
        Optional<ListVersionEntity> current = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and inForce = true", source).firstResultOptional();
        before.put("replaces", current.map(ListStore::auditState).orElse(null));
        UUID currentId = current.map(c -> c.id).orElse(null);
        putInForce(v);
        v.confirmedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.confirmedBy = by;
        // What was computed when it was held takes effect now, or is computed again if the version in force changed.
        Optional<ListChanges.ChangeSet> set = changes.confirmed(source, v.id, currentId);
        Map<String, Object> after = auditState(v);
        after.put("confirmedAt", v.confirmedAt.toString());
        after.put("confirmedBy", by);
        after.put("changes", set.map(ListChanges::auditState).orElse(null));
        audit.record(by, "LIST_VERSION_CONFIRMED", "list-version", v.id.toString(), before, after);
        LOG.infof("List %s: held version %s confirmed by %s and put in force", source, v.id, by);
        changed.fire(new ListsChanged(source));
        return v;
    }

    /** The versions held for confirmation, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersionEntity> held() {
        return ListVersionEntity.list("held = true and inForce = false", Sort.ascending("source", "importedAt"));
    }

    /** The versions in force by source: the one definition, which the screening index also builds from. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersionEntity> inForce() {
        return ListVersionEntity.list("inForce = true", Sort.ascending("source"));
    }

    /**
     * The stored versions among {@code ids}, whatever their status, ordered by source as {@link #inForce} orders the
     * versions in force (an index built over them lists its sources in the same order).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersionEntity> byIds(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return ListVersionEntity.list("id in ?1", Sort.ascending("source"), List.copyOf(ids));
    }

    /** A version of a source by its id, whatever its status. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ListVersionEntity> find(String source, UUID versionId) {
        return ListVersionEntity.<ListVersionEntity>find("id = ?1 and source = ?2", versionId, source)
                .firstResultOptional();
    }

    /** Whether a version of the same source was imported before {@code v}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean hasEarlier(ListVersionEntity v) {
        return ListVersionEntity.count("source = ?1 and importedAt < ?2", v.source, v.importedAt) > 0;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ListEntryEntity> entry(String source, String entryId) {
        return ListEntryEntity.<ListEntryEntity>find(
                "from ListEntryEntity e where e.entryId = ?2 and e.versionId in "
                        + "(select v.id from ListVersionEntity v where v.source = ?1 and v.inForce = true)",
                source, entryId).firstResultOptional();
    }

    /** The stored entries with these row ids (of whatever version), in no particular order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListEntryEntity> entries(java.util.Collection<UUID> rowIds) {
        if (rowIds.isEmpty()) {
            return List.of();
        }
        return ListEntryEntity.list("id in ?1", List.copyOf(rowIds));
    }

    private ListEntryEntity entity(java.util.UUID versionId, ListEntry e) {
        ListEntryEntity x = new ListEntryEntity();
        x.id = TimeOrderedIds.next();
        x.versionId = versionId;
        x.entryId = e.id();
        x.listName = e.list();
        x.entityType = e.type().name();
        x.primaryName = e.name();
        x.aliasesJson = json(e.aliases());
        x.programsJson = json(e.programs());
        x.countriesJson = json(e.countries());
        x.identifiersJson = json(e.identifiers());
        x.remarksJson = json(e.remarks());
        x.datasetsJson = json(e.datasets());
        x.secondarySanctionsRisk = e.secondarySanctionsRisk();
        x.originalJson = json(e.evidence());
        x.factsJson = factsJson(e.facts());
        // The facts are left out of the hash: they are read from fields of the original record, which it covers.
        x.contentHash = EntryContent.hash(new EntryContent.Stored(e.source(), x.primaryName, x.entityType, x.listName,
                x.aliasesJson, x.programsJson, x.countriesJson, x.identifiersJson, x.remarksJson, x.datasetsJson,
                x.secondarySanctionsRisk, x.originalJson));
        return x;
    }

    /** The facts column: null when the list gives none, so that most entities' rows carry nothing more. */
    private String factsJson(EntryFacts facts) {
        if (facts.isEmpty()) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        out.put("birthDates", facts.birthDates());
        out.put("nationalities", facts.nationalities());
        out.put("cities", facts.cities());
        return json(out);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("list entries always serialise", e);
        }
    }
}
