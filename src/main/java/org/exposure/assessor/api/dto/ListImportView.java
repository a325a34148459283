package org.exposure.assessor.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ListImport", description = "The outcome of an upload.")
public record ListImportView(
        @Schema(description = "The version now in force.") ListVersionView version,
        @Schema(description = "False when the same content had been imported before: no new version was made.") boolean created,
        @Schema(description = "Counts the importer kept (rows read, aliases, rows skipped by reason).") Map<String, Long> counts,
        @Schema(description = "Malformed rows that were skipped, with row number and reason (the first 1,000).") List<RowProblemView> skipped) {

    @Schema(name = "RowProblem")
    public record RowProblemView(long row, String reason) {
    }
}
