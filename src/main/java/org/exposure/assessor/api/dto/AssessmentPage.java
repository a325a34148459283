package org.exposure.assessor.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AssessmentPage", description = "A page of stored assessments, newest first.")
public record AssessmentPage(
        @Schema(description = "The assessments of this page.")
        List<AssessmentView> items,
        @Schema(description = "Page number, from 0.")
        int page,
        @Schema(description = "Page size asked for.")
        int size,
        @Schema(description = "Assessments matching the filters, in all pages.")
        long totalItems,
        @Schema(description = "Number of pages.")
        int totalPages) {
}
