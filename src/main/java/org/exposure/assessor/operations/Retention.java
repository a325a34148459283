package org.exposure.assessor.operations;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.config.AssessorConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The retention cleanup ({@code assessor.retention.}, docs/operations.md#retention). A batch job finished longer ago
 * than {@code batch-jobs} loses its bulky rows: the per-row results (one per input line) and the input of chunks
 * never assessed (a cancelled job's). Its header and its chunks' counters stay, so GET /api/v1/batches/{id} still
 * answers with its totals, and the list change sets and audit events that name the job still lead somewhere. Nothing
 * an assessment needs is touched: assessments do not point at their job (a result row points at its assessment),
 * and assessments, fired rules, review items, change events and the audit trail are never removed here.
 * <p>
 * Each job is cleaned in a transaction of its own that holds the {@code retention_lock} row (SKIP LOCKED): with
 * several instances on one database one cleans while the others skip, and each cleaning is one audit event in the
 * transaction of its deletes. Temporary files that an upload or a download left behind (a crash between writing and
 * deleting them) are removed from this host's temporary directory once older than {@code temp-files}.
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    /** The audit action of one job's cleaning. */
    public static final String ACTION = "BATCH_JOB_PURGED";
    /** Deleting a million result rows takes a while on a busy database. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 1800;
    /**
     * The names of the temporary files this service makes: batch upload bodies (batch/BatchResource) and list
     * downloads (lists/download/ListDownloader). Nothing else in the directory is touched.
     */
    static final List<String> TEMP_FILES = List.of("assessor-batch-*.body", "assessor-list-*.download");
    /**
     * Multipart list uploads are kept by Quarkus, under names of its own, in {@code quarkus.http.body.uploads-directory}
     * for the length of the request; every file there is one of them.
     */
    static final List<String> UPLOADED_PARTS = List.of("*");

    private final DataSource dataSource;
    private final AuditTrail audit;
    private final AssessorConfig.Retention config;
    private final Scheduler scheduler;
    private final Counter jobsPurged;
    private final Counter resultsDeleted;
    private final Counter tempFilesDeleted;

    Retention(DataSource dataSource, AuditTrail audit, AssessorConfig config, Scheduler scheduler, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.config = config.retention();
        this.scheduler = scheduler;
        this.jobsPurged = Counter.builder("assessor.retention.jobs").description("Batch jobs whose results the retention cleanup removed")
                .register(registry);
        this.resultsDeleted = Counter.builder("assessor.retention.results")
                .description("Batch result rows the retention cleanup deleted").register(registry);
        this.tempFilesDeleted = Counter.builder("assessor.retention.temp.files")
                .description("Left-behind temporary files the retention cleanup deleted").register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("The retention cleanup does not run on this instance (assessor.retention.enabled=false)");
            return;
        }
        scheduler.newJob("assessor-retention")
                .setInterval(config.every().toString())
                .setConcurrentExecution(ConcurrentExecution.SKIP)
                .setTask(execution -> runQuietly())
                .schedule();
    }

    /** What one run did. */
    public record Report(int jobs, long results, long chunksCleared, int tempFiles) {
    }

    private void runQuietly() {
        try {
            run(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(e, "The retention cleanup failed; it runs again in %s", config.every());
        }
    }

    /** Cleans what is older than the retention as of {@code now}. */
    public Report run(Instant now) {
        int jobs = 0;
        long results = 0;
        long chunks = 0;
        Instant before = now.minus(config.batchJobs());
        while (jobs < config.maxJobsPerRun()) {
            Optional<long[]> one = purgeOne(before, now);
            if (one.isEmpty()) {
                break;
            }
            jobs++;
            results += one.get()[0];
            chunks += one.get()[1];
        }
        Instant filesBefore = now.minus(config.tempFiles());
        int files = deleteTempFiles(tempDirectory(), TEMP_FILES, filesBefore);
        Path uploads = uploadsDirectory();
        if (Files.isDirectory(uploads)) {
            files += deleteTempFiles(uploads, UPLOADED_PARTS, filesBefore);
        }
        jobsPurged.increment(jobs);
        resultsDeleted.increment(results);
        tempFilesDeleted.increment(files);
        if (jobs > 0 || files > 0) {
            LOG.infof("Retention: %d batch job(s) finished before %s cleaned (%d result rows deleted, %d chunk inputs "
                    + "cleared); %d temporary file(s) deleted", jobs, before, results, chunks, files);
        }
        return new Report(jobs, results, chunks, files);
    }

    /**
     * Cleans the oldest job due, under the lock; empty when none is due or another instance holds the lock.
     *
     * @return result rows deleted and chunk inputs cleared
     */
    private Optional<long[]> purgeOne(Instant before, Instant now) {
        return QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                if (!lock(c)) {
                    return Optional.<long[]>empty();
                }
                UUID job = null;
                String state = null;
                Timestamp finished = null;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, state, finished_at FROM batch_job "
                        + "WHERE purged_at IS NULL AND state IN ('DONE', 'FAILED', 'CANCELLED') AND finished_at < ? "
                        + "ORDER BY finished_at, id LIMIT 1")) {
                    ps.setTimestamp(1, Timestamp.from(before));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            job = rs.getObject(1, UUID.class);
                            state = rs.getString(2);
                            finished = rs.getTimestamp(3);
                        }
                    }
                }
                if (job == null) {
                    return Optional.<long[]>empty();
                }
                long results = update(c, "DELETE FROM batch_result WHERE job_id = ?", job);
                long chunks = update(c, "UPDATE batch_chunk SET input = NULL WHERE job_id = ? AND input IS NOT NULL", job);
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET purged_at = ? WHERE id = ?")) {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setObject(2, job);
                    ps.executeUpdate();
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("state", state);
                after.put("finishedAt", finished.toInstant().toString());
                after.put("retention", config.batchJobs().toString());
                after.put("resultRowsDeleted", results);
                after.put("chunkInputsCleared", chunks);
                // Last, as the audit trail asks: its head row stays locked only until this commits.
                audit.record(AuditTrail.SYSTEM, ACTION, "batch-job", job.toString(), null, after);
                return Optional.of(new long[] {results, chunks});
            }
        });
    }

    private static boolean lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM retention_lock WHERE id = 1 FOR UPDATE SKIP LOCKED");
             ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static long update(Connection c, String sql, UUID job) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, job);
            return ps.executeUpdate();
        }
    }

    /** Where Java, and so Vert.x, makes temporary files on this host. */
    static Path tempDirectory() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static Path uploadsDirectory() {
        return Path.of(ConfigProvider.getConfig().getOptionalValue("quarkus.http.body.uploads-directory", String.class)
                .orElse(System.getProperty("java.io.tmpdir") + "/uploads"));
    }

    /**
     * Deletes the files of {@code dir} that match one of {@code globs} and were last written before {@code olderThan}.
     * A file being written has just been written, so only one left behind can be that old.
     */
    static int deleteTempFiles(Path dir, List<String> globs, Instant olderThan) {
        int deleted = 0;
        for (String glob : globs) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
                for (Path f : files) {
                    try {
                        if (Files.isRegularFile(f) && Files.getLastModifiedTime(f).toInstant().isBefore(olderThan)) {
                            Files.delete(f);
                            deleted++;
                        }
                    } catch (NoSuchFileException gone) {
                        // deleted meanwhile by the request that made it
                    }
                }
            } catch (IOException e) {
                LOG.warnf("Retention: the temporary files %s in %s could not all be read or deleted: %s", glob, dir,
                        e.toString());
            }
        }
        return deleted;
    }
}
