package org.exposure.assessor.lists;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.persistence.TimeOrderedIds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Stores imported lists as versions. Identical content (same source and SHA-256) is not stored twice; a new
 * version replaces the one in force for its source in the same transaction, so a failed import leaves the
 * previous version in force.
 */
@ApplicationScoped
public class ListStore {
    /** An import's outcome: the version now in force, and whether this import created it. */
    public record Stored(ListVersionEntity version, boolean created) {
    }

    private final ObjectMapper mapper;
    private final EntityManager em;

    ListStore(ObjectMapper mapper, EntityManager em) {
        this.mapper = mapper;
        this.em = em;
    }

    @Transactional
    public Stored store(ImportResult result) {
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
