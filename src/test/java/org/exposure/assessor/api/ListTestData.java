package org.exposure.assessor.api;

import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.screening.ScreeningIndex;

/** Tests that import lists put the fixtures back afterwards: other tests' subjects are screened against those. */
final class ListTestData {
    private ListTestData() {
    }

    static void clear(ScreeningIndex index) {
        ListFixtures.restore();
    }
}
