package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Severity;

/** The stored ruleset versions as GET /api/v1/rulesets and /api/v1/rulesets/{version} answer them. */
public final class RulesetVersionViews {
    private RulesetVersionViews() {
    }

    @Schema(name = "RulesetVersion", description = "A stored ruleset version.")
    public record Version(
            @Schema(description = "sha256: and the SHA-256 over every path and content of the ruleset.") String version,
            @Schema(description = "Where its files were read when it was registered: classpath:rules or a directory.") String origin,
            @Schema(description = "Who registered it: system for the ruleset in force at a start.") String registeredBy,
            Instant registeredAt,
            String comment,
            int fileCount,
            @Schema(description = "Whether this instance decides with this version now.") boolean inForce) {
    }

    @Schema(name = "RulesetVersions", description = "Every stored version, the newest first.")
    public record Versions(
            @Schema(description = "The version this instance decides with.") String inForce,
            List<Version> versions) {
    }

    @Schema(name = "RulesetFile", description = "A file of a ruleset version.")
    public record File(
            @Schema(description = "From the ruleset's root, e.g. goods/goods.drl.") String path,
            @Schema(description = "Bytes of its UTF-8 text.") long size,
            @Schema(description = "Hex SHA-256 of its bytes.") String sha256) {
    }

    @Schema(name = "RulesetRule", description = "A rule of a ruleset version as its DRL metadata says.")
    public record Rule(String id, String title, Severity severity, String file, int line) {
    }

    @Schema(name = "RulesetVersionDetail", description = "A stored version with its files and rules.")
    public record Detail(Version version, List<File> files,
                         @Schema(description = "Read from the DRL by the parser, ordered by id; not compiled.") List<Rule> rules) {
    }

    @Schema(name = "RulesetFileContent", description = "One file of a version with its content.")
    public record FileContent(String version, String path, long size, String sha256,
                              @Schema(description = "The file's text (UTF-8).") String content) {
    }

    @Schema(name = "RulesetChangedFile", description = "A file both versions hold with different content.")
    public record ChangedFile(String path,
                              @Schema(description = "Unified diff from the version of against to this one.") String diff) {
    }

    @Schema(name = "RulesetDiff", description = "What changed from the version given as against to this version.")
    public record Diff(String version, String against, List<String> added, List<String> removed,
                       List<ChangedFile> changed,
                       @Schema(description = "Rule ids this version has and against has not.") List<String> rulesAdded,
                       @Schema(description = "Rule ids against has and this version has not.") List<String> rulesRemoved) {
    }
}
