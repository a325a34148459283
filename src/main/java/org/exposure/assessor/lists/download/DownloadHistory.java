package org.exposure.assessor.lists.download;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.audit.AuditEvent;
import org.exposure.assessor.audit.AuditLog;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The last download of each list and its outcome, for the people who look after the lists. The audit trail is the
 * shared, lasting record (a new version downloaded, a failed download, by any instance and across restarts); it
 * does not record a download that changed nothing (HTTP 304, or the same content again), which this instance
 * remembers since it started. The newer of the two is the last download.
 */
@ApplicationScoped
public class DownloadHistory {
    private static final Logger LOG = Logger.getLogger(DownloadHistory.class);
    /** Import and failure events read back: far more than the sources times the imports between two downloads. */
    static final int SCAN = 2000;

    private final AuditLog audit;
    private final ListDownloads downloads;
    private final ObjectMapper mapper;

    DownloadHistory(AuditLog audit, ListDownloads downloads, ObjectMapper mapper) {
        this.audit = audit;
        this.downloads = downloads;
        this.mapper = mapper;
    }

    /** The last download of each source that has one, by source. */
    public Map<String, DownloadAttempt> last() {
        Map<String, DownloadAttempt> out = new HashMap<>();
        for (AuditEvent e : audit.latest(List.of("LIST_IMPORTED", "LIST_DOWNLOAD_FAILED"), SCAN)) {
            DownloadAttempt a = attempt(e);
            if (a != null) {
                out.putIfAbsent(a.source(), a);
            }
        }
        downloads.attemptsHere().forEach((source, here) -> out.merge(source, here,
                (recorded, mine) -> mine.at().isBefore(recorded.at()) ? recorded : mine));
        return out;
    }

    /** The download an event records, or null when it records another way in (an upload, the start-up directory). */
    private DownloadAttempt attempt(AuditEvent e) {
        JsonNode after;
        try {
            after = e.afterJson() == null ? null : mapper.readTree(e.afterJson());
        } catch (JsonProcessingException ex) {
            LOG.debugf("audit event %d: unreadable after state: %s", e.seq(), ex.getMessage());
            return null;
        }
        if (after == null || !after.hasNonNull("source")) {
            return null;
        }
        String source = after.get("source").asText();
        if (e.action().equals("LIST_DOWNLOAD_FAILED")) {
            return new DownloadAttempt(source, e.recordedAt(), e.actor(), false, after.path("error").asText("failed"));
        }
        if (!"download".equals(after.path("via").asText())) {
            return null;
        }
        String message = "new version " + after.path("versionId").asText() + ", " + after.path("entryCount").asText()
                + " entries" + (after.path("earlierContent").asBoolean() ? " (content imported before, put back)" : "")
                + ("HELD".equals(after.path("status").asText()) ? ", held for confirmation" : "");
        return new DownloadAttempt(source, e.recordedAt(), e.actor(), true, message);
    }
}
