package org.exposure.assessor.intake.dto;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.DualUseCode;
import org.exposure.assessor.intake.validation.HsCode;
import org.exposure.assessor.intake.validation.PlausibleDate;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "Goods", description = "A goods category: an HS code moving from an origin to a destination, with its end user.")
public record GoodsDto(
        @Schema(description = "Always GOODS.", required = true, enumeration = "GOODS")
        @NotNull @Pattern(regexp = "GOODS") String type,
        @Schema(description = "The client's own key for this subject; returned unchanged and searchable.", examples = "PO-2024-0113")
        @Size(max = 200) String ref,
        @Schema(description = "A name for the goods, e.g. the product line.", examples = "STM32 microcontrollers")
        @Size(max = 500) @VisibleName String name,
        @Schema(description = "Other names of the goods.")
        @Size(max = 50) List<@NotBlank @Size(max = 500) @VisibleName String> aliases,
        @Schema(description = "ISO 3166-1 alpha-2 code of the country the goods are assessed in (e.g. where the exporter sits).", examples = "CN")
        @CountryCode String country,
        @Schema(description = "Region of that country, free text.", examples = "Heilongjiang")
        @Size(max = 200) String region,
        @Schema(description = "HS code, six digits: 8542.31, 854231 and 8542 31 are accepted and normalised to 854231. An 8- or 10-digit national tariff code (EU CN 8542.31.00, US HTS 8542.31.0000; also 85423100, 8542 31 00, 8542.31.00.00) is accepted, assessed under its first six digits and reported in warnings as HS_CODE_SHORTENED; 7 or 9 digits are refused. An HS 2017 code that HS 2022 renumbered or split (8548.90) is assessed as its HS 2022 code(s) and reported as HS_CODE_CORRELATED; any other code HS 2022 lacks as HS_CODE_UNKNOWN.", required = true, examples = "8542.31")
        @NotNull @HsCode String hsCode,
        @Schema(description = "Dual-use control entry (EU Annex I / Wassenaar form), e.g. 3A001 or 3A001.a.2.", examples = "3A001")
        @DualUseCode String dualUseCode,
        @Schema(description = "What the goods are, free text.")
        @Size(max = 2000) String description,
        @Schema(description = "ISO 3166-1 alpha-2 code of the country of origin.", examples = "TW")
        @CountryCode String originCountry,
        @Schema(description = "ISO 3166-1 alpha-2 code of the destination country.", examples = "KZ")
        @CountryCode String destinationCountry,
        @Schema(description = "Region of the destination, free text. Crimea, Sevastopol, the so-called people's republics and occupied cities (e.g. Mariupol) are restricted destinations; an oblast only partly occupied (Donetsk, Luhansk, Zaporizhzhia, Kherson) named alone asks for a check of the address.", examples = "Crimea")
        @Size(max = 200) String destinationRegion,
        @Schema(description = "The end user of the goods, if known.")
        @Valid PartyDto endUser,
        @Schema(description = "Whether the contract carries a \"no re-export to Russia\" clause (EU Reg. 833/2014 Art. 12g); omit when unknown.")
        Boolean noReexportClause,
        @Schema(description = "Date of the shipment or contract (ISO 8601). The rules apply the law in force on that date "
                + "(e.g. EU Reg. 833/2014 Art. 12g from 20 Mar 2024); without it, the law of the assessment's date.",
                examples = "2024-09-12")
        @PlausibleDate LocalDate date) implements SubjectDto {
}
