package org.exposure.assessor.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.RiskLevel;

@Schema(name = "BatchResponse", description = "One assessment per subject, in input order, and the count per risk level.")
public record BatchResponse(
        @Schema(description = "Assessments in the order of the request's subjects; each carries its subject's ref.")
        List<AssessmentView> results,
        @Schema(description = "How many subjects got each risk level (every level is listed, zero included).")
        Map<RiskLevel, Integer> summary) {
}
