package org.exposure.assessor.intake.dto;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.BirthDate;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

@Schema(name = "Owner", description = "A direct owner of a company, with its own owners nested for ownership chains.")
public record OwnerDto(
        @Schema(description = "Owner's name.", required = true, examples = "Ivan Petrov")
        @NotBlank @Size(max = 500) @VisibleName String name,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RU")
        @CountryCode String country,
        @Schema(description = "Share of the owned company held directly, in percent (0 to 100).", required = true, examples = "50")
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal sharePercent,
        @Schema(description = "The submitter states that this owner is a blocked person.")
        Boolean sanctioned,
        @Schema(description = "This owner's own owners (for chains).")
        @Size(max = 100) List<@NotNull @Valid OwnerDto> owners,
        @Schema(description = "An owner who is a person: date of birth as far as known (YYYY, YYYY-MM or YYYY-MM-DD, "
                + "from 1900, not in the future). A list entry of the same name born years apart scores lower, one "
                + "born the same day higher.", examples = "1952-10-07")
        @BirthDate String birthDate,
        @Schema(description = "An owner who is a person: ISO 3166-1 alpha-2 code of a nationality.", examples = "RU")
        @CountryCode String nationality,
        @Schema(description = "City of the owner's address, as written; raises a list match a little when the list names the same city.", examples = "Moscow")
        @Size(max = 200) String city,
        @Schema(description = "Identifiers of the owner (e.g. an INN, OGRN, USCC or LEI): list entries holding one are "
                + "found whatever their names.")
        @Size(max = 20) List<IdentifierDto> identifiers) {

    /** An owner given by no identifier. */
    public OwnerDto(String name, String country, BigDecimal sharePercent, Boolean sanctioned, List<OwnerDto> owners,
                    String birthDate, String nationality, String city) {
        this(name, country, sharePercent, sanctioned, owners, birthDate, nationality, city, null);
    }
}
