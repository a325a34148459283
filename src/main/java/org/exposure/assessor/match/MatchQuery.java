package org.exposure.assessor.match;

import java.util.Objects;
import java.util.Set;

/**
 * A name to screen, with the optional attributes that raise or lower scores.
 *
 * @param name      the name as submitted, any script
 * @param type      INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT or null / UNKNOWN when not known
 * @param countries ISO 3166 alpha-2 codes the party is tied to; empty when not known
 * @param attributes identifiers, dates of birth, nationalities and cities, when the party gives them
 */
public record MatchQuery(String name, String type, Set<String> countries, MatchAttributes attributes) {

    public MatchQuery {
        Objects.requireNonNull(name, "name");
        type = EntityTypes.canonical(type);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        attributes = attributes == null ? MatchAttributes.NONE : attributes;
    }

    /** A query with a name, type and countries and nothing else known. */
    public MatchQuery(String name, String type, Set<String> countries) {
        this(name, type, countries, MatchAttributes.NONE);
    }

    public static MatchQuery of(String name) {
        return new MatchQuery(name, null, Set.of());
    }
}
