package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.RiskLevel;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "Assessment", description = "A stored assessment, exactly as returned when it was made.")
public record AssessmentView(
        @Schema(description = "Assessment id.")
        UUID id,
        @Schema(description = "The client's key of the subject, if it gave one.")
        String ref,
        @Schema(description = "The subject as received, normalised (HS codes to six digits, country codes upper case).",
                implementation = SubjectDto.class)
        JsonNode subject,
        @Schema(description = "The highest severity among the fired rules; CLEAR when none fired.")
        RiskLevel riskLevel,
        @Schema(description = "Every rule that fired, in firing order.")
        List<FiredRuleView> firedRules,
        @Schema(description = "Warnings about the input, e.g. an HS code unknown to HS 2022.")
        List<WarningView> warnings,
        @Schema(description = "Version of the ruleset: a SHA-256 of the rules and their reference data.")
        String rulesetVersion,
        @Schema(description = "When the assessment was made (UTC).")
        Instant assessedAt) {
}
