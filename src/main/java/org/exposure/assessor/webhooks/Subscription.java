package org.exposure.assessor.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A webhook subscription as it is read back: everything but its secret, which is shown once, when it is made or
 * rotated ({@link CreatedSubscription}).
 */
@Schema(name = "WebhookSubscription")
public record Subscription(
        UUID id,
        @Schema(description = "Where the deliveries are POSTed (http or https).") String url,
        @Schema(description = "The event types delivered; empty: every type.") List<String> eventTypes,
        String description,
        @Schema(description = "ACTIVE, or PAUSED: nothing is sent; events that arrive meanwhile are sent after resuming.") String status,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        @Schema(description = "The seq of the last feed event taken into account (delivered, queued or not of a subscribed type).") long cursorSeq,
        @Schema(description = "Deliveries waiting to be sent or retried.") long pending,
        @Schema(description = "Deliveries given up on (PINGs not counted).") long failed) {

    /** The subscription just made or whose secret was just replaced, with that secret. */
    @Schema(name = "WebhookSubscriptionWithSecret")
    public record CreatedSubscription(
            @Schema(description = "The subscription.") Subscription subscription,
            @Schema(description = "The HMAC key of the X-Assessor-Signature header. Shown here only: keep it now.") String secret) {
    }
}
