package org.exposure.assessor.lists.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one list file over HTTP(S) into a temporary file, never holding it in memory. Only a 200 delivers a
 * file; a 304 answers a conditional request ({@code If-None-Match}, {@code If-Modified-Since}) with "unchanged";
 * any other status, a timeout (to connect, or for the whole answer), a broken connection or an answer larger
 * than the limit is a {@link DownloadException}, and no file is left behind. Redirects are followed (never from
 * HTTPS to HTTP).
 */
public final class ListDownloader {
    /** The validators a server gave with a file, sent back to ask whether it changed. */
    public record Validators(String etag, String lastModified) {
        public static final Validators NONE = new Validators(null, null);

        boolean any() {
            return etag != null || lastModified != null;
        }
    }

    /**
     * What a request brought.
     *
     * @param file       the body, a temporary file the caller deletes; null when {@code notModified}
     * @param status     200, or 304 when {@code notModified}
     * @param bytes      the body's length
     * @param validators the answer's ETag and Last-Modified, for the next request
     * @param millis     time from the request to the last byte
     */
    public record Fetched(String url, Path file, int status, long bytes, Validators validators, long millis) {
        public boolean notModified() {
            return status == 304;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;

    public ListDownloader(Duration connectTimeout, Duration timeout, long maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** The URL as it may be shown and logged: without user information and query string (they may hold a key). */
    public static String shown(URI url) {
        StringBuilder s = new StringBuilder();
        if (url.getScheme() != null) {
            s.append(url.getScheme()).append("://");
        }
        if (url.getHost() != null) {
            s.append(url.getHost());
        }
        if (url.getPort() >= 0) {
            s.append(':').append(url.getPort());
        }
        if (url.getRawPath() != null) {
            s.append(url.getRawPath());
        }
        return s.toString();
    }

    /** GETs {@code url}; with validators, asks for the file only if it changed since. */
    public Fetched fetch(URI url, Validators ifChanged) throws DownloadException {
        String shown = shown(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET().timeout(timeout)
                .header("User-Agent", "sanctions-exposure-assessor list download");
        if (ifChanged.etag() != null) {
            request.header("If-None-Match", ifChanged.etag());
        }
        if (ifChanged.lastModified() != null) {
            request.header("If-Modified-Since", ifChanged.lastModified());
        }
        Path file;
        try {
            file = Files.createTempFile("assessor-list-", ".download");
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.CONNECTION, shown, 0,
                    "cannot create a temporary file for " + shown + ": " + e.getMessage(), e);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Path>> answer = client.sendAsync(request.build(), info ->
                info.statusCode() == 200 ? new Limited(BodySubscribers.ofFile(file), maxBytes)
                        : BodySubscribers.replacing(null));
        boolean keep = false;
        try {
            HttpResponse<Path> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            int status = response.statusCode();
            if (status == 304 && ifChanged.any()) {
                return new Fetched(shown, null, 304, 0, validators.any() ? validators : ifChanged, millis);
            }
            if (status != 200) {
                throw new DownloadException(DownloadException.Kind.STATUS, shown, status,
                        "GET " + shown + " answered HTTP " + status, null);
            }
            keep = true;
            return new Fetched(shown, file, 200, Files.size(file), validators, millis);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timeout(shown, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new DownloadException(DownloadException.Kind.CONNECTION, shown, 0,
                    "GET " + shown + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (find(cause, TooLarge.class) != null) {
                throw new DownloadException(DownloadException.Kind.TOO_LARGE, shown, 0, "GET " + shown
                        + " answered more than " + maxBytes + " bytes (assessor.lists.download.max-size)", cause);
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new DownloadException(DownloadException.Kind.TIMEOUT, shown, 0,
                        "GET " + shown + ": no connection within the connect timeout", cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(shown, cause);
            }
            String why = cause instanceof ConnectException ? "connection refused"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            throw new DownloadException(DownloadException.Kind.CONNECTION, shown, 0, "GET " + shown + " failed: " + why,
                    cause);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.CONNECTION, shown, 0,
                    "GET " + shown + ": cannot read the downloaded file: " + e.getMessage(), e);
        } finally {
            if (!keep) {
                delete(file);
            }
        }
    }

    private static Throwable find(Throwable t, Class<? extends Throwable> kind) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (kind.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    private DownloadException timeout(String shown, Throwable cause) {
        return new DownloadException(DownloadException.Kind.TIMEOUT, shown, 0,
                "GET " + shown + " did not complete within " + timeout + " (assessor.lists.download.timeout)", cause);
    }

    /** Deletes a file this class handed out; quietly, as it is only a temporary file. */
    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("too large");
        }
    }

    /** Passes the body to the file, and gives up once more than {@code max} bytes came. */
    private static final class Limited implements BodySubscriber<Path> {
        private final BodySubscriber<Path> file;
        private final long max;
        private long seen;
        private boolean over;
        private Flow.Subscription subscription;

        Limited(BodySubscriber<Path> file, long max) {
            this.file = file;
            this.max = max;
        }

        @Override
        public CompletionStage<Path> getBody() {
            return file.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            file.onSubscribe(s);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (over) {
                return;
            }
            for (ByteBuffer b : items) {
                seen += b.remaining();
            }
            if (seen > max) {
                over = true;
                subscription.cancel();
                file.onError(new TooLarge());
                return;
            }
            file.onNext(items);
        }

        @Override
        public void onError(Throwable t) {
            if (!over) {
                file.onError(t);
            }
        }

        @Override
        public void onComplete() {
            if (!over) {
                file.onComplete();
            }
        }
    }
}
