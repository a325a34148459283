package org.exposure.assessor.intake.dto;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Exposure;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "Bank", description = "A foreign financial institution.")
public record BankDto(
        @Schema(description = "Always BANK.", required = true, enumeration = "BANK")
        @NotNull @Pattern(regexp = "BANK") String type,
        @Schema(description = "The client's own key for this subject.", examples = "FFI-0007")
        @Size(max = 200) String ref,
        @Schema(description = "Bank name.", required = true, examples = "Heihe Rural Commercial Bank")
        @NotBlank @Size(max = 500) @VisibleName String name,
        @Schema(description = "Other names.")
        @Size(max = 50) List<@NotBlank @Size(max = 500) @VisibleName String> aliases,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "CN")
        @CountryCode String country,
        @Schema(description = "Region, free text.", examples = "Heilongjiang")
        @Size(max = 200) String region,
        @Schema(description = "How far the bank reaches into US/EU correspondent banking.")
        Exposure internationalExposure,
        @Schema(description = "Whether the bank holds US correspondent or payable-through accounts.")
        Boolean usCorrespondentAccess,
        @Schema(description = "Whether the bank is connected to Russia's financial messaging system SPFS.")
        Boolean connectedToSpfs,
        @Schema(description = "Share of its cross-border payment volume that is Russia-related, from 0 to 1.", examples = "0.18")
        @DecimalMin("0") @DecimalMax("1") BigDecimal russiaPaymentShare,
        @Schema(description = "Correspondent banks.")
        @Size(max = 1000) List<@NotNull @Valid CorrespondentDto> correspondents,
        @Schema(description = "Payments the bank facilitated.")
        @Size(max = 10000) List<@NotNull @Valid PaymentDto> payments) implements SubjectDto {
}
