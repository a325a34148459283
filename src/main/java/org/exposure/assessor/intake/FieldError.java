package org.exposure.assessor.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One offending field of a request or a batch row, with what is wrong with it (a problem's {@code errors}). */
@Schema(name = "FieldError")
public record FieldError(
        @Schema(description = "Path of the field in the request body or the query parameter's name, e.g. subjects[3].hsCode.") String field,
        @Schema(description = "What is wrong with it.") String message) {
}
