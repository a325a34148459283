package org.exposure.assessor.batch;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.DatabaseProbe;
import org.exposure.assessor.screening.ListCoverage;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The background side of batch jobs: worker threads that take chunks from the database until none is left, and a
 * housekeeping task that logs each running job's progress, finishes jobs whose last chunk was committed by an
 * instance that then stopped, and fails uploads abandoned by a dead instance. Nothing here is held only in memory:
 * every instance on the same database shares the same jobs.
 */
@ApplicationScoped
public class BatchWorkers {
    private static final Logger LOG = Logger.getLogger(BatchWorkers.class);

    private final ChunkProcessor processor;
    private final BatchStore store;
    private final BatchReports reports;
    private final AssessorConfig config;
    private final String instance;
    private final List<Thread> threads = new ArrayList<>();
    private final Map<UUID, Long> lastLogged = new ConcurrentHashMap<>();
    private ScheduledExecutorService housekeeping;
    private volatile boolean running;

    private final ListCoverage coverage;
    private volatile String lastBlocked;
    /** Whether the last housekeeping round failed because the database could not be reached. */
    private boolean housekeepingFailing;

    private final DatabaseProbe database;

    BatchWorkers(ChunkProcessor processor, BatchStore store, BatchReports reports, AssessorConfig config,
                 ListCoverage coverage, DatabaseProbe database) {
        this.database = database;
        this.coverage = coverage;
        this.processor = processor;
        this.store = store;
        this.reports = reports;
        this.config = config;
        this.instance = ManagementFactory.getRuntimeMXBean().getName();
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.jobs().enabled()) {
            LOG.info("Batch jobs are not worked on by this instance (assessor.jobs.enabled=false)");
            return;
        }
        running = true;
        for (int i = 0; i < config.jobs().workers(); i++) {
            String name = instance + "/worker-" + i;
            Thread t = new Thread(() -> work(name), "batch-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "batch-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(100, config.jobs().progressInterval().toMillis());
        housekeeping.scheduleWithFixedDelay(this::housekeep, every, every, TimeUnit.MILLISECONDS);
        LOG.infof("Batch jobs: %d workers on %s", threads.size(), instance);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        for (Thread t : threads) {
            try {
                // A chunk under way is finished or rolled back by its transaction; either is safe.
                t.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void work(String worker) {
        long idle = Math.max(10, config.jobs().pollInterval().toMillis());
        Backoff backoff = new Backoff(idle, Math.max(idle, config.jobs().retryMax().toMillis()));
        while (running) {
            try {
                // No chunk is taken while screening is required and no list is in force: the rows would all be
                // refused. The jobs wait, say why (GET /batches/{id}), and go on once a list arrives.
                Optional<String> blocked = coverage.blocked();
                if (blocked.isPresent()) {
                    if (!blocked.get().equals(lastBlocked) && store.hasPendingWork()) {
                        LOG.warnf("Batch jobs wait: %s", blocked.get());
                        lastBlocked = blocked.get();
                    }
                    recovered(worker, backoff);
                    Thread.sleep(idle);
                    continue;
                }
                lastBlocked = null;
                Optional<ChunkProcessor.Outcome> outcome = store.hasPendingWork() ? processor.processNext(worker) : Optional.empty();
                recovered(worker, backoff);
                if (outcome.isEmpty()) {
                    Thread.sleep(idle);
                    continue;
                }
                if (outcome.get().completed() && store.finishIfComplete(outcome.get().chunk().jobId())) {
                    reports.status(outcome.get().chunk().jobId()).ifPresent(s -> LOG.infof("Batch job %s done: %s", s.id(), summary(s)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // The chunk's transaction was rolled back (or never began): nothing of it was stored, it stays
                // PENDING, and it is taken again whole. Committed chunks are DONE and never claimed again, so a
                // commit whose answer was lost with the connection is not assessed twice either.
                if (!running) {
                    return;
                }
                long wait = backoff.next();
                if (database.unavailable(e)) {
                    // One line when the outage begins, not one per attempt: the workers wait it out.
                    if (backoff.failures() == 1) {
                        LOG.warnf("Batch worker %s: the database cannot be reached (%s); pausing, retrying every %d ms "
                                + "at most", worker, firstLine(e.getMessage()), backoff.max());
                    }
                } else {
                    LOG.errorf(e, "Batch worker %s: a chunk failed and will be retried in %d ms", worker, wait);
                }
                sleepQuietly(wait);
            }
        }
    }

    /** H2 puts its server's stack trace into some messages; the log line needs only the first line. */
    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }

    /** After failures, the first round that reached the database again: say so, and poll at the normal pace. */
    private static void recovered(String worker, Backoff backoff) {
        if (backoff.failures() > 0) {
            LOG.infof("Batch worker %s: working again after %d failed attempts", worker, backoff.failures());
            backoff.reset();
        }
    }

    /**
     * The wait after each consecutive failure: the poll interval, doubled each time up to {@code max}, so that a
     * database that is away for long is not hammered, and one that is back soon is found soon.
     */
    static final class Backoff {
        private final long first;
        private final long max;
        private int failures;

        Backoff(long first, long max) {
            this.first = first;
            this.max = max;
        }

        /** Counts a failure and returns how long to wait before the next attempt. */
        long next() {
            failures++;
            int doublings = Math.min(failures - 1, 30);
            return Math.min(max, first << doublings);
        }

        int failures() {
            return failures;
        }

        long max() {
            return max;
        }

        void reset() {
            failures = 0;
        }
    }

    private void housekeep() {
        try {
            store.finishCompletedJobs();
            int failed = store.failAbandonedUploads(Instant.now().minus(config.jobs().abandonedUpload()));
            if (failed > 0) {
                LOG.warnf("Batch jobs: %d abandoned uploads marked FAILED", failed);
            }
            for (JobStatus s : reports.active()) {
                Long previous = lastLogged.put(s.id(), s.done());
                if (previous == null || previous != s.done()) {
                    LOG.infof("Batch job %s %s: %s", s.id(), s.state(), summary(s));
                }
            }
        } catch (RuntimeException e) {
            // Tried again at the next interval; while the database is away, said once rather than at every interval.
            boolean away = database.unavailable(e);
            if (!away || !housekeepingFailing) {
                LOG.warnf("Batch housekeeping failed: %s", e.getMessage());
            }
            housekeepingFailing = away;
            return;
        }
        housekeepingFailing = false;
    }

    static String summary(JobStatus s) {
        Progress p = Progress.of(s, Instant.now());
        StringBuilder out = new StringBuilder();
        out.append(String.format("%,d of %,d rows (%d%%), %,d assessed, %,d rejected", s.done(), s.rowsRead(),
                s.rowsRead() == 0 ? 100 : s.done() * 100 / s.rowsRead(), s.assessed(), s.rejected()));
        if (p.rowsPerSecond() != null) {
            out.append(String.format(", %,.0f rows/s", p.rowsPerSecond()));
        }
        if (p.secondsLeft() != null && !s.state().finished()) {
            out.append(String.format(", about %d s left", p.secondsLeft()));
        }
        return out.toString();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
