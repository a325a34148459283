package org.exposure.assessor.persistence;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One import of one list source; the newest distinct content of a source is the version in force. */
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
}
