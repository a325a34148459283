package org.exposure.assessor.api.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.dto.SubjectDto;

import com.fasterxml.jackson.databind.JsonNode;

/** Items are read one by one, so that every invalid item can be reported, not only the first. */
@Schema(name = "BatchRequest", description = "Subjects to assess together; all are validated before any is assessed.")
public record BatchRequest(
        @Schema(description = "The subjects, any kind each.", required = true, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                implementation = SubjectDto.class)
        List<JsonNode> subjects) {
}
