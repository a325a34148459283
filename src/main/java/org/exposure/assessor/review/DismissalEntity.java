package org.exposure.assessor.review;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A FALSE_POSITIVE in force, remembered by party name, entry and entry content (see {@link Dismissals}). */
@Entity
@Table(name = "dismissal")
public class DismissalEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "party_key", nullable = false)
    public String partyKey;

    @Column(name = "party_name", nullable = false)
    public String partyName;

    @Column(nullable = false)
    public String source;

    @Column(name = "entry_id", nullable = false)
    public String entryId;

    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    @Column(name = "primary_name")
    public String primaryName;

    @Column(name = "decision_id", nullable = false)
    public UUID decisionId;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(nullable = false)
    public String reason;

    @Column(name = "dismissed_at", nullable = false)
    public Instant dismissedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoke_reason")
    public String revokeReason;
}
