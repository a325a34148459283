package org.exposure.assessor.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.exposure.assessor.lists.Snapshots;
import org.exposure.assessor.testsupport.Matching;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ceiling on false matches of well-known unlisted companies and banks (and names made of common words only)
 * against every list snapshot, at the default threshold. 41 of the 368 names matched before short tokens, shared
 * prefixes, common words and organisations' whole names were handled; 9 after; 4 once a country disagreement of two
 * organisations weighed more and a title stayed before common words, each listed in docs/matching.md. The set has
 * grown since to 414 (more Chinese and Central Asian banks); 1 once a name of one word paired only approximately
 * loses up to 0.15 (Avito / Avisto, Alstom / Alstone, Chery / Cherry). The target is at most 0.5 % of the set.
 * Maven profile {@code snapshots}.
 */
@Tag(Snapshots.TAG)
class NegativeNamesTest {

    static final int CEILING = 1;

    @Test
    void fewUnlistedCompaniesMatchAListedParty() throws IOException {
        List<NegativeNames.Name> names = NegativeNames.names();
        List<NegativeNames.Hit> hits = NegativeNames.hits(NegativeNames.index(), names, Matching.THRESHOLD);
        assertThat(names).hasSizeGreaterThanOrEqualTo(414);
        assertThat(hits).as("false matches").hasSizeLessThanOrEqualTo(CEILING);
        // A name of common words matches only a listed name that is the same as a whole: "Technology" is what
        // "GENERAL TECHNOLOGY LIMITED" becomes once the title "General" and the legal form are taken off.
        assertThat(hits).as("generic names").filteredOn(h -> h.name().kind().equals("GENERIC"))
                .allMatch(h -> h.match().features().get(0).detail().contains("symmetric 1.000"));
    }
}
