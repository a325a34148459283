package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ScreeningIndex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @AfterEach
    void removeLists() {
        QuarkusTransaction.requiringNew().run(() -> {
            ListEntryEntity.deleteAll();
            ListVersionEntity.deleteAll();
        });
        index.reload();
        LocalListsProfile.server().reset();
    }

    @Test
    void aRunOnAThreadOfItsOwnImportsTheList() throws Exception {
        Path sdn = Path.of("../shared/data/ofac/sdn_2024-05-03.csv");
        Path alt = Path.of("../shared/data/ofac/alt_2025-12_watchman.csv");
        Path add = Path.of("../shared/data/ofac/add_2025-12_watchman.csv");
        Assumptions.assumeTrue(Files.isReadable(sdn) && Files.isReadable(alt) && Files.isReadable(add),
                "needs ../shared/data/ofac (the shared data snapshots)");
        String rows = String.join("\r\n", Files.readAllLines(sdn, StandardCharsets.ISO_8859_1).subList(0, 5)) + "\r\n"
                + (400_000_000L + System.nanoTime() % 99_999_999L)
                + ",\"SCHEDULE TEST ROW\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
        LocalListsProfile.server().answer("/ofac/sdn.csv", Answer.file(rows.getBytes(StandardCharsets.ISO_8859_1)))
                .answer("/ofac/alt.csv", Answer.file(Files.readAllBytes(alt)))
                .answer("/ofac/add.csv", Answer.file(Files.readAllBytes(add)));

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
