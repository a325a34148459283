package org.exposure.assessor.intake.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.HsCode;
import org.exposure.assessor.intake.validation.PlausibleDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

@Schema(name = "Payment", description = "A payment the bank facilitated.")
public record PaymentDto(
        @Schema(description = "The other party of the payment.")
        @Valid PartyDto counterparty,
        @Schema(description = "HS codes of the goods paid for: six digits each (8542.31, 854231, 8542 31), or 8- or 10-digit national tariff codes (8542.31.00, 8542.31.0000) assessed under their first six digits (warning HS_CODE_SHORTENED); 7 or 9 digits are refused; HS 2017 codes that HS 2022 renumbered or split are assessed as their HS 2022 code(s) (warning HS_CODE_CORRELATED).", examples = "[\"8542.31\"]")
        @Size(max = 100) List<@NotNull @HsCode String> hsCodes,
        @Schema(description = "ISO 3166-1 alpha-2 code of the goods' destination.", examples = "RU")
        @CountryCode String destinationCountry,
        @Schema(description = "Amount in US dollars, zero or more.", examples = "48000")
        @PositiveOrZero BigDecimal amountUsd,
        @Schema(description = "Value date (ISO 8601).", examples = "2024-06-14")
        @PlausibleDate LocalDate date) {
}
