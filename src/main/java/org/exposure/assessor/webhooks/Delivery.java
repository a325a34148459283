package org.exposure.assessor.webhooks;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent, or to be sent, to one subscription: an entry of its delivery log. */
@Schema(name = "WebhookDelivery")
public record Delivery(
        @Schema(description = "Sent as X-Assessor-Delivery-Id; the same on every attempt.") UUID id,
        UUID subscriptionId,
        @Schema(description = "The event's id (X-Assessor-Event-Id); the one to de-duplicate on.") UUID eventId,
        @Schema(description = "The event's seq in the changes feed; null for a PING.") Long eventSeq,
        String eventType,
        @Schema(description = "PENDING, DELIVERED or FAILED.") String status,
        @Schema(description = "Attempts since the delivery was made or last re-sent by hand.") int attempts,
        @Schema(description = "The receiver's HTTP status at the last attempt; null when it gave none.") Integer lastStatus,
        @Schema(description = "What went wrong at the last attempt: the status with the start of the body, a timeout, a refused connection.") String lastError,
        Instant createdAt,
        Instant lastAttemptAt,
        @Schema(description = "When it will be tried next (PENDING only).") Instant nextAttemptAt,
        Instant deliveredAt) {

    /** Waiting for its first attempt or its next one. */
    public static final String PENDING = "PENDING";
    /** A 2xx was received. */
    public static final String DELIVERED = "DELIVERED";
    /** Given up after the last attempt allowed; can be re-sent by hand. */
    public static final String FAILED = "FAILED";
    /** The type of a test delivery, which no feed event has. */
    public static final String PING = "PING";

    /** A page of the delivery log, newest first. */
    @Schema(name = "WebhookDeliveryPage")
    public record Page(java.util.List<Delivery> items, int page, int size, long total) {
    }
}
