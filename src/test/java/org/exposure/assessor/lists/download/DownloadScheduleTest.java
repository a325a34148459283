package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DownloadScheduleTest {
    @Test
    void eachSourceTakesItsOwnIntervalElseTheGlobalOneElseNone() {
        List<String> sources = List.of("OFAC-SDN", "UN", "US-CSL");
        assertThat(DownloadSchedule.intervals(Duration.ofHours(6), Map.of("UN", Duration.ofHours(1)), sources))
                .containsExactly(Map.entry("OFAC-SDN", Duration.ofHours(6)), Map.entry("UN", Duration.ofHours(1)),
                        Map.entry("US-CSL", Duration.ofHours(6)));
        assertThat(DownloadSchedule.intervals(null, Map.of("UN", Duration.ofHours(1)), sources))
                .containsExactly(Map.entry("UN", Duration.ofHours(1)));
        assertThat(DownloadSchedule.intervals(null, Map.of(), sources)).isEmpty();
    }

    @Test
    void runsRightAwayThenEachIntervalAndGoesOnAfterAFailure() throws InterruptedException {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch fourRuns = new CountDownLatch(4);
        DownloadSchedule schedule = new DownloadSchedule(Map.of("UN", Duration.ofMillis(50)), source -> {
            int n = runs.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
            fourRuns.countDown();
            if (n == 2) {
                throw new IllegalStateException("a failing run");
            }
        });
        schedule.start();
        try {
            assertThat(fourRuns.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            schedule.close();
        }
        int after = runs.get("UN").get();
        Thread.sleep(200);
        assertThat(runs.get("UN").get()).isEqualTo(after);
        assertThat(runs).containsOnlyKeys("UN");
    }

    @Test
    void nothingScheduledStartsNoThread() {
        DownloadSchedule schedule = new DownloadSchedule(Map.of(), source -> {
            throw new AssertionError("not scheduled");
        });
        schedule.start();
        schedule.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("list-download"));
    }
}
