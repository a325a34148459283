package org.exposure.assessor.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One import of one list source. At most one version of a source is in force; a new one replaces it unless it is
 * held for confirmation.
 */
@Entity
@Table(name = "list_version")
public class ListVersionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "skipped_rows", nullable = false)
    public int skippedRows;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "in_force", nullable = false)
    public boolean inForce;

    /** Stored but waiting for a confirmation before it may be put in force (see {@link #heldReason}). */
    @Column(nullable = false)
    public boolean held;

    /** Why the version was held (dropped entries, empty); kept after it was confirmed or replaced. */
    @Column(name = "held_reason")
    public String heldReason;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    /** IN_FORCE, HELD (waiting for a confirmation) or REPLACED (an earlier or discarded version). */
    public String status() {
        return inForce ? "IN_FORCE" : held ? "HELD" : "REPLACED";
    }
}
