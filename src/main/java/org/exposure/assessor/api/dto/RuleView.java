package org.exposure.assessor.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Severity;

@Schema(name = "Rule", description = "A rule of the loaded ruleset.")
public record RuleView(
        @Schema(description = "Rule id.", examples = "GOODS-CHPL-T1") String id,
        @Schema(description = "The rule's name in its DRL file.") String name,
        @Schema(description = "Title.") String title,
        @Schema(description = "Base severity; some rules escalate it from the facts, as their explanation says.") Severity severity,
        @Schema(description = "Legal basis.") String legalBasis,
        @Schema(description = "What would clear a finding of this rule.") String remediation,
        @Schema(description = "The DRL file the rule lives in, relative to the ruleset's root.", examples = "rules/goods/goods.drl") String file,
        @Schema(description = "Line of the rule in that file.") int line,
        @Schema(description = "The DRL source of the rule.") String source) {
}
