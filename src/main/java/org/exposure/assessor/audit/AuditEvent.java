package org.exposure.assessor.audit;

import java.time.Instant;

/**
 * One stored event, as it is hashed and exported.
 *
 * @param beforeJson canonical JSON of the state before, or null
 * @param afterJson  canonical JSON of the state after, or null
 * @param prevHash   the previous event's hash ({@link AuditHash#GENESIS} for the first event)
 * @param hash       SHA-256 (lower-case hex) of {@link AuditHash#encode}
 */
public record AuditEvent(long seq, Instant recordedAt, String actor, String action, String targetType, String targetId,
                         String beforeJson, String afterJson, String prevHash, String hash) {
}
