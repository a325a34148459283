package org.exposure.assessor.review;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One decision of a reviewer, kept for good: a later decision on the same match or assessment supersedes it (its
 * status becomes SUPERSEDED) but does not replace the row, so the history is the table.
 */
@Entity
@Table(name = "review_decision")
public class ReviewDecisionEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    /** Null for a decision on the assessment. */
    @Column(name = "match_id")
    public String matchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionStatus status;

    /** Why a second reviewer must approve it; null when none must. */
    @Column(name = "approval_rule")
    public String approvalRule;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approval_note")
    public String approvalNote;
}
