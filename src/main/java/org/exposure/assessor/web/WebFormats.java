package org.exposure.assessor.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How the pages write instants and the service's enum values: times in UTC to the minute (the service stores and
 * filters in UTC, so a reviewer in another zone reads the same time as the audit trail), and constants as words
 * ("FALSE_POSITIVE" reads "false positive").
 */
@TemplateExtension
public final class WebFormats {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private WebFormats() {
    }

    /** {@code {instant.utc}}: "2026-12-02 14:05 UTC", or a dash for none. */
    static String utc(Instant instant) {
        return instant == null ? "—" : MINUTES.format(instant) + " UTC";
    }

    /** {@code {value.words}}: the constant's name in lower case words. */
    static String words(Enum<?> value) {
        return value == null ? "—" : spaced(value.name());
    }

    /** {@code {string.spaced}}: a constant given as a string (LIST_MATCH) in lower case words. */
    static String spaced(String constant) {
        return constant == null ? "—" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
