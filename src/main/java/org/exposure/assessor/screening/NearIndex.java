package org.exposure.assessor.screening;

import java.util.List;
import java.util.Set;

import org.exposure.assessor.match.Match;
import org.exposure.assessor.match.MatchAttributes;
import org.exposure.assessor.match.MatchQuery;
import org.exposure.assessor.match.NameIndex;

/**
 * A few list entries, with the weights of the whole index in force: which names come close to them, scored as the
 * screening would score them. Safe for concurrent use, like the index it is made of.
 */
public final class NearIndex {
    private final NameIndex index;
    private final int entries;

    NearIndex(NameIndex index, int entries) {
        this.index = index;
        this.entries = entries;
    }

    /** How many entries it holds. */
    public int entries() {
        return entries;
    }

    /** The best entry the party comes close to (at or above the index's threshold), if any. */
    public Match closest(String name, String type, Set<String> countries) {
        return closest(name, type, countries, ScreeningIndex.Facts.NONE);
    }

    /**
     * As {@link #closest(String, String, Set)}, weighing the party's identifiers and facts as the screening does: an
     * entry added with the BIC of a party given by its BIC alone is close to it.
     */
    public Match closest(String name, String type, Set<String> countries, ScreeningIndex.Facts facts) {
        MatchAttributes known = facts == null ? MatchAttributes.NONE : facts.attributes();
        boolean named = name != null && !name.isBlank();
        if (entries == 0 || !named && known.identifiers().isEmpty()) {
            return null;
        }
        MatchQuery query = new MatchQuery(named ? name : "", type, countries, known);
        List<Match> m = index.search(query, index.threshold(), 1).matches();
        return m.isEmpty() ? null : m.get(0);
    }
}
