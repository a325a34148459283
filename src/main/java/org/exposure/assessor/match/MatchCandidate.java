package org.exposure.assessor.match;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One list entry as the matcher sees it: ids, names and the few attributes that raise or lower a score.
 * Kept independent of the importers' entry classes so that the matcher can be fed from any of them.
 *
 * @param listId      the list (and version, if the caller wants it in every match), e.g. {@code OFAC-SDN}
 * @param entryId     the entry's id in that list, e.g. the SDN {@code ent_num}
 * @param primaryName the entry's main name
 * @param aliases     other names (a.k.a., f.k.a., spellings in other scripts); may be empty
 * @param type        {@code INDIVIDUAL}, {@code ENTITY}, {@code VESSEL}, {@code AIRCRAFT} or {@code UNKNOWN}
 * @param countries   ISO 3166 alpha-2 codes (upper case) the entry is tied to; may be empty
 * @param programs    sanctions programmes, carried into each match unchanged
 * @param attributes  identifiers, dates of birth, nationalities and cities the list gives for the entry
 */
public record MatchCandidate(String listId, String entryId, String primaryName, List<String> aliases,
                             String type, Set<String> countries, List<String> programs, MatchAttributes attributes) {

    public MatchCandidate {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(primaryName, "primaryName");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        type = EntityTypes.canonical(type);
        countries = countries == null ? Set.of() : Set.copyOf(countries);
        programs = programs == null ? List.of() : List.copyOf(programs);
        attributes = attributes == null ? MatchAttributes.NONE : attributes;
    }

    /** An entry with nothing known besides its names, type, countries and programmes. */
    public MatchCandidate(String listId, String entryId, String primaryName, List<String> aliases,
                          String type, Set<String> countries, List<String> programs) {
        this(listId, entryId, primaryName, aliases, type, countries, programs, MatchAttributes.NONE);
    }

    /** An entry with a name and nothing else (type UNKNOWN, no country, no programme). */
    public static MatchCandidate of(String listId, String entryId, String primaryName, String... aliases) {
        return new MatchCandidate(listId, entryId, primaryName, List.of(aliases), null, Set.of(), List.of());
    }
}
