package org.exposure.assessor.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the batches, lists and rules pages write times, ages and counts: in UTC, as the API and the audit trail give
 * them, so that what a page says can be matched with a log line or an exported result without converting.
 */
final class PageText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private PageText() {
    }

    /** "2026-12-02 12:45 UTC", or a dash when there is no time. */
    static String time(Instant t) {
        return t == null ? "—" : MINUTE.format(t);
    }

    static String day(Instant t) {
        return t == null ? "—" : DAY.format(t);
    }

    /** Whole days from {@code t} to {@code now}; null without a time. */
    static Long ageDays(Instant t, Instant now) {
        return t == null ? null : Math.max(0, Duration.between(t, now).toDays());
    }

    /** 12,345 */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "1 h 02 min", "3 min 05 s", "12 s": how long something will take or took. */
    static String duration(Long seconds) {
        if (seconds == null) {
            return "—";
        }
        long s = Math.max(0, seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return s + " s";
    }
}
