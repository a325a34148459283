package org.exposure.assessor.lists.download;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Runs the scheduled downloads: each source once its first delay has passed after {@link #start()}, then again each
 * interval after the previous run ended. One thread for all sources, so two big imports never compete for the machine; a run that
 * throws is logged and the schedule goes on.
 */
final class DownloadSchedule implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DownloadSchedule.class);

    private final Map<String, Duration> every;
    private final Map<String, Duration> firstIn;
    private final Consumer<String> run;
    private ScheduledExecutorService executor;

    /**
     * @param every   each source's interval
     * @param firstIn how long after {@link #start()} each source is first run (zero: at once)
     */
    DownloadSchedule(Map<String, Duration> every, Map<String, Duration> firstIn, Consumer<String> run) {
        this.every = Map.copyOf(every);
        this.firstIn = Map.copyOf(firstIn);
        this.run = run;
    }

    synchronized void start() {
        if (every.isEmpty() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "list-download");
            t.setDaemon(true);
            return t;
        });
        every.forEach((source, interval) -> {
            Duration first = firstIn.getOrDefault(source, Duration.ZERO);
            LOG.infof("List %s: downloaded %s and then every %s", source,
                    first.isZero() ? "now" : "in " + first.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), interval);
            executor.scheduleWithFixedDelay(() -> runOnce(source), first.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        });
    }

    private void runOnce(String source) {
        try {
            run.accept(source);
        } catch (RuntimeException e) {
            LOG.errorf(e, "List %s: scheduled download failed unexpectedly; the version in force stays", source);
        }
    }

    @Override
    public synchronized void close() {
        if (executor != null) {
            // Interrupts a download in progress (its request is cancelled); an import under way may finish.
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }
}
