package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.exposure.assessor.lists.Fixtures;
import org.exposure.assessor.lists.ListFixtures;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.exposure.assessor.screening.ScreeningIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A scheduled run happens on the schedule's own thread, outside any request: it must still read and store lists
 * (the same profile as the API test of downloads, so the service is not started twice).
 */
@QuarkusTest
@TestProfile(LocalListsProfile.class)
class ScheduledDownloadTest {
    @Inject
    ListDownloads downloads;
    @Inject
    ListStore store;
    @Inject
    ScreeningIndex index;

    // From no list in force, so that the run's version is the only one; the start-up lists come back afterwards.
    @BeforeEach
    void noListInForce() {
        ListFixtures.removeAll();
    }

    @AfterEach
    void startupListsAndNoAnswers() {
        ListFixtures.restore();
        LocalListsProfile.server().reset();
    }

    @Test
    void aRunOnAThreadOfItsOwnImportsTheList() throws Exception {
        byte[] rows = Fixtures.sdnRows(5, (400_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"SCHEDULE TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ");
        LocalListsProfile.server().answer("/ofac/sdn.csv", Answer.file(rows))
                .answer("/ofac/alt.csv", Answer.file(Fixtures.bytes(Fixtures.ALT)))
                .answer("/ofac/add.csv", Answer.file(Fixtures.bytes(Fixtures.ADD)));

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread run = new Thread(() -> downloads.scheduled("OFAC-SDN"), "list-download-test");
        run.setUncaughtExceptionHandler((t, e) -> failure.set(e));
        run.start();
        run.join(60_000);
        assertThat(failure.get()).isNull();
        assertThat(store.inForce()).singleElement().satisfies(v -> {
            assertThat(v.source).isEqualTo("OFAC-SDN");
            assertThat(v.entryCount).isEqualTo(6);
        });
        assertThat(index.versions()).hasSize(1);
    }
}
