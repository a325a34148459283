package org.exposure.assessor.match;

import java.util.List;
import java.util.Set;

/**
 * What is known of a party or a list entry besides its name, type and countries: each a feature of the matcher
 * that can raise or lower a name's score when both sides give it, and says so in the explanation.
 *
 * @param identifiers   identifiers by kind; may be empty
 * @param birthDates    dates of birth of a person as ISO 8601 dates or their prefixes ({@code 1952},
 *                      {@code 1952-10}, {@code 1952-10-07}); may be empty
 * @param nationalities ISO 3166 alpha-2 codes (upper case) of a person's nationalities; may be empty
 * @param cities        cities of the party's addresses (or a person's places of birth), as written; may be empty
 */
public record MatchAttributes(List<MatchIdentifier> identifiers, Set<String> birthDates, Set<String> nationalities,
                              Set<String> cities) {

    /** Nothing known besides the name. */
    public static final MatchAttributes NONE = new MatchAttributes(List.of(), Set.of(), Set.of(), Set.of());

    public MatchAttributes {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        birthDates = birthDates == null ? Set.of() : Set.copyOf(birthDates);
        nationalities = nationalities == null ? Set.of() : Set.copyOf(nationalities);
        cities = cities == null ? Set.of() : Set.copyOf(cities);
    }

    public boolean isEmpty() {
        return identifiers.isEmpty() && birthDates.isEmpty() && nationalities.isEmpty() && cities.isEmpty();
    }
}
