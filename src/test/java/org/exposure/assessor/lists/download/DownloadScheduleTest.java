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
                Map.of("UN", Duration.ZERO, "US-CSL", Duration.ofMillis(400)), Duration.ofHours(1), source -> {
                    firstAt.putIfAbsent(source, (System.nanoTime() - start) / 1_000_000);
                    both.countDown();
                    return true;
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
        DownloadSchedule schedule = new DownloadSchedule(Map.of("UN", Duration.ofMillis(50)), Map.of(),
                Duration.ofMillis(10), source -> {
                    int n = runs.computeIfAbsent(source, s -> new AtomicInteger()).incrementAndGet();
                    fourRuns.countDown();
                    if (n == 2) {
                        throw new IllegalStateException("a failing run");
                    }
                    return true;
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
    void aFailedRunIsTriedAgainAfterTheRetryDelayDoubledEachTimeNeverLaterThanTheInterval() {
        Duration minute = Duration.ofMinutes(1);
        Duration day = Duration.ofDays(1);
        assertThat(DownloadSchedule.retryDelay(minute, 1, day)).isEqualTo(minute);
        assertThat(DownloadSchedule.retryDelay(minute, 2, day)).isEqualTo(Duration.ofMinutes(2));
        assertThat(DownloadSchedule.retryDelay(minute, 5, day)).isEqualTo(Duration.ofMinutes(16));
        assertThat(DownloadSchedule.retryDelay(minute, 12, day)).isEqualTo(day);
        assertThat(DownloadSchedule.retryDelay(minute, 1_000, day)).isEqualTo(day);
        assertThat(DownloadSchedule.retryDelay(Duration.ofHours(2), 1, Duration.ofHours(1))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aFailingSourceIsRetriedLongBeforeItsIntervalAndThenKeepsItsInterval() throws InterruptedException {
        // Interval an hour, retry 20 ms: three failures then a success must all happen within seconds, and after
        // the success nothing more runs for the hour.
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch fourRuns = new CountDownLatch(4);
        DownloadSchedule schedule = new DownloadSchedule(Map.of("UN", Duration.ofHours(1)), Map.of(),
                Duration.ofMillis(20), source -> {
                    int n = runs.incrementAndGet();
                    fourRuns.countDown();
                    return n >= 4;
                });
        schedule.start();
        try {
            assertThat(fourRuns.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(300);
            assertThat(runs.get()).isEqualTo(4);
        } finally {
            schedule.close();
        }
    }

    @Test
    void nothingScheduledStartsNoThread() {
        DownloadSchedule schedule = new DownloadSchedule(Map.of(), Map.of(), Duration.ofMinutes(1), source -> {
            throw new AssertionError("not scheduled");
        });
        // The application of an earlier test in this JVM may run a schedule of its own: only new threads count.
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        schedule.start();
        schedule.close();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> !before.contains(t))
                .noneMatch(t -> t.getName().equals("list-download"));
    }
}
