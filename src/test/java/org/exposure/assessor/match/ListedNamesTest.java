package org.exposure.assessor.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every listed name, screened as it is written, finds an entry under that very name, with all the list snapshots
 * of the shared data snapshots in one index as the service holds them. The candidate index scores only
 * {@link Matching#CANDIDATE_CAP} names per query; this is the test that its ranking never leaves the exact
 * name out (it did for "BAHMAN GROUP" and "SYRIA INTERNATIONAL ISLAMIC BANK" when a name's credit was the sum of
 * every spelling that reached it). Maven profile {@code snapshots}.
 */
@Tag(Snapshots.TAG)
class ListedNamesTest {

    private static final int LIMIT = 10;
    private static List<MatchCandidate> all;
    private static NameIndex index;

    @BeforeAll
    static void data() throws IOException {
        all = new ArrayList<>();
        for (SharedData.Imported i : SharedData.allImported()) {
            all.addAll(i.candidates());
        }
        index = Matching.index(all);
    }

    @Test
    void everyFourthEntrysNamesFindThemselves() {
        NameNormalizer normalizer = new NameNormalizer();
        List<String> missed = new ArrayList<>();
        int queries = 0;
        for (int i = 0; i < all.size(); i += 4) {
            MatchCandidate c = all.get(i);
            List<String> names = new ArrayList<>(c.aliases());
            names.add(0, c.primaryName());
            for (String name : names) {
                NormalizedName q = normalizer.normalize(name);
                if (q.isEmpty()) {
                    continue; // a name of legal-form words only ("LLC"): nothing to screen
                }
                queries++;
                MatchQuery query = MatchQuery.of(name);
                NameIndex.Result r = index.search(query, Matching.THRESHOLD, LIMIT);
                List<Match> found = r.matches();
                double own = index.compare(query, c).score();
                boolean ok = found.stream().anyMatch(m -> m.listId().equals(c.listId()) && m.entryId().equals(c.entryId()))
                        // crowded out by entries at least as good: the same name on more entries than are scored
                        || r.namesScored() == Matching.CANDIDATE_CAP && !found.isEmpty()
                        && found.get(found.size() - 1).score() >= own;
                if (!ok) {
                    missed.add(c.listId() + " " + c.entryId() + ": " + name + " (" + own + ") -> "
                            + found.stream().map(m -> m.matchedName() + " " + m.score()).toList());
                }
            }
        }
        assertThat(queries).isGreaterThan(15_000);
        assertThat(missed).as("of %d names", queries).isEmpty();
    }
}
