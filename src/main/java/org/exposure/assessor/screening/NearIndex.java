package org.exposure.assessor.screening;

import java.util.List;
import java.util.Set;

import org.exposure.assessor.match.Match;
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
        if (entries == 0 || name == null || name.isBlank()) {
            return null;
        }
        List<Match> m = index.search(new MatchQuery(name, type, countries), index.threshold(), 1).matches();
        return m.isEmpty() ? null : m.get(0);
    }
}
