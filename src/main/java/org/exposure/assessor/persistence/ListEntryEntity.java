package org.exposure.assessor.persistence;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of a stored list version; lists of names, programs and identifiers are kept as JSON. */
@Entity
@Table(name = "list_entry")
public class ListEntryEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    @Column(name = "list_name")
    public String listName;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "primary_name", nullable = false)
    public String primaryName;

    @Column(name = "aliases_json", nullable = false)
    public String aliasesJson;

    @Column(name = "programs_json", nullable = false)
    public String programsJson;

    @Column(name = "countries_json", nullable = false)
    public String countriesJson;

    @Column(name = "identifiers_json", nullable = false)
    public String identifiersJson;

    @Column(name = "remarks_json", nullable = false)
    public String remarksJson;

    @Column(name = "datasets_json", nullable = false)
    public String datasetsJson;

    @Column(name = "secondary_sanctions_risk", nullable = false)
    public boolean secondarySanctionsRisk;

    @Column(name = "original_json", nullable = false)
    public String originalJson;

    /**
     * Dates of birth, nationalities and cities the list gives ({@code lists.EntryFacts}) as a JSON object; null when
     * it gives none, and for entries stored before the column existed.
     */
    @Column(name = "facts_json")
    public String factsJson;

    /**
     * SHA-256 of the entry's canonical content (see {@code lists.EntryContent}), to compare versions cheaply; null for
     * entries stored before it was recorded.
     */
    @Column(name = "content_hash")
    public String contentHash;
}
