package org.exposure.assessor.intake.dto;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.DualUseCode;
import org.exposure.assessor.intake.validation.HsCode;
import org.exposure.assessor.intake.validation.PlausibleDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@Schema(name = "Export", description = "One export (shipment or contract) of a supplier; it is also assessed as goods.")
public record ExportDto(
        @Schema(description = "HS code, six digits (8542.31, 854231 or 8542 31), or an 8- or 10-digit national tariff code (8542.31.00, 8542.31.0000) assessed under its first six digits with the warning HS_CODE_SHORTENED; 7 or 9 digits are refused. HS 2017 codes that HS 2022 renumbered or split are assessed as their HS 2022 code(s) (warning HS_CODE_CORRELATED).", required = true, examples = "8482.10")
        @NotNull @HsCode String hsCode,
        @Schema(description = "Dual-use control entry, e.g. 3A001.", examples = "3A001")
        @DualUseCode String dualUseCode,
        @Schema(description = "ISO 3166-1 alpha-2 code of the destination country.", examples = "KZ")
        @CountryCode String destinationCountry,
        @Schema(description = "Region of the destination, free text.")
        @Size(max = 200) String destinationRegion,
        @Schema(description = "Who receives the goods.")
        @Valid ConsigneeDto consignee,
        @Schema(description = "The land border crossing the goods pass, by either side's name.", examples = "Suifenhe")
        @Size(max = 200) String borderCrossing,
        @Schema(description = "Value in US dollars, zero or more.", examples = "125000")
        @PositiveOrZero BigDecimal valueUsd,
        @Schema(description = "Whether an end-use / end-user statement was obtained.")
        Boolean endUseStatement,
        @Schema(description = "Whether the contract carries a \"no re-export to Russia\" clause.")
        Boolean noReexportClause,
        @Schema(description = "Date of the shipment or contract (ISO 8601). The rules apply the law in force on that date "
                + "(e.g. EU Reg. 833/2014 Art. 12g from 20 Mar 2024); without it, the law of the assessment's date.",
                examples = "2024-09-12")
        @PlausibleDate LocalDate date) {
}
