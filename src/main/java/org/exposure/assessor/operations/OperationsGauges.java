package org.exposure.assessor.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.review.ReviewStatus;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.screening.ScreeningIndex;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gauges of docs/metrics.md. The lists' age and entries come from the screening index in memory, read at each
 * scrape. What needs the database (the batch queue, the review backlog) is read by a scheduled refresh every
 * {@code assessor.metrics.refresh-interval} and kept: a scrape runs no query, however often it comes, and a database
 * that is down leaves the last values in place (and {@code assessor_metrics_refreshed_seconds} stops moving) instead
 * of failing the scrape.
 */
@ApplicationScoped
public class OperationsGauges {
    private static final Logger LOG = Logger.getLogger(OperationsGauges.class);

    private final MeterRegistry registry;
    private final ScreeningIndex index;
    private final DataSource dataSource;
    private final Scheduler scheduler;
    private final AssessorConfig config;
    private final Set<String> sourcesRegistered = ConcurrentHashMap.newKeySet();

    private final AtomicLong queuedJobs = new AtomicLong();
    private final AtomicLong queuedRows = new AtomicLong();
    private final Map<ReviewStatus, AtomicLong> reviewItems = new ConcurrentHashMap<>();
    /** Epoch seconds of the last refresh that read the database; 0 before the first. */
    private final AtomicLong refreshedAt = new AtomicLong();
    private final Counter refreshFailures;

    OperationsGauges(MeterRegistry registry, ScreeningIndex index, DataSource dataSource, Scheduler scheduler,
                     AssessorConfig config) {
        this.registry = registry;
        this.index = index;
        this.dataSource = dataSource;
        this.scheduler = scheduler;
        this.config = config;
        Gauge.builder("assessor.batch.queue.jobs", queuedJobs, AtomicLong::get)
                .description("Batch jobs waiting or running (QUEUED, RUNNING)").register(registry);
        Gauge.builder("assessor.batch.queue.rows", queuedRows, AtomicLong::get)
                .description("Rows of QUEUED and RUNNING jobs not yet assessed").register(registry);
        for (ReviewStatus s : ReviewStatus.values()) {
            if (s == ReviewStatus.CLOSED) {
                continue;
            }
            AtomicLong value = new AtomicLong();
            reviewItems.put(s, value);
            Gauge.builder("assessor.review.items", value, AtomicLong::get)
                    .description("Review items not closed, by status: the review backlog")
                    .tag("status", s.name()).register(registry);
        }
        Gauge.builder("assessor.metrics.refreshed", refreshedAt, AtomicLong::get)
                .description("When the gauges read from the database were last refreshed (Unix time)")
                .baseUnit("seconds").register(registry);
        refreshFailures = Counter.builder("assessor.metrics.refresh.failures")
                .description("Refreshes of the database gauges that failed (the previous values stay)").register(registry);
        config.lists().sources().forEach(this::registerSource);
    }

    void onStart(@Observes StartupEvent event) {
        scheduler.newJob("assessor-metrics-refresh")
                .setInterval(config.metrics().refreshInterval().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> refresh())
                .schedule();
    }

    /** Per source: its version in force's age and entries, NaN while it has none (an alert can tell "absent"). */
    private void registerSource(String source) {
        if (!sourcesRegistered.add(source)) {
            return;
        }
        Gauge.builder("assessor.list.age", () -> version(source) == null ? Double.NaN
                        : ListCoverage.age(version(source), Instant.now()).toMillis() / 1000.0)
                .description("Age of the list version in force: since its publication, else its import")
                .baseUnit("seconds").tag("source", source).register(registry);
        Gauge.builder("assessor.list.entries", () -> version(source) == null ? Double.NaN : version(source).entryCount)
                .description("Entries of the list version in force").tag("source", source).register(registry);
    }

    private ListVersionEntity version(String source) {
        ScreeningIndex.Snapshot snapshot = index.snapshot();
        if (snapshot == null) {
            return null;
        }
        for (ListVersionEntity v : snapshot.versions()) {
            if (v.source.equals(source)) {
                return v;
            }
        }
        return null;
    }

    /** Reads the database gauges again; a failure keeps the previous values and is counted. */
    public void refresh() {
        ScreeningIndex.Snapshot snapshot = index.snapshot();
        if (snapshot != null) {
            // A source uploaded without being configured (OPENSANCTIONS) gets its gauges once it is in force.
            snapshot.versions().forEach(v -> registerSource(v.source));
        }
        try (Connection c = dataSource.getConnection()) {
            long jobs;
            long rows;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM batch_job WHERE state IN ('QUEUED', 'RUNNING')");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                jobs = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(k.row_count), 0) FROM batch_chunk k "
                    + "WHERE k.state = 'PENDING' AND k.job_id IN (SELECT id FROM batch_job WHERE state IN ('QUEUED', 'RUNNING'))");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
            Map<ReviewStatus, Long> review = new java.util.EnumMap<>(ReviewStatus.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM review_item WHERE status <> 'CLOSED' GROUP BY status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    review.put(ReviewStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            queuedJobs.set(jobs);
            queuedRows.set(rows);
            reviewItems.forEach((status, value) -> value.set(review.getOrDefault(status, 0L)));
            refreshedAt.set(Instant.now().getEpochSecond());
        } catch (SQLException | RuntimeException e) {
            refreshFailures.increment();
            LOG.debugf("The database gauges could not be refreshed (kept from %s): %s",
                    refreshedAt.get() == 0 ? "never" : Instant.ofEpochSecond(refreshedAt.get()), e.toString());
        }
    }
}
