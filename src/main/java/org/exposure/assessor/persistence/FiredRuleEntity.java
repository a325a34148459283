package org.exposure.assessor.persistence;

import java.util.UUID;

import org.exposure.assessor.domain.Severity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A rule that fired, stored with the text and evidence the client saw, so that a reviewer sees it unchanged. */
@Entity
@Table(name = "fired_rule")
public class FiredRuleEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "assessment_id")
    public AssessmentEntity assessment;

    @Column(nullable = false)
    public int position;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public String explanation;

    @Column(nullable = false)
    public String remediation;

    @Column(name = "evidence_json", nullable = false)
    public String evidenceJson;
}
