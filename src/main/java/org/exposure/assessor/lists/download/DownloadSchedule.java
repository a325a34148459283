package org.exposure.assessor.lists.download;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

/**
 * Runs the scheduled downloads: each source once its first delay has passed after {@link #start()}, then again each
 * interval after the previous run ended. A run that fails (or throws, which is logged) is tried again sooner: after
 * the retry delay, doubled after each further failure, never later than the interval; so a first start whose
 * downloads fail (a network not up yet) does not wait a whole day for its lists. One thread for all sources, so two
 * big imports never compete for the machine.
 */
final class DownloadSchedule implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DownloadSchedule.class);

    private final Map<String, Duration> every;
    private final Map<String, Duration> firstIn;
    private final Duration retry;
    private final Predicate<String> run;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param every   each source's interval
     * @param firstIn how long after {@link #start()} each source is first run (zero: at once)
     * @param retry   the delay before the first retry of a failed run
     * @param run     one run of a source; false when it failed
     */
    DownloadSchedule(Map<String, Duration> every, Map<String, Duration> firstIn, Duration retry, Predicate<String> run) {
        this.every = Map.copyOf(every);
        this.firstIn = Map.copyOf(firstIn);
        this.retry = retry;
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
                    first.isZero() ? "now" : "in " + first.truncatedTo(ChronoUnit.SECONDS), interval);
            schedule(source, first);
        });
    }

    private synchronized void schedule(String source, Duration delay) {
        if (executor != null) {
            executor.schedule(() -> runOnce(source), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce(String source) {
        boolean ok;
        try {
            ok = run.test(source);
        } catch (RuntimeException e) {
            LOG.errorf(e, "List %s: scheduled download failed unexpectedly; the version in force stays", source);
            ok = false;
        }
        Duration interval = every.get(source);
        if (ok) {
            failures.remove(source);
            schedule(source, interval);
            return;
        }
        Duration next = retryDelay(retry, failures.merge(source, 1, Integer::sum), interval);
        LOG.infof("List %s: trying again in %s", source, next.truncatedTo(ChronoUnit.SECONDS));
        schedule(source, next);
    }

    /** The wait after the {@code failures}-th failure in a row: the retry delay, doubled each time, at most the interval. */
    static Duration retryDelay(Duration retry, int failures, Duration interval) {
        Duration d = retry;
        for (int i = 1; i < failures && d.compareTo(interval) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(interval) > 0 ? interval : d;
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
