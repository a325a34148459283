package org.exposure.assessor.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.domain.SubjectType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** One assessment as stored: the normalised subject, the verdict, the ruleset version and every fired rule. */
@Entity
@Table(name = "assessment")
public class AssessmentEntity extends PanacheEntityBase {
    @Id
    public UUID id;

    /** Filled by the database; only used to order listings. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    public String ref;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type", nullable = false)
    public SubjectType subjectType;

    @Column(name = "subject_name")
    public String subjectName;

    @Column(name = "subject_json", nullable = false)
    public String subjectJson;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level", nullable = false)
    public RiskLevel riskLevel;

    @Column(name = "warnings_json", nullable = false)
    public String warningsJson;

    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;

    /** The sanctions-list versions the subject's parties were matched against, as JSON. */
    @Column(name = "list_versions_json", nullable = false)
    public String listVersionsJson;

    /** What the screening did (status, names screened, sources used, missing and stale), as JSON; null before V6. */
    @Column(name = "screening_json")
    public String screeningJson;

    @Column(name = "assessed_at", nullable = false)
    public Instant assessedAt;

    /**
     * Every list match of the subject's parties, with its id within the assessment, the entry's content hash and the
     * dismissal that kept it from the rules, if any (JSON); null for assessments stored before they were recorded.
     */
    @Column(name = "matches_json")
    public String matchesJson;

    /** The user or machine client that submitted the subject; null for assessments stored before it was recorded. */
    @Column(name = "submitted_by")
    public String submittedBy;

    /**
     * Why the assessment goes to the review queue ("LIST_MATCH", "RISK_LEVEL", "RISK_RAISED", comma-separated), or null
     * when it does not. Not a column: the review item written with the assessment holds it.
     */
    @jakarta.persistence.Transient
    public String reviewReasons;

    /**
     * The assessment this one replaces: set when a list change made the service assess a stored subject again.
     * The older assessment is never changed.
     */
    @Column(name = "supersedes")
    public UUID supersedes;

    /**
     * The named parties as they were screened, for the index of stored parties that a list change is compared with.
     * Not columns: {@link AssessmentWriter} writes them to {@code watched_party}.
     */
    @jakarta.persistence.Transient
    public List<WatchedParty> watchedParties = List.of();

    /** The list entries the screening matched (dismissed or not), written to {@code watched_match}. */
    @jakarta.persistence.Transient
    public List<WatchedParty.Entry> watchedEntries = List.of();

    @OneToMany(mappedBy = "assessment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<FiredRuleEntity> firedRules = new ArrayList<>();
}
