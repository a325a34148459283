package org.exposure.assessor.api.dto;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Severity;

@Schema(name = "FiredRule", description = "One firing of one rule, with the facts that made it fire.")
public record FiredRuleView(
        @Schema(description = "The rule's id in the catalogue; ids never change meaning.", examples = "GOODS-CHPL-T1")
        String ruleId,
        @Schema(description = "The rule's title.")
        String title,
        @Schema(description = "The severity this firing has (some rules escalate from their base severity).")
        Severity severity,
        @Schema(description = "The law or guidance the rule encodes.")
        String legalBasis,
        @Schema(description = "Why it fired, in plain words, with the subject's facts.")
        String explanation,
        @Schema(description = "What would clear or mitigate the finding.")
        String remediation,
        @Schema(description = "The facts the rule saw: path (\"subject\" or \"exports[i]\"), HS code, CHPL tier, destination, parties.")
        Map<String, Object> evidence) {
}
