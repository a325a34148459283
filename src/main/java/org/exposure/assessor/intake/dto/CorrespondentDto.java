package org.exposure.assessor.intake.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.Bic;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "Correspondent", description = "A bank with which the assessed bank holds a correspondent relationship.")
public record CorrespondentDto(
        @Schema(description = "Bank name.", required = true, examples = "VTB Bank PJSC")
        @NotBlank @Size(max = 500) @VisibleName String name,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RU")
        @CountryCode String country,
        @Schema(description = "BIC (SWIFT code), 8 or 11 characters.", examples = "VTBRRUMM")
        @Bic String bic,
        @Schema(description = "The submitter states that this bank is blocked.")
        Boolean sanctioned,
        @Schema(description = "City of the bank's address, as written; raises a list match a little when the list names the same city.", examples = "Moscow")
        @Size(max = 200) String city) {
}
