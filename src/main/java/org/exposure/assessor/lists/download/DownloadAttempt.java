package org.exposure.assessor.lists.download;

import java.time.Instant;

/**
 * A download of a list and what came of it: {@code ok} with what it changed, or the reason it failed (the version
 * in force then stays).
 */
public record DownloadAttempt(String source, Instant at, String actor, boolean ok, String message) {
}
