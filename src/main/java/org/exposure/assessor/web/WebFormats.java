package org.exposure.assessor.web;

import java.time.Instant;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * How the pages write instants and the service's enum values: times in UTC to the minute (the service stores and
 * filters in UTC, so a reviewer in another zone reads the same time as the audit trail), and constants as words
 * ("FALSE_POSITIVE" reads "false positive").
 */
@TemplateExtension
public final class WebFormats {
    private WebFormats() {
    }

    /** {@code {instant.utc}}: "2026-12-02 14:05 UTC", or a dash for none. */
    static String utc(Instant instant) {
        return PageText.time(instant);
    }

    /** {@code {value.words}}: the constant's name in lower case words. */
    static String words(Enum<?> value) {
        return value == null ? "—" : spaced(value.name());
    }

    /** {@code {string.spaced}}: a constant given as a string (LIST_MATCH) in lower case words. */
    static String spaced(String constant) {
        return constant == null ? "—" : constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** A constant as the start of a sentence: FREIGHT_FORWARDER reads "Freight forwarder". */
    static String sentence(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String s = spaced(constant);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
