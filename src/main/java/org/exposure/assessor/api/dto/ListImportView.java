package org.exposure.assessor.api.dto;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ListImport", description = "The outcome of an upload or a download.")
public record ListImportView(
        @Schema(description = "The version the import gave: in force, or held for confirmation (status HELD, answered with 202).") ListVersionView version,
        @Schema(description = "False when the same content had been imported before: no new version was made.") boolean created,
        @Schema(description = "Counts the importer kept (rows read, aliases, rows skipped by reason); empty when a download found the files unchanged.") Map<String, Long> counts,
        @Schema(description = "Malformed rows that were skipped, with row number and reason (the first 1,000).") List<RowProblemView> skipped,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a download: what each request brought. Absent for an upload.") DownloadView download) {

    public ListImportView(ListVersionView version, boolean created, Map<String, Long> counts, List<RowProblemView> skipped) {
        this(version, created, counts, skipped, null);
    }

    @Schema(name = "RowProblem")
    public record RowProblemView(long row, String reason) {
    }

    @Schema(name = "ListDownload")
    public record DownloadView(
            @Schema(description = "True when the server answered 304 Not Modified for every file: the version in force stays.") boolean notModified,
            @Schema(description = "One per file, in the source's order (OFAC-SDN: sdn, alt, add).") List<DownloadedFileView> files) {
    }

    @Schema(name = "ListDownloadFile")
    public record DownloadedFileView(
            @Schema(description = "Which file of the source.", examples = "sdn") String part,
            @Schema(description = "The URL, without credentials or query string.") String url,
            @Schema(description = "The HTTP status: 200, or 304 when unchanged.") int status,
            @Schema(description = "Bytes received.") long bytes,
            @Schema(description = "Milliseconds from the request to the last byte.") long millis) {
    }
}
