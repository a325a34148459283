package org.exposure.assessor.batch;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.screening.ScreeningIndex;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Runs made-up rows through a worker's decoding, screening and rules once after start-up, on one background thread.
 * A fresh JVM interprets that code at first and compiles it while it runs: the first job after a start used to take
 * about twice as long as the next. The rows are assessed as a claimed chunk's are, but outside any transaction, and
 * their assessments are dropped: nothing is stored, audited or counted. It begins once the ruleset is compiled and the
 * screening index holds a list (so that readiness is not delayed by it, and the matcher is warmed against real
 * entries), and stops at once when a real chunk is claimed: from then on the job warms the code itself, and the two
 * should not share the cores.
 */
@ApplicationScoped
public class BatchWarmUp {
    private static final Logger LOG = Logger.getLogger(BatchWarmUp.class);
    /** How long to wait for the first list before warming up anyway (the matcher then sees no entries). */
    private static final long LISTS_WAIT_MILLIS = 10 * 60_000L;

    private final ChunkProcessor processor;
    private final ScreeningIndex lists;
    private final ObjectMapper mapper;
    private final AssessorConfig config;
    private volatile boolean stopped;
    private Thread thread;

    BatchWarmUp(ChunkProcessor processor, ScreeningIndex lists, ObjectMapper mapper, AssessorConfig config) {
        this.processor = processor;
        this.lists = lists;
        this.mapper = mapper;
        this.config = config;
    }

    /** After the service's own start-up observer (the ruleset compiled, the first index begun): later priority. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 100) StartupEvent event) {
        int rows = config.jobs().warmUpRows();
        if (!config.jobs().enabled() || rows == 0) {
            return;
        }
        thread = new Thread(() -> {
            try {
                awaitLists();
                run(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                if (stopped) {
                    // The database closing under a row being read at shut-down: expected, not worth a stack trace.
                    LOG.infof("Batch warm-up stopped at shut-down");
                } else {
                    // Only a warm-up: the jobs work as they would without it.
                    LOG.warnf(e, "Batch warm-up stopped: %s", e.getMessage());
                }
            }
        }, "batch-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void awaitLists() throws InterruptedException {
        long until = System.currentTimeMillis() + LISTS_WAIT_MILLIS;
        while (!stopped && lists.snapshot().empty() && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
    }

    /**
     * Assesses up to {@code rows} made-up rows in chunks of the jobs' size, unless stopped or a real chunk is claimed
     * meanwhile. Returns the rows assessed.
     */
    int run(int rows) {
        long start = System.nanoTime();
        WarmUpRows generated = new WarmUpRows(mapper, 20_260_101L);
        int chunk = Math.max(1, Math.min(config.jobs().chunkSize(), 1_000));
        int done = 0;
        int assessed = 0;
        long claims = processor.claims();
        while (done < rows && !stopped && processor.claims() == claims) {
            int n = Math.min(chunk, rows - done);
            assessed += processor.warmUp(generated.chunk(n));
            done += n;
        }
        String why = done >= rows ? "" : stopped ? " (stopped at shut-down)" : " (stopped: a job's chunk was claimed)";
        LOG.infof("Batch warm-up: %d made-up rows assessed in %.1f s, nothing stored%s", assessed,
                (System.nanoTime() - start) / 1e9, why);
        return assessed;
    }
}
