package org.exposure.assessor.intake.dto;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.exposure.assessor.domain.Sector;
import org.exposure.assessor.intake.validation.CountryCode;
import org.exposure.assessor.intake.validation.VisibleName;

import jakarta.validation.constraints.Size;

@Schema(name = "Party", description = "A named party: the end user of goods, or the counterparty of a payment.")
public record PartyDto(
        @Schema(description = "Name as written in the documents.", examples = "Kazan Instrument Plant JSC")
        @Size(max = 500) @VisibleName String name,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", examples = "RU")
        @CountryCode String country,
        @Schema(description = "Region, province or oblast, free text.", examples = "Tatarstan")
        @Size(max = 200) String region,
        @Schema(description = "The submitter states that this party is blocked (sanctioned). Until list matching exists this is the only source of that fact.")
        Boolean sanctioned,
        @Schema(description = "Sector of the Russian economy the party operates in, when known. Before 12 Jun 2024 only "
                + "blocked persons in the technology, defense and related materiel, construction, aerospace or "
                + "manufacturing sectors counted as Russia's military-industrial base (FFI-MIB-COUNTERPARTY).")
        Sector sector,
        @Schema(description = "City of the party's address, as written; raises a list match a little when the list names the same city.", examples = "Kazan")
        @Size(max = 200) String city,
        @Schema(description = "Identifiers of the party (e.g. an INN, OGRN, USCC or LEI): list entries holding one are "
                + "found whatever their names.")
        @Size(max = 20) List<IdentifierDto> identifiers) {

    /** A party given by no identifier. */
    public PartyDto(String name, String country, String region, Boolean sanctioned, Sector sector, String city) {
        this(name, country, region, sanctioned, sector, city, null);
    }
}
