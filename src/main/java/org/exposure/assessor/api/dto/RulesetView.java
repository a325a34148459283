package org.exposure.assessor.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Ruleset", description = "The loaded ruleset: its version, where it came from, and its rules.")
public record RulesetView(
        @Schema(description = "SHA-256 of every file of the ruleset.") String version,
        @Schema(description = "classpath:rules for the packaged rules, or the directory of assessor.rules.dir.") String origin,
        @Schema(description = "The rules, ordered by id.") List<RuleView> rules) {
}
