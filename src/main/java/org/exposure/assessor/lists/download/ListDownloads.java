package org.exposure.assessor.lists.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.config.AssessorConfig.Lists.Download;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListSource;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.ListDownloader.Fetched;
import org.exposure.assessor.lists.download.ListDownloader.Validators;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Downloads the lists that have a URL, the publisher's ({@link ListSource.Part#officialUrl()}) or one set in
 * {@code assessor.lists.download."<source>".url} (and the member of each further file, OFAC-SDN's {@code alt-url}
 * and {@code add-url}), on request and on the optional schedule, and imports them as an upload would. Whatever fails (the server's status, a timeout, a file not of the format) leaves the version in force.
 * The ETag and Last-Modified of the files that made the version in force are stored with it (table
 * {@code list_download_validator}) and sent back with the next request, also after a restart or from another
 * instance, so an unchanged list is not transferred again. Once another import replaces that version they are not
 * sent: a 304 would then keep content the server no longer has.
 */
@ApplicationScoped
public class ListDownloads {
    private static final Logger LOG = Logger.getLogger(ListDownloads.class);

    /**
     * A download's outcome.
     *
     * @param result the import, or null when every file was unchanged (HTTP 304)
     * @param stored the version in force afterwards, and whether this download created it
     * @param files  what each request brought, by part
     */
    public record Outcome(String source, ImportResult result, ListStore.Stored stored, Map<String, Fetched> files) {
        public boolean notModified() {
            return result == null;
        }
    }

    private final AssessorConfig config;
    private final ListSources sources;
    private final ListStore store;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    /** This instance's last download of each source, whatever came of it (a 304 or the same content too). */
    private final Map<String, DownloadAttempt> attempts = new ConcurrentHashMap<>();
    private volatile ListDownloader downloader;
    private DownloadSchedule schedule;
    private final AuditTrail audit;

    private final MeterRegistry registry;

    ListDownloads(AssessorConfig config, ListSources sources, ListStore store, AuditTrail audit, MeterRegistry registry) {
        this.registry = registry;
        this.config = config;
        this.audit = audit;
        this.sources = sources;
        this.store = store;
    }

    /**
     * Checks the configuration and starts the schedule: the last step of the start-up, after the import of
     * {@code assessor.lists.dir} and the first index, so that the first run sees what they put in force.
     */
    public void start() {
        Download d = config.lists().download();
        List<String> problems = configProblems(d, sources);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("List download configuration: " + String.join("; ", problems));
        }
        if (!d.enabled()) {
            LOG.info("List downloads are turned off (assessor.lists.download.enabled=false): lists arrive by upload "
                    + "or through assessor.lists.dir");
            return;
        }
        Map<String, Duration> intervals = new LinkedHashMap<>();
        Map<String, Duration> firstIn = new LinkedHashMap<>();
        Instant now = Instant.now();
        Map<String, ListVersionEntity> inForce = new LinkedHashMap<>();
        store.inForce().forEach(v -> inForce.put(v.source, v));
        for (String source : downloadable()) {
            Duration every = interval(source);
            intervals.put(source, every);
            // A source with nothing in force, or older than its interval, is fetched now; the others when due.
            ListVersionEntity v = inForce.get(source);
            firstIn.put(source, firstRunIn(every, v == null ? null : v.importedAt, now));
        }
        schedule = new DownloadSchedule(intervals, firstIn, d.retry(), this::scheduled);
        schedule.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (schedule != null) {
            schedule.close();
        }
    }

    /**
     * How long after start-up a source is first downloaded: at once when nothing is in force ({@code importedAt}
     * null) or the version in force was imported at least {@code every} ago, else when that interval is up.
     */
    static Duration firstRunIn(Duration every, Instant importedAt, Instant now) {
        if (importedAt == null) {
            return Duration.ZERO;
        }
        Duration age = Duration.between(importedAt, now);
        return age.compareTo(every) >= 0 ? Duration.ZERO : every.minus(age);
    }

    /** The sources that are downloaded: those screened against and those given a URL, each with a URL to use. */
    List<String> downloadable() {
        if (!config.lists().download().enabled()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String source : sources.sources()) {
            boolean wanted = config.lists().sources().contains(source)
                    || config.lists().download().sources().containsKey(source);
            if (wanted && !urls(source).isEmpty()) {
                out.add(source);
            }
        }
        return out;
    }

    private Duration interval(String source) {
        Download.Source s = config.lists().download().sources().get(source);
        return s == null ? config.lists().download().every() : s.every().orElse(config.lists().download().every());
    }

    /** What is wrong with the download configuration, one sentence per key; empty when nothing is. */
    static List<String> configProblems(Download d, ListSources sources) {
        List<String> out = new ArrayList<>();
        if (d.every().isNegative() || d.every().isZero()) {
            out.add("assessor.lists.download.every must be positive, not " + d.every());
        }
        if (d.retry().isNegative() || d.retry().isZero()) {
            out.add("assessor.lists.download.retry must be positive, not " + d.retry());
        }
        // The members that set the URL of a file other than a source's first, whichever source has them.
        Map<String, List<ListSource.Part>> otherParts = new LinkedHashMap<>();
        Map<String, List<String>> owners = new LinkedHashMap<>();
        for (ListSource src : sources.all()) {
            for (ListSource.Part p : src.parts().subList(1, src.parts().size())) {
                otherParts.computeIfAbsent(p.urlMember(), m -> new ArrayList<>()).add(p);
                owners.computeIfAbsent(p.urlMember(), m -> new ArrayList<>()).add(src.id());
            }
        }
        d.sources().forEach((source, s) -> {
            String key = "assessor.lists.download.\"" + source + "\"";
            Optional<ListSource> found = sources.find(source);
            if (found.isEmpty()) {
                out.add(key + ": no list source " + source + "; known sources: " + String.join(", ", sources.sources()));
                return;
            }
            List<ListSource.Part> parts = found.get().parts();
            s.url().ifPresent(u -> checkUrl(key + ".url", u, out));
            List<String> setOthers = new ArrayList<>();
            otherParts.forEach((member, withIt) -> withIt.get(0).configured().apply(s).ifPresent(u -> {
                if (parts.stream().anyMatch(p -> p.urlMember().equals(member))) {
                    setOthers.add(member);
                    checkUrl(key + "." + member, u, out);
                } else {
                    out.add(key + "." + member + ": " + source + (parts.size() == 1 ? " is published as one file"
                            : " has no such file") + "; only " + String.join(", ", owners.get(member)) + " has "
                            + withIt.get(0).fileName());
                }
            }));
            if (s.url().isEmpty() && !setOthers.isEmpty()) {
                // Mixing a configured alt.csv with OFAC's own sdn.csv would join files of different publications.
                out.add(key + ".url must be set when " + String.join(" or ", otherParts.keySet().stream()
                        .filter(m -> parts.stream().anyMatch(p -> p.urlMember().equals(m))).toList()) + " is");
            }
            s.every().filter(e -> e.isNegative() || e.isZero())
                    .ifPresent(e -> out.add(key + ".every must be positive, not " + e));
        });
        return out;
    }

    private static void checkUrl(String key, URI url, List<String> out) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            out.add(key + " must be an http or https URL with a host, not " + ListDownloader.shown(url));
        }
    }

    /** Whether downloads are on and the source has a URL, configured or official. */
    public boolean configured(String source) {
        return config.lists().download().enabled() && !urls(source).isEmpty();
    }

    /** Whether downloads are turned off ({@code assessor.lists.download.enabled=false}). */
    public boolean disabled() {
        return !config.lists().download().enabled();
    }

    /**
     * The URL of each part of a source, in the importer's order: the configured ones when {@code url} is set, else
     * the publisher's official ones; empty when it has neither.
     */
    Map<String, URI> urls(String source) {
        Map<String, URI> out = new LinkedHashMap<>();
        Optional<ListSource> found = sources.find(source);
        if (found.isEmpty()) {
            return out;
        }
        Download.Source s = config.lists().download().sources().get(source);
        boolean configured = s != null && s.url().isPresent();
        for (ListSource.Part part : found.get().parts()) {
            if (configured) {
                part.configured().apply(s).ifPresent(u -> out.put(part.name(), u));
            } else if (part.officialUrl() != null) {
                out.put(part.name(), part.officialUrl());
            }
        }
        return out;
    }

    /** The URL of a part of a configured source as it may be shown (no credentials, no query string). */
    public String shownUrl(String source, String part) {
        URI u = urls(source).get(part);
        return u == null ? null : ListDownloader.shown(u);
    }

    /** The configuration key of a part's URL, as problems name it. */
    public static String urlKey(String source, String part) {
        return ListSources.urlKey(source, part);
    }

    private ListDownloader downloader() {
        ListDownloader d = downloader;
        if (d == null) {
            Download c = config.lists().download();
            d = new ListDownloader(c.connectTimeout(), c.timeout(), c.maxSize().asLongValue());
            downloader = d;
        }
        return d;
    }

    /**
     * Downloads a configured source and imports it. Downloads of one source in this JVM run one at a time (so a
     * file is not fetched twice at once); storing takes the source's lock in the database like every import.
     *
     * @throws DownloadException  a file did not arrive (status, timeout, connection, size)
     * @throws ImportException    a file arrived but is not of the source's format (the exception names the part)
     * @throws IllegalArgumentException the source has no URL configured
     */
    public Outcome download(String source) throws DownloadException, ImportException {
        return download(source, AuditTrail.SYSTEM);
    }

    /**
     * As {@link #download(String)}, for {@code actor}: a version it makes is recorded as imported by them, and a
     * failure (a file that did not arrive, or is not of the source's format) as a {@code LIST_DOWNLOAD_FAILED} event.
     */
    public Outcome download(String source, String actor) throws DownloadException, ImportException {
        Map<String, URI> urls = urls(source);
        if (urls.isEmpty() || disabled()) {
            throw new IllegalArgumentException("no download URL for " + source + ", or downloads are turned off");
        }
        synchronized (locks.computeIfAbsent(source, s -> new Object())) {
            try {
                Optional<ListStore.Validated> known = store.validators(source).filter(v -> sameUrls(v, urls));
                Outcome out = attempt(source, urls, known.orElse(null), actor);
                if (out == null) {
                    // Every file was unchanged, but another import replaced the version they had made while we asked.
                    LOG.infof("List %s: the version in force changed during the download; fetching the files whole",
                            source);
                    out = attempt(source, urls, null, actor);
                }
                attempts.put(source, new DownloadAttempt(source, Instant.now(), actor, true, describe(out)));
                counted(source, "ok");
                return out;
            } catch (DownloadException e) {
                attempts.put(source, new DownloadAttempt(source, Instant.now(), actor, false, e.getMessage()));
                counted(source, "failed");
                recordFailure(source, actor, e.kind().name(), e.part().orElse(null), e.getMessage(), e);
                throw e;
            } catch (ImportException e) {
                attempts.put(source, new DownloadAttempt(source, Instant.now(), actor, false,
                        "not a " + source + " file: " + e.getMessage()));
                // A file over a limit of InputLimits is not of a wrong format: the history says which it was.
                counted(source, "failed");
                recordFailure(source, actor, e.limit().isPresent() ? "TOO_LARGE" : "FORMAT", e.part().orElse(null),
                        e.getMessage(), e);
                throw e;
            }
        }
    }

    /** One download of a source ended: ok (a new version, the same content or not modified) or failed. */
    private void counted(String source, String outcome) {
        Counter.builder("assessor.list.downloads").description("List downloads, by source and outcome")
                .tag("source", source).tag("outcome", outcome).register(registry).increment();
    }

    /** What a download that worked did, in a sentence for people. */
    static String describe(Outcome out) {
        ListVersionEntity v = out.stored().version();
        if (out.notModified()) {
            return "not modified since the version in force (" + v.id + ")";
        }
        if (out.stored().held()) {
            return "new version " + v.id + " held for confirmation: " + v.heldReason;
        }
        return out.stored().created() ? "new version " + v.id + " in force, " + v.entryCount + " entries"
                : "same content as version " + v.id + "; nothing changed";
    }

    /** This instance's last download of each source since it started, by source. */
    public Map<String, DownloadAttempt> attemptsHere() {
        return Map.copyOf(attempts);
    }

    /**
     * A failed download changes nothing, so its event has a transaction of its own. Not being able to record it does
     * not hide the failure itself, which is what the caller must hear about.
     */
    private void recordFailure(String source, String actor, String kind, String part, String error, Exception failure) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("source", source);
        after.put("kind", kind);
        after.put("part", part);
        after.put("error", error);
        try {
            QuarkusTransaction.requiringNew().run(() -> audit.record(actor, "LIST_DOWNLOAD_FAILED", "list-source",
                    source, null, after));
        } catch (RuntimeException e) {
            LOG.errorf(e, "List %s: the failed download could not be recorded in the audit trail", source);
            failure.addSuppressed(e);
        }
    }

    /** Whether the validators were kept for the URLs configured now, every part of them. */
    private static boolean sameUrls(ListStore.Validated known, Map<String, URI> urls) {
        if (!known.parts().keySet().equals(urls.keySet())) {
            return false;
        }
        return urls.entrySet().stream().allMatch(u -> known.parts().get(u.getKey()).urlHash().equals(urlHash(u.getValue())));
    }

    static String urlHash(URI url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(url.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * One round of requests, conditional when {@code known} is given; null when every file was unchanged but the
     * version the validators belong to is no longer in force.
     */
    private Outcome attempt(String source, Map<String, URI> urls, ListStore.Validated known, String actor)
            throws DownloadException, ImportException {
        Map<String, Fetched> fetched = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, URI> u : urls.entrySet()) {
                fetched.put(u.getKey(), fetch(source, u.getKey(), u.getValue(),
                        known == null ? Validators.NONE : validators(known.parts().get(u.getKey()))));
            }
            if (known != null && fetched.values().stream().allMatch(Fetched::notModified)) {
                Optional<ListVersionEntity> inForce = store.stillInForce(source, known.version().id);
                if (inForce.isEmpty()) {
                    return null;
                }
                LOG.infof("List %s: not modified since the version in force (%s)", source, inForce.get().id);
                return new Outcome(source, null, new ListStore.Stored(inForce.get(), false), fetched);
            }
            // Some files changed and some did not: the unchanged ones are needed too, and were not kept.
            for (Map.Entry<String, Fetched> f : fetched.entrySet()) {
                if (f.getValue().notModified()) {
                    f.setValue(fetch(source, f.getKey(), urls.get(f.getKey()), Validators.NONE));
                }
            }
            ImportResult result = read(source, fetched);
            Map<String, ListStore.DownloadValidators> validators = new LinkedHashMap<>();
            fetched.forEach((part, f) -> validators.put(part, new ListStore.DownloadValidators(f.url(),
                    urlHash(urls.get(part)), f.validators().etag(), f.validators().lastModified())));
            ListStore.Stored stored = store.store(result, validators, actor);
            LOG.infof("List %s downloaded: %d entries, %d rows skipped, %s %s", source, result.entryCount(),
                    result.problems().size(), stored.held() ? "HELD for confirmation, not in force: version"
                            : stored.created() ? "new version" : "unchanged, version",
                    stored.version().id);
            return new Outcome(source, result, stored, fetched);
        } finally {
            fetched.values().forEach(f -> ListDownloader.delete(f.file()));
        }
    }

    private static Validators validators(ListStore.DownloadValidators kept) {
        return new Validators(kept.etag(), kept.lastModified());
    }

    private Fetched fetch(String source, String part, URI url, Validators ifChanged) throws DownloadException {
        try {
            Fetched f = downloader().fetch(url, ifChanged);
            LOG.infof("List %s: GET %s -> HTTP %d, %d bytes in %d ms%s", source, f.url(), f.status(), f.bytes(),
                    f.millis(), ifChanged.any() ? " (conditional)" : "");
            return f;
        } catch (DownloadException e) {
            LOG.warnf("List %s: %s; the version in force stays", source, e.getMessage());
            throw e.inPart(part);
        }
    }

    private ImportResult read(String source, Map<String, Fetched> fetched) throws ImportException {
        Map<String, InputStream> streams = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Fetched> f : fetched.entrySet()) {
                streams.put(f.getKey(), Files.newInputStream(f.getValue().file()));
            }
            return sources.read(source, streams);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a downloaded list file", e);
        } catch (ImportException e) {
            LOG.warnf("List %s: the download is not a %s file (%s); the version in force stays", source, source,
                    e.getMessage());
            throw e;
        } finally {
            for (InputStream in : streams.values()) {
                try {
                    in.close();
                } catch (IOException e) {
                    LOG.debugf("closing a downloaded list file: %s", e.getMessage());
                }
            }
        }
    }

    /** One scheduled run: failures are logged, never thrown. */
    boolean scheduled(String source) {
        // The schedule's thread has no request context, which the database reads outside a transaction need.
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            download(source);
            return true;
        } catch (DownloadException | ImportException e) {
            // Logged where it happened.
            return false;
        } finally {
            requestContext.terminate();
        }
    }
}
