package org.exposure.assessor.match;

import java.util.Locale;

/** The entity types the matcher compares: INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT, UNKNOWN. */
final class EntityTypes {
    static final String UNKNOWN = "UNKNOWN";

    private EntityTypes() {
    }

    /** Upper-cased known type, or UNKNOWN for null, blank or anything else (PERSON counts as INDIVIDUAL). */
    static String canonical(String type) {
        if (type == null || type.isBlank()) {
            return UNKNOWN;
        }
        String t = type.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "INDIVIDUAL", "PERSON" -> "INDIVIDUAL";
            case "ENTITY", "COMPANY", "ORGANIZATION", "ORGANISATION", "LEGALENTITY" -> "ENTITY";
            case "VESSEL" -> "VESSEL";
            case "AIRCRAFT" -> "AIRCRAFT";
            default -> UNKNOWN;
        };
    }
}
