package org.exposure.assessor.batch;

import java.util.List;
import java.util.UUID;

import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.FieldError;

/** The outcome of one input row: assessed (with its stored assessment) or rejected (with what is wrong). */
public record ResultRow(long line, String ref, Status status, UUID assessmentId, RiskLevel riskLevel,
                        List<String> firedRules, List<FieldError> errors) {
    public enum Status {
        ASSESSED, REJECTED
    }
}
