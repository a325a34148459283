package org.exposure.assessor.review;

import java.time.Instant;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assessment waiting for, or having had, a reviewer's decision. Created with the assessment (AssessmentWriter). */
@Entity
@Table(name = "review_item")
public class ReviewItemEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "assessment_id", nullable = false)
    public UUID assessmentId;

    public String ref;

    @Column(name = "subject_name")
    public String subjectName;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    /** LIST_MATCH, RISK_LEVEL, RISK_RAISED, comma-separated. */
    @Column(nullable = false)
    public String reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status;

    @Enumerated(EnumType.STRING)
    public Decision outcome;

    public String assignee;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
