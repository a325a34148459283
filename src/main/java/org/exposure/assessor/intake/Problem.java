package org.exposure.assessor.intake;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with the offending fields listed in {@code errors}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
public record Problem(
        @Schema(description = "A URI reference naming the kind of problem.", examples = "/problems/validation") String type,
        @Schema(description = "Short summary of the kind of problem.") String title,
        @Schema(description = "HTTP status.") int status,
        @Schema(description = "What went wrong in this occurrence.") String detail,
        @Schema(description = "The request path.") String instance,
        @Schema(description = "Each offending field with what is wrong with it.") List<FieldError> errors,
        @Schema(description = "For a 503 because no sanctions list is in force: the configured sources that have no version in force.")
        List<String> missingSources) {

    public static Problem of(ProblemType type, int status, String detail, String instance, List<FieldError> errors) {
        return new Problem(type.type(), type.title(), status, detail, instance, errors, List.of());
    }

    public static Problem of(ProblemType type, String detail, String instance, List<FieldError> errors) {
        return of(type, type.status(), detail, instance, errors);
    }
}
