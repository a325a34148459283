package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListVersion", description = "One imported version of a sanctions list.")
public record ListVersionView(
        @Schema(description = "Version id.") UUID id,
        @Schema(description = "List source id.", examples = "OFAC-SDN") String source,
        @Schema(description = "When the publisher generated the file, where the file says so.") Instant publishedAt,
        @Schema(description = "SHA-256 of the imported file.") String contentHash,
        @Schema(description = "Entries imported.") int entryCount,
        @Schema(description = "Malformed rows skipped.") int skippedRows,
        @Schema(description = "When it was imported.") Instant importedAt,
        @Schema(description = "Whether this is the version in force for its source.") boolean inForce) {
}
