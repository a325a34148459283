package org.exposure.assessor.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One round of delivery work: new feed events become pending deliveries, then every due delivery is sent, one
 * claimed subscription at a time. Any number of workers, in one instance or several on the same database, may run
 * rounds at once: the claim in {@link WebhookStore} gives each subscription to one of them at a time.
 */
public class DeliveryWorker {
    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
    /** Fan-out transactions per round: enough to catch up thousands of events, not to starve the sending. */
    private static final int FAN_OUT_ROUNDS = 20;
    /** Deliveries sent per round, so that a round ends and the next one fans out what arrived meanwhile. */
    private static final int SENDS_PER_ROUND = 200;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final MeterRegistry registry;

    /**
     * @param lease how long a claim keeps other senders off a subscription: longer than a request can take, so that
     *              only a sender that died or hung loses it
     */
    public DeliveryWorker(WebhookStore store, WebhookSender sender, RetrySchedule schedule, Duration lease,
                          MeterRegistry registry) {
        this.registry = registry;
        this.store = store;
        this.sender = sender;
        this.schedule = schedule;
        this.lease = lease;
    }

    /** Fans out and sends what is due now; returns how many attempts were made. */
    public int runOnce() {
        // Each fan-out takes up to a page of events per subscription; more rounds while there is more.
        for (int round = 0; round < FAN_OUT_ROUNDS; round++) {
            if (store.fanOut(Instant.now()) == 0) {
                break;
            }
        }
        int sent = 0;
        while (sent < SENDS_PER_ROUND) {
            Optional<WebhookStore.Claim> claim = store.claim(Instant.now(), lease);
            if (claim.isEmpty()) {
                break;
            }
            attempt(claim.get());
            sent++;
        }
        return sent;
    }

    private void attempt(WebhookStore.Claim c) {
        WebhookSender.Outcome out = sender.send(c.url(), c.secret(), c.deliveryId(), c.eventId(), c.eventType(),
                c.payloadJson());
        int attempts = c.attempts() + 1;
        Instant next = out.delivered() ? null : schedule.next(attempts, c.cycleStartedAt(), out.at());
        store.recordAttempt(c, new WebhookStore.Attempt(out.at(), out.status(), out.error(), out.delivered(), next));
        // delivered, retry (this attempt failed, another follows) or failed (given up): an alert watches "failed".
        Counter.builder("assessor.webhook.attempts").description("Webhook delivery attempts, by how they ended")
                .tag("outcome", out.delivered() ? "delivered" : next == null ? "failed" : "retry")
                .register(registry).increment();
        if (!out.delivered()) {
            if (next == null) {
                LOG.warnf("Webhook delivery %s of event %d to subscription %s FAILED after %d attempts: %s",
                        c.deliveryId(), c.eventSeq(), c.subscriptionId(), attempts, out.error());
            } else {
                LOG.debugf("Webhook delivery %s attempt %d failed (%s); next at %s", c.deliveryId(), attempts,
                        out.error(), next);
            }
        }
    }
}
