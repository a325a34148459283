package org.exposure.assessor.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Warning", description = "Something noticed about the input that did not stop the assessment.")
public record WarningView(
        @Schema(description = "Machine-readable kind.", examples = "HS_CODE_UNKNOWN")
        String code,
        @Schema(description = "The field concerned, as a path.", examples = "exports[1].hsCode")
        String field,
        @Schema(description = "What was noticed.")
        String message) {
}
