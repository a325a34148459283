package org.exposure.assessor.lists;

import java.util.List;

/**
 * What a list says of an entry besides its names and identifiers, for the matcher to weigh.
 *
 * @param birthDates    dates of birth as ISO 8601 dates or their prefixes ({@code 1952}, {@code 1952-10},
 *                      {@code 1952-10-07}); a range of years the list gives is every year of it
 * @param nationalities ISO 3166 alpha-2 codes of the nationalities and citizenships the list names
 * @param cities        cities of the entry's addresses and places of birth, as the list writes them
 */
public record EntryFacts(List<String> birthDates, List<String> nationalities, List<String> cities) {

    public static final EntryFacts NONE = new EntryFacts(List.of(), List.of(), List.of());

    public EntryFacts {
        birthDates = birthDates == null ? List.of() : List.copyOf(birthDates);
        nationalities = nationalities == null ? List.of() : List.copyOf(nationalities);
        cities = cities == null ? List.of() : List.copyOf(cities);
    }

    public boolean isEmpty() {
        return birthDates.isEmpty() && nationalities.isEmpty() && cities.isEmpty();
    }
}
