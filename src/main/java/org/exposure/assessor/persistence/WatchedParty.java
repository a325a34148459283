package org.exposure.assessor.persistence;

import java.util.Set;

/**
 * A party of a stored assessment as the screening saw it, kept so that a later list change can be compared with it:
 * the name (empty for a party given by identifiers alone), the entity type a list entry must have to match it (null:
 * any), the countries it is known in, and what else the screening weighed (identifiers, dates of birth,
 * nationalities, cities) as the screening layer writes it in JSON, null when nothing.
 */
public record WatchedParty(String name, String entityType, Set<String> countries, String factsJson) {

    public WatchedParty(String name, String entityType, Set<String> countries) {
        this(name, entityType, countries, null);
    }

    /** A list entry an assessment matched. */
    public record Entry(String source, String entryId) {
    }

    /** The countries as stored: sorted, comma-separated; null when none. */
    public String countriesColumn() {
        return countries == null || countries.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(countries));
    }

    /** The countries from their column. */
    public static Set<String> countries(String column) {
        return column == null || column.isEmpty() ? Set.of() : Set.of(column.split(","));
    }
}
