package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DownloadScheduleTest {
    @Test
    void aSourceWithNothingInForceOrOlderThanItsIntervalIsFetchedAtOnceTheOthersWhenDue() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        Duration day = Duration.ofDays(1);
        assertThat(ListDownloads.firstRunIn(day, null, now)).isZero();
        assertThat(ListDownloads.firstRunIn(day, now.minus(Duration.ofHours(30)), now)).isZero();
        assertThat(ListDownloads.firstRunIn(day, now.minus(day), now)).isZero();
        assertThat(ListDownloads.firstRunIn(day, now.minus(Duration.ofHours(6)), now)).isEqualTo(Duration.ofHours(18));
    }

    @Test
    void waitsForTheFirstDelayOfEachSource() throws InterruptedException {
        Map<String, Long> firstAt = new ConcurrentHashMap<>();
        CountDownLatch both = new CountDownLatch(2);
        long start = System.nanoTime();
        DownloadSchedule schedule = new DownloadSchedule(Map.of("UN", Duration.ofHours(1), "US-CSL", Duration.ofHours(1)),
                Map.of("UN", Duration.ZERO, "US-CSL", Duration.ofMillis(400)), source -> {
                    firstAt.putIfAbsent(source, (System.nanoTime() - start) / 1_000_000);
                    both.countDown();
                });
        schedule.start();
        try {
            assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            schedule.close();
        }
        assertThat(firstAt.get("UN")).isLessThan(400);
        assertThat(firstAt.get("US-CSL")).isGreaterThanOrEqualTo(400);
    }

    @Test
    void runsRightAwayThenEachIntervalAndGoesOnAfterAFailure() throws InterruptedException {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch fourRuns = new CountDownLatch(4);
        DownloadSchedule schedule = new DownloadSchedule(Map.of("UN", Duration.ofMillis(50)), Map.of(), source -> {
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
        DownloadSchedule schedule = new DownloadSchedule(Map.of(), Map.of(), source -> {
            throw new AssertionError("not scheduled");
        });
        schedule.start();
        schedule.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("list-download"));
    }
}
