package org.exposure.assessor.intake.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Identifier", description = "An identifier of a party. BIC, IMO, INN, OGRN, USCC and LEI values must pass "
        + "their kind's check (check digits; a BIC's country); the other kinds are 4 to 40 letters and digits.")
public record IdentifierDto(
        @Schema(description = "BIC, IMO, INN, OGRN, USCC, LEI, REGISTRATION, PASSPORT, NATIONAL_ID, TAX_ID or OTHER.",
                required = true, examples = "INN")
        String kind,
        @Schema(description = "The identifier; spaces, dots, hyphens and slashes inside it are ignored.", required = true,
                examples = "7702070139")
        String value) {
}
