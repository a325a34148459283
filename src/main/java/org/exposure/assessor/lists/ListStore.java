package org.exposure.assessor.lists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Stores imported lists as versions. Identical content (same source and SHA-256) is not stored twice; a new
 * version replaces the one in force for its source in the same transaction, so a failed import leaves the
 * previous version in force. Every store first locks the source's row in {@code list_source}, so imports of one
 * source (upload, download, start-up directory; on any instance sharing the database) take turns, and the check
 * for identical content sees what the previous one stored. The download validators of a source are kept with the
 * version they made and written in the same transaction.
 */
@ApplicationScoped
public class ListStore {
    private static final Logger LOG = Logger.getLogger(ListStore.class);

    /** An import's outcome: the version now in force, and whether this import created it. */
    public record Stored(ListVersionEntity version, boolean created) {
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

    ListStore(ObjectMapper mapper, EntityManager em) {
        this.mapper = mapper;
        this.em = em;
    }

    /** Stores content that did not come from a download (upload, start-up directory). */
    @Transactional
    public Stored store(ImportResult result) {
        lock(result.source());
        Stored stored = storeLocked(result);
        // Validators of another version would let a 304 keep this content while the server has moved on.
        em.createNativeQuery("DELETE FROM list_download_validator WHERE source = ?1 AND version_id <> ?2")
                .setParameter(1, result.source()).setParameter(2, stored.version().id).executeUpdate();
        return stored;
    }

    /** Stores downloaded content and, in the same transaction, the validators of the files it came from. */
    @Transactional
    public Stored store(ImportResult result, Map<String, DownloadValidators> validators) {
        lock(result.source());
        Stored stored = storeLocked(result);
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

    private Stored storeLocked(ImportResult result) {
        Optional<ListVersionEntity> same = ListVersionEntity
                .<ListVersionEntity>find("source = ?1 and contentHash = ?2", result.source(), result.sha256())
                .firstResultOptional();
        if (same.isPresent()) {
            ListVersionEntity existing = same.get();
            if (!existing.inForce) {
                // Going back to an earlier file puts that version in force again rather than copying it.
                ListVersionEntity.update("inForce = false where source = ?1 and inForce = true", result.source());
                existing.inForce = true;
            }
            return new Stored(existing, false);
        }
        ListVersionEntity.update("inForce = false where source = ?1 and inForce = true", result.source());
        ListVersionEntity v = new ListVersionEntity();
        v.id = TimeOrderedIds.next();
        v.source = result.source();
        v.contentHash = result.sha256();
        v.publishedAt = result.published() == null ? null : result.published().truncatedTo(ChronoUnit.MICROS);
        v.entryCount = result.entryCount();
        v.skippedRows = result.problems().size();
        v.importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        v.inForce = true;
        v.persist();
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
        return new Stored(v, true);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ListVersionEntity> inForce() {
        return ListVersionEntity.list("inForce = true", Sort.ascending("source"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ListEntryEntity> entry(String source, String entryId) {
        return ListEntryEntity.<ListEntryEntity>find(
                "from ListEntryEntity e where e.entryId = ?2 and e.versionId in "
                        + "(select v.id from ListVersionEntity v where v.source = ?1 and v.inForce = true)",
                source, entryId).firstResultOptional();
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
        return x;
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("list entries always serialise", e);
        }
    }
}
