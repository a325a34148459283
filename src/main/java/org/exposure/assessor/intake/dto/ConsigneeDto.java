package org.exposure.assessor.intake.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.ConsigneeKind;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.constraints.Size;

@Schema(name = "Consignee", description = "Who receives an export.")
public record ConsigneeDto(
        @Schema(description = "Consignee's name.", examples = "Astana Trade Logistics LLP")
        @Size(max = 500) @VisibleName String name,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "KZ")
        @CountryCode String country,
        @Schema(description = "Region, free text.", examples = "Khabarovsk Krai")
        @Size(max = 200) String region,
        @Schema(description = "What the consignee does. Trading companies, freight forwarders and logistics companies are intermediaries: the end user is then unknown.")
        ConsigneeKind kind,
        @Schema(description = "The submitter states that the consignee is a blocked party.")
        Boolean sanctioned,
        @Schema(description = "City of the consignee's address, as written; raises a list match a little when the list names the same city.", examples = "Almaty")
        @Size(max = 200) String city,
        @Schema(description = "Identifiers of the consignee (e.g. an INN, OGRN, USCC or LEI): list entries holding one are "
                + "found whatever their names.")
        @Size(max = 20) List<IdentifierDto> identifiers) {

    /** A consignee given by no identifier. */
    public ConsigneeDto(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned, String city) {
        this(name, country, region, kind, sanctioned, city, null);
    }
}
