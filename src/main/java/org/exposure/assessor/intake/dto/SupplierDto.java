package org.exposure.assessor.intake.dto;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.HsChapter;
import org.exposure.assessor.intake.validation.PlausibleDate;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "Supplier", description = "A company that sells or ships goods; each export is also assessed as goods.")
public record SupplierDto(
        @Schema(description = "Always SUPPLIER.", required = true, enumeration = "SUPPLIER")
        @NotNull @Pattern(regexp = "SUPPLIER") String type,
        @Schema(description = "The client's own key for this subject.", examples = "VENDOR-00042")
        @Size(max = 200) String ref,
        @Schema(description = "Company name.", required = true, examples = "Harbin Xinda Trading Co., Ltd.")
        @NotBlank @Size(max = 500) @VisibleName String name,
        @Schema(description = "Other names, transliterations, former names.")
        @Size(max = 50) List<@NotBlank @Size(max = 500) @VisibleName String> aliases,
        @Schema(description = "ISO 3166-1 alpha-2 country code of incorporation.", examples = "HK")
        @CountryCode String country,
        @Schema(description = "Region, free text.", examples = "Heilongjiang")
        @Size(max = 200) String region,
        @Schema(description = "Date of incorporation (ISO 8601).", examples = "2023-03-15")
        @PlausibleDate LocalDate incorporatedOn,
        @Schema(description = "The company's website, if any.", examples = "https://example.com")
        @Size(max = 500) String website,
        @Schema(description = "Whether the registered address is a residential one.")
        Boolean residentialAddress,
        @Schema(description = "Declared line of business as two-digit HS chapters.", examples = "[\"85\"]")
        @Size(max = 97) List<@NotNull @HsChapter String> lineOfBusiness,
        @Schema(description = "Direct owners, with nested owners for chains.")
        @Size(max = 100) List<@NotNull @Valid OwnerDto> owners,
        @Schema(description = "Exports of the supplier.")
        @Size(max = 1000) List<@NotNull @Valid ExportDto> exports) implements SubjectDto {
}
