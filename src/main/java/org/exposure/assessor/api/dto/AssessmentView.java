package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.dto.SubjectDto;

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
        @Schema(description = "The highest severity among all fired rules (for the subject and through its parts); CLEAR when none fired.")
        RiskLevel riskLevel,
        @Schema(description = "Rules that fired for the subject itself (evidence.path \"subject\"), in firing order.")
        List<FiredRuleView> firedRules,
        @Schema(description = "Rules that fired through one of the subject's exports, payments, correspondents or owners; evidence.path says which one, by index (\"exports[2]\", \"payments[0]\", \"owners\").")
        List<FiredRuleView> firedThrough,
        @Schema(description = "Warnings about the input, e.g. an HS code unknown to HS 2022.")
        List<WarningView> warnings,
        @Schema(description = "Version of the ruleset: a SHA-256 of the rules and their reference data.")
        String rulesetVersion,
        @Schema(description = "What the screening of the subject's names did: status SCREENED, NOT_SCREENED (no list was in force; only with assessor.lists.required=false, and the risk level is then at least MEDIUM) or NOTHING_TO_SCREEN (a GOODS subject naming no party); names screened; the sources used; missingSources (configured sources with no version in force) and staleSources (older than assessor.lists.max-age). Absent on assessments stored before it was recorded.")
        JsonNode screening,
        @Schema(description = "The sanctions-list versions the subject's parties were matched against, one per source: source, versionId, contentHash, publishedAt (where the file gives it), importedAt, age (ISO-8601, at the time of the assessment, from publication else import), ageDays, stale. Empty when no list was in force.")
        JsonNode listVersions,
        @Schema(description = "When the assessment was made (UTC).")
        Instant assessedAt,
        @Schema(description = "Every list match of the subject's parties, with its id within the assessment (what review decisions name), the entry's severity and content hash, and, when a reviewer's FALSE_POSITIVE on the same party name and entry is still in force, the dismissal that kept it from the rules (it then raised no risk level), or, when such a dismissal no longer applies (the entry changed, or it expired), why the match counts again. Absent on assessments stored before it was recorded.")
        JsonNode matches,
        @Schema(description = "Who submitted the subject (user or machine client); \"system\" for a re-assessment after a list change.")
        String submittedBy,
        @Schema(description = "The assessment this one replaces: set when a list change made the service assess the stored subject again (docs/monitoring.md). The replaced assessment is kept as it was.")
        UUID supersedes) {
}
