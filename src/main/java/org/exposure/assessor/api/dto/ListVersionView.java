package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ListVersion", description = "One imported version of a sanctions list.")
public record ListVersionView(
        @Schema(description = "Version id.") UUID id,
        @Schema(description = "List source id.", examples = "OFAC-SDN") String source,
        @Schema(description = "When the publisher generated the file, where the file says so.") Instant publishedAt,
        @Schema(description = "SHA-256 of the imported file.") String contentHash,
        @Schema(description = "Entries imported.") int entryCount,
        @Schema(description = "Malformed rows skipped.") int skippedRows,
        @Schema(description = "When it was imported.") Instant importedAt,
        @Schema(description = "Whether this is the version in force for its source.") boolean inForce,
        @Schema(description = "IN_FORCE; HELD: stored but not put in force until confirmed (POST /api/v1/lists/{source}/versions/{id}/confirm), because it drops more than assessor.lists.max-drop of the entries in force or is empty; REPLACED.",
                examples = "IN_FORCE") String status,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Why the version was held, if it was.") String heldReason,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When a held version was confirmed.") Instant confirmedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Who confirmed it.") String confirmedBy) {
}
