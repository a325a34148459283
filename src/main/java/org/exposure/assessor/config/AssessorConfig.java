package org.exposure.assessor.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.validator.constraints.time.DurationMin;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The assessor's own settings (prefix {@code assessor.}): each with its only default and its range, checked at
 * start-up (a value out of range stops the start with the key named). docs/configuration.md lists them.
 */
@ConfigMapping(prefix = "assessor")
public interface AssessorConfig {

    Rules rules();

    Hs hs();

    Batch batch();

    Page page();

    Lists lists();

    Jobs jobs();

    Security security();

    Review review();

    Webhooks webhooks();

    Retention retention();

    /**
     * How long finished work is kept ({@code assessor.retention.}, docs/operations.md): the per-row results and
     * leftover input of finished batch jobs, and the temporary files an upload or a download left behind. Stored
     * assessments, their review and the audit trail are never removed by it.
     */
    interface Retention {
        /** Whether this instance runs the cleanup; with several instances on one database one at a time does. */
        @WithDefault("true")
        boolean enabled();

        /** How often the cleanup runs (the first run comes shortly after the start). */
        @WithDefault("PT1H")
        @DurationMin(seconds = 1)
        Duration every();

        /**
         * How long after it finished (DONE, FAILED or CANCELLED) a batch job keeps its per-row results and any input
         * not assessed; after that only its header and totals stay.
         */
        @WithDefault("P90D")
        @DurationMin(seconds = 1)
        Duration batchJobs();

        /**
         * Age (since the last write) after which a temporary file of a batch upload or a list download is taken for
         * left behind by a crash and deleted; far longer than any upload takes, because a file being written is
         * never older than its last write.
         */
        @WithDefault("P1D")
        @DurationMin(seconds = 1)
        Duration tempFiles();

        /** Finished jobs cleaned per run at most, each in a transaction of its own; the rest wait for the next run. */
        @WithDefault("100")
        @Min(1)
        int maxJobsPerRun();
    }

    Metrics metrics();

    /** The Prometheus metrics at /q/metrics ({@code assessor.metrics.}, docs/metrics.md). */
    interface Metrics {
        /**
         * How often the gauges that need the database (batch queue, review backlog) are read again. A scrape only
         * reads the values kept from the last refresh, so scraping costs no query and never fails with the database.
         */
        @WithDefault("PT15S")
        @DurationMin(millis = 100)
        Duration refreshInterval();
    }

    /** Webhook deliveries of the changes feed ({@code assessor.webhooks.}, docs/webhooks.md). */
    interface Webhooks {
        /**
         * Whether this instance sends deliveries; every instance on the database shares them, so an instance that
         * only serves the API may leave them to others.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often each sender looks for new events to fan out and for deliveries that are due. */
        @WithDefault("PT2S")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /** Sender threads of this instance: a slow receiver holds up one of them, not the others' subscriptions. */
        @WithDefault("2")
        @Min(1)
        int senders();

        /**
         * The wait after each failed attempt: the first value after the first failure, and so on; the last value
         * repeats. Each wait is lengthened by a random share of up to {@link #retryJitter()}, so that deliveries
         * that failed together do not come back together.
         */
        @WithDefault("PT10S,PT30S,PT2M,PT10M,PT30M,PT1H")
        List<Duration> retryDelays();

        /** The largest random share (0..1) added to each wait between attempts. */
        @WithDefault("0.2")
        @DecimalMin("0") @DecimalMax("1")
        double retryJitter();

        /** Attempts after which a delivery that never got a 2xx is FAILED. */
        @WithDefault("12")
        @Min(1)
        int maxAttempts();

        /**
         * The longest series of attempts: a failed delivery whose next attempt would come later than this after its
         * first attempt (or its re-send by hand) is FAILED instead.
         */
        @WithDefault("P1D")
        @DurationMin(seconds = 1)
        Duration maxAge();

        /** Longest wait for a connection to a receiver. */
        @WithDefault("PT5S")
        @DurationMin(millis = 1)
        Duration connectTimeout();

        /** Longest wait for a receiver's response status and headers, from the request. */
        @WithDefault("PT10S")
        @DurationMin(millis = 1)
        Duration timeout();

        /** Most bytes of a receiver's response body read (and discarded); the rest is not waited for. */
        @WithDefault("65536")
        @Min(0)
        int maxResponseBytes();
    }

    Monitoring monitoring();

    /**
     * What happens when a list changes ({@code assessor.monitoring.}): the stored subjects whose parties come close to
     * an added or changed entry, or that matched a changed or removed one, are assessed again (docs/monitoring.md).
     */
    interface Monitoring {
        /**
         * Whether this instance looks for list changes to act on. Every instance may: a change is claimed by one.
         * Off, changes wait for an instance where it is on.
         */
        @WithDefault("true")
        boolean enabled();

        /** How often an instance looks for list changes not yet acted on. */
        @WithDefault("PT5S")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /**
         * How far below the matching threshold ({@code assessor.lists.match.threshold}) a stored party's score against a
         * changed entry may be and still count as close: its subject is assessed again. Above 0, a party whose score
         * moves a little with the new lists' token weights is not missed.
         */
        @WithDefault("0.05")
        @DecimalMin("0") @DecimalMax("0.5")
        double margin();

        /** Threads that compare the stored parties with the changed entries. */
        @WithDefault("2")
        @Min(1)
        int scanThreads();
    }

    /** The review queue and remembered decisions ({@code assessor.review.}). */
    interface Review {
        /**
         * The lowest risk level at which an assessment gets a review item even without a list match (an assessment
         * with a list match that was not dismissed always gets one).
         */
        @WithDefault("HIGH")
        org.exposure.assessor.domain.RiskLevel minLevel();

        /**
         * How long a FALSE_POSITIVE on a match is remembered for later assessments of the same party; after that
         * the match counts again and comes back to the queue.
         */
        @WithDefault("P365D")
        @DurationMin(seconds = 1)
        Duration dismissalTtl();
    }

    interface Rules {
        /** A directory that replaces the packaged rules/ (DRL files and reference data) at start-up. */
        Optional<Path> dir();

        /** The compiled rules kept between starts. */
        Compiled compiled();

        /**
         * How often each instance reads which ruleset version is in force (an activation approved on any instance
         * takes effect on all of them within this, plus a compile the first time a host sees a version).
         */
        @WithDefault("PT2S")
        @DurationMin(millis = 50)
        Duration pollInterval();

        interface Compiled {
            /**
             * Whether a compiled ruleset is kept on disk and read at the next start instead of compiled again (the
             * compile is most of a start on a small machine). Off, every start compiles.
             */
            @WithDefault("true")
            boolean keep();

            /**
             * Where: a directory only the service may write to, since it holds code the service runs. A file is
             * named after the DRL and the application build it was compiled by, so an upgrade never loads one of
             * an earlier build.
             */
            @WithDefault("data/compiled-rules")
            Path dir();
        }
    }

    interface Hs {
        /** A HS 2022 nomenclature CSV (section,hscode,description,parent,level) replacing the one packaged with the rules. */
        Optional<Path> nomenclature();
    }

    interface Batch {
        /** Most subjects accepted by POST /api/v1/assessments/batch; more gets 413. */
        @WithDefault("1000")
        @Min(1)
        int maxSize();
    }

    interface Lists {
        /**
         * A directory imported at start-up: one subdirectory per source id (OFAC-SDN, US-CSL, ...) holding that
         * source's file(s). Identical content makes no new version, so restarting is cheap.
         */
        Optional<Path> dir();

        /**
         * The sources this installation screens against. Each one without a version in force is named in every
         * assessment's warnings (LISTS_NOT_LOADED) and in the readiness check. The EU and UK lists are in by default:
         * a compliance officer in the EU or the UK expects to be screened against them, and a party designated
         * there alone would otherwise pass unseen.
         */
        @WithDefault("OFAC-SDN,US-CSL,UN,EU-FSF,UK-SL")
        List<String> sources();

        /**
         * Whether screening is required: while no list at all is in force, assessments of subjects with names to
         * screen are refused (503) and batch jobs wait, and readiness is DOWN. With {@code false} such assessments
         * go through, say that nothing was screened, and are never rated below MEDIUM.
         */
        @WithDefault("true")
        boolean required();

        /** A source whose version in force is older than this (from its publication date, else its import) is stale. */
        @WithDefault("P7D")
        @DurationMin(nanos = 1)
        Duration maxAge();

        /**
         * The share (0..1) of the entries of the version in force that a new version may drop before it is held
         * for confirmation instead of being put in force. An empty new version is always held.
         */
        @WithDefault("0.10")
        @DecimalMin("0") @DecimalMax("1")
        double maxDrop();

        /**
         * Largest list file read, by upload, download or from {@link #dir()}: counted as sent and, for a gzip,
         * decompressed; more is refused (413) and the version in force stays. The published files measured for
         * this service are at most 4 MB (OFAC sdn.csv; the CSL gzip 1.4 MB); OpenSanctions exports, read a line at
         * a time, can be far larger, hence 1 GiB rather than a bound near the official lists. The CSV and XML
         * readers hold a file in memory (a gzip also decompressed), so the heap needs room for about three times
         * this; lower it on a small heap. Values above 2 GiB act as 2 GiB (a Java array's size).
         */
        @WithDefault("1G")
        MemorySize maxFileSize();

        /**
         * Most bytes a gzipped file may decompress to per compressed byte, once past 1 MiB: list CSVs compress about
         * 5 to 10 times, a gzip of zeros a thousand times, and it is refused while it unpacks rather than at
         * {@link #maxFileSize()}.
         */
        @WithDefault("100")
        @Min(2)
        int maxCompressionRatio();

        /** Deepest nesting of elements in a list's XML (the lists nest about 6 deep); deeper is refused (422). */
        @WithDefault("64")
        @Min(4) @Max(10000)
        int maxXmlDepth();

        /**
         * Largest single record: one line of OpenSanctions JSON lines, the text of one XML record. The largest
         * OpenSanctions entities run to a few hundred kilobytes.
         */
        @WithDefault("16M")
        MemorySize maxRecordSize();

        /**
         * How often each instance compares the versions in force in the database with those its screening index
         * holds, and rebuilds the index when they differ (an import made by another instance, a lost race).
         */
        @WithDefault("PT2S")
        @DurationMin(millis = 1)
        Duration refreshInterval();

        /**
         * Downloading lists ({@code assessor.lists.download.}): each source of {@link #sources()} from its
         * publisher's official URL(s), unless configured otherwise.
         */
        Download download();

        interface Download {
            /**
             * Whether lists are downloaded at all. {@code false} for installations without internet access, where
             * lists arrive by upload or through {@code assessor.lists.dir}.
             */
            @WithDefault("true")
            boolean enabled();

            /**
             * Download every source this often; at start-up a source with no version in force, or one imported longer
             * ago than this, is downloaded at once.
             */
            @WithDefault("P1D")
            @DurationMin(seconds = 1)
            Duration every();

            /**
             * After a failed download, how long until it is tried again; doubled after each further failure, never
             * longer than the interval.
             */
            @WithDefault("PT1M")
            @DurationMin(seconds = 1)
            Duration retry();

            /** Longest wait for a connection. */
            @WithDefault("PT20S")
            @DurationMin(millis = 1)
            Duration connectTimeout();

            /** Longest time for one file, from the request to the last byte. */
            @WithDefault("PT5M")
            @DurationMin(millis = 1)
            Duration timeout();

            /** Largest file accepted; a bigger answer is abandoned and the version in force stays. */
            @WithDefault("512M")
            MemorySize maxSize();

            /** By source id: {@code assessor.lists.download."OFAC-SDN".url=...}. */
            @WithParentName
            Map<String, Source> sources();

            interface Source {
                /** The source's file (for OFAC-SDN: sdn.csv); unset: the publisher's official URL, if it has one. */
                Optional<URI> url();

                /** OFAC-SDN only: alt.csv (aliases); unset: OFAC's own when {@code url} is unset too. */
                Optional<URI> altUrl();

                /** OFAC-SDN only: add.csv (addresses); unset: OFAC's own when {@code url} is unset too. */
                Optional<URI> addUrl();

                /** This source's own interval, instead of {@code assessor.lists.download.every}. */
                Optional<Duration> every();
            }
        }

        /** Name matching against the lists in force. */
        Match match();

        interface Match {
            /**
             * Score (0..1) at or above which a name matches a list entry, for the screening of every assessment and
             * for GET /api/v1/screen. The default was chosen from the measurements in docs/matching.md (section
             * "Threshold"): the highest threshold at which the OpenSanctions cases and the Putin spellings are
             * both still at their best (92%, 92.6%); higher, the Putin spellings fall under 90%, lower only adds
             * false matches among SDN entries.
             */
            @WithDefault("0.86")
            @DecimalMin("0") @DecimalMax("1")
            double threshold();

            /**
             * How many names, ranked by the tokens they share with the query, are scored in full per query. 25 finds
             * every listed name of the shared snapshots under its own name (ListedNamesTest) at about 0.3 ms per name;
             * a higher cap only helps when more names than that are nearly the same, at a cost in CPU roughly in
             * proportion (200: about 3 times).
             */
            @WithDefault("25")
            @Min(1)
            int candidateCap();
        }
    }

    interface Page {
        /** Largest page size of GET /api/v1/assessments. */
        @WithDefault("200")
        @Min(1)
        int maxSize();
    }

    /** Asynchronous batch jobs (POST /api/v1/batches). */
    interface Jobs {
        /** Whether this instance works on jobs; an instance that only serves the API may leave them to others. */
        @WithDefault("true")
        boolean enabled();

        /** Worker threads, each assessing one chunk at a time. */
        @WithDefault("2")
        @Min(1)
        int workers();

        /** Rows per chunk: the unit that is claimed, assessed and committed together. */
        @WithDefault("1000")
        @Min(1)
        int chunkSize();

        /** Longest accepted row, in characters; a longer JSON line is rejected, a longer CSV record fails the upload. */
        @WithDefault("1000000")
        @Min(1)
        int maxRowLength();

        /** How long an idle worker waits before looking for work again. */
        @WithDefault("PT0.5S")
        @DurationMin(millis = 1)
        Duration pollInterval();

        /** How often running jobs' progress is logged. */
        @WithDefault("PT5S")
        @DurationMin(millis = 1)
        Duration progressInterval();

        /**
         * The longest wait of a worker between attempts after a failure (the database unreachable, say): the wait
         * starts at the poll interval and doubles after each further failure up to this.
         */
        @WithDefault("PT5S")
        @DurationMin(millis = 1)
        Duration retryMax();

        /**
         * Made-up rows assessed once after start-up, on one background thread, so that the first job runs on
         * compiled code (docs/operations.md); 0 turns it off. Nothing of it is stored or counted, and it stops as
         * soon as a real chunk is claimed.
         */
        @WithDefault("30000")
        @Min(0)
        int warmUpRows();

        /** An upload that has not advanced for this long is taken for abandoned (its instance died). */
        @WithDefault("PT10M")
        @DurationMin(seconds = 1)
        Duration abandonedUpload();
    }

    /** Access to the API ({@code assessor.security.}); users and tokens are Quarkus's own settings (docs/security.md). */
    interface Security {
        /**
         * Origins (scheme://host[:port]) besides the service's own from which a browser may send a cross-site
         * request that needs no preflight (text/plain, form or multipart POST); each must also carry X-CSRF-Token.
         */
        Optional<List<String>> allowedOrigins();

        /**
         * The key of the X-CSRF-Token values (HMAC-SHA256 over the user name). Unset: one generated at the first
         * start and kept in the database, shared by every instance on it. Set it to the same value on every
         * instance, at least 32 characters.
         */
        Optional<String> csrfSecret();
    }
}
