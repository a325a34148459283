package org.exposure.assessor.webhooks;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.DatabaseFailures;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs this instance's senders: {@code assessor.webhooks.senders} threads, each running a {@link DeliveryWorker}
 * round every {@code assessor.webhooks.poll-interval}. All state is in the database, so a restart carries on where
 * the last round stopped, and other instances on the same database share the work.
 */
@ApplicationScoped
public class WebhookDispatcher {
    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** Added to the longest request when leasing a subscription, for the writes around it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final AssessorConfig.Webhooks config;
    private final MeterRegistry registry;
    private ScheduledExecutorService executor;
    /** Whether the last round failed because the database could not be reached. */
    private volatile boolean databaseAway;

    WebhookDispatcher(WebhookStore store, WebhookSender sender, AssessorConfig config, MeterRegistry registry) {
        this.registry = registry;
        this.store = store;
        this.sender = sender;
        this.config = config.webhooks();
    }

    /** A worker with this installation's schedule and lease: also what a test runs as a second instance. */
    public DeliveryWorker newWorker() {
        // The body is read within the same timeout again, after the headers.
        Duration lease = config.connectTimeout().plus(config.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        return new DeliveryWorker(store, sender, RetrySchedule.of(config), lease, registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Webhooks are not sent by this instance (assessor.webhooks.enabled=false)");
            return;
        }
        DeliveryWorker worker = newWorker();
        executor = Executors.newScheduledThreadPool(config.senders(), r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.pollInterval().toMillis());
        for (int i = 0; i < config.senders(); i++) {
            // Spread over the interval, so that the senders do not all poll at the same moment.
            executor.scheduleWithFixedDelay(() -> round(worker), every * i / config.senders() + every, every,
                    TimeUnit.MILLISECONDS);
        }
        LOG.infof("Webhooks: %d senders, polling every %s", config.senders(), config.pollInterval());
    }

    private void round(DeliveryWorker worker) {
        try {
            worker.runOnce();
            if (databaseAway) {
                databaseAway = false;
                LOG.info("Webhooks: the database is reachable again; sending resumes");
            }
        } catch (RuntimeException e) {
            // A failing database must not end the schedule: the next round tries again. While it is away, that is
            // said once, not with a stack trace every poll interval by every sender.
            if (!DatabaseFailures.unavailable(e)) {
                LOG.warnf(e, "Webhook round failed: %s", e.getMessage());
            } else if (!databaseAway) {
                databaseAway = true;
                LOG.warnf("Webhooks: the database cannot be reached (%s); trying again every %s", e.getMessage(),
                        config.pollInterval());
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
