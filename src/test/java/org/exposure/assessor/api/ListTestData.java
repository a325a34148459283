package org.exposure.assessor.api;

import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ScreeningIndex;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Tests that import lists remove them afterwards: other tests' subjects must not be screened against them. */
final class ListTestData {
    private ListTestData() {
    }

    static void clear(ScreeningIndex index) {
        QuarkusTransaction.requiringNew().run(() -> {
            ListEntryEntity.deleteAll();
            ListVersionEntity.deleteAll();
        });
        index.reload();
    }
}
