package org.exposure.assessor.intake.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.Bic;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.constraints.Size;

@Schema(name = "Correspondent", description = "A bank with which the assessed bank holds a correspondent relationship.")
public record CorrespondentDto(
        @Schema(description = "Bank name; may be left out when the bank is given by its BIC or identifiers.",
                examples = "VTB Bank PJSC")
        @Size(max = 500) @VisibleName String name,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RU")
        @CountryCode String country,
        @Schema(description = "BIC (SWIFT code), 8 or 11 characters.", examples = "VTBRRUMM")
        @Bic String bic,
        @Schema(description = "The submitter states that this bank is blocked.")
        Boolean sanctioned,
        @Schema(description = "Identifiers of the bank besides its BIC (e.g. its INN, OGRN or LEI): list entries holding "
                + "one are found whatever their names.")
        @Size(max = 20) List<IdentifierDto> identifiers,
        @Schema(description = "City of the bank's address, as written; raises a list match a little when the list names the same city.", examples = "Moscow")
        @Size(max = 200) String city) {

    /** A correspondent with no identifier besides its BIC and no city. */
    public CorrespondentDto(String name, String country, String bic, Boolean sanctioned) {
        this(name, country, bic, sanctioned, null, null);
    }
}
