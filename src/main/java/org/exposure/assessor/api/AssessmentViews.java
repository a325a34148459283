package org.exposure.assessor.api;

import java.util.List;
import java.util.Map;

import org.exposure.assessor.api.dto.AssessmentView;
import org.exposure.assessor.api.dto.FiredRuleView;
import org.exposure.assessor.api.dto.WarningView;
import org.exposure.assessor.persistence.AssessmentEntity;
import org.exposure.assessor.persistence.FiredRuleEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Renders a stored assessment. Creation and later reads both go through here, from the stored entity, so a
 * reviewer reading it later sees exactly what the client got.
 */
@ApplicationScoped
public class AssessmentViews {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<WarningView>> WARNINGS = new TypeReference<>() {
    };

    /** The evidence path of findings about the subject itself; every other path names a part of it. */
    private static final String SUBJECT = "subject";

    private final ObjectMapper mapper;

    AssessmentViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public AssessmentView of(AssessmentEntity a) {
        try {
            JsonNode subject = mapper.readTree(a.subjectJson);
            List<FiredRuleView> own = new java.util.ArrayList<>();
            List<FiredRuleView> through = new java.util.ArrayList<>();
            for (FiredRuleEntity r : a.firedRules) {
                FiredRuleView view = rule(r);
                (SUBJECT.equals(view.evidence().get("path")) ? own : through).add(view);
            }
            List<WarningView> warnings = mapper.readValue(a.warningsJson, WARNINGS);
            return new AssessmentView(a.id, a.ref, subject, a.riskLevel, own, through, warnings, a.rulesetVersion,
                    a.screeningJson == null ? null : mapper.readTree(a.screeningJson), mapper.readTree(a.listVersionsJson),
                    a.assessedAt, a.matchesJson == null ? null : mapper.readTree(a.matchesJson), a.submittedBy, a.supersedes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored assessment " + a.id + " holds unreadable JSON", e);
        }
    }

    private FiredRuleView rule(FiredRuleEntity r) {
        try {
            return new FiredRuleView(r.ruleId, r.title, r.severity, r.legalBasis, r.explanation, r.remediation,
                    mapper.readValue(r.evidenceJson, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fired rule " + r.id + " holds unreadable evidence", e);
        }
    }
}
