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
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Opens the temporary file a body is written to; tests replace it to play a full disk. */
    interface Opener {
        WritableByteChannel open(Path file) throws IOException;
    }

    private final HttpClient client;
    private final Duration timeout;
    private final long maxBytes;
    private final Path tempDir;
    private final Opener opener;

    public ListDownloader(Duration connectTimeout, Duration timeout, long maxBytes) {
        this(connectTimeout, timeout, maxBytes, null, file -> FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** @param tempDir where bodies are kept until imported; null: the JVM's temporary directory */
    ListDownloader(Duration connectTimeout, Duration timeout, long maxBytes, Path tempDir, Opener opener) {
        this.client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.tempDir = tempDir;
        this.opener = opener;
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
            file = tempDir == null ? Files.createTempFile("assessor-list-", ".download")
                    : Files.createTempFile(tempDir, "assessor-list-", ".download");
        } catch (IOException e) {
            throw storage(shown, e);
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<Path>> answer = client.sendAsync(request.build(), info ->
                info.statusCode() == 200 ? new ToFile(file, opener, maxBytes) : BodySubscribers.replacing(null));
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
            StorageFailure full = (StorageFailure) find(cause, StorageFailure.class);
            if (full != null) {
                throw storage(shown, full.getCause());
            }
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

    private static DownloadException storage(String shown, Throwable cause) {
        return new DownloadException(DownloadException.Kind.STORAGE, shown, 0, "GET " + shown
                + ": the file cannot be written to temporary storage here: " + cause.getMessage(), cause);
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

    /** A write to the temporary file failed: the local disk, not the connection. */
    private static final class StorageFailure extends IOException {
        StorageFailure(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Writes the body to the file, and gives up once more than {@code max} bytes came or a write fails. Written here
     * rather than by the JDK's file subscriber so that a full disk is told from a broken connection.
     */
    private static final class ToFile implements BodySubscriber<Path> {
        private final Path file;
        private final Opener opener;
        private final long max;
        private final CompletableFuture<Path> body = new CompletableFuture<>();
        private WritableByteChannel out;
        private long seen;
        private boolean done;
        private Flow.Subscription subscription;

        ToFile(Path file, Opener opener, long max) {
            this.file = file;
            this.opener = opener;
            this.max = max;
        }

        @Override
        public CompletionStage<Path> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            try {
                out = opener.open(file);
            } catch (IOException e) {
                fail(new StorageFailure(e));
                return;
            }
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (done) {
                return;
            }
            for (ByteBuffer b : items) {
                seen += b.remaining();
            }
            if (seen > max) {
                fail(new TooLarge());
                return;
            }
            try {
                for (ByteBuffer b : items) {
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
            } catch (IOException e) {
                fail(new StorageFailure(e));
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            if (!done) {
                done = true;
                close();
                body.completeExceptionally(t);
            }
        }

        @Override
        public void onComplete() {
            if (!done) {
                done = true;
                try {
                    if (out != null) {
                        out.close();
                    }
                    body.complete(file);
                } catch (IOException e) {
                    body.completeExceptionally(new StorageFailure(e));
                }
            }
        }

        private void fail(IOException e) {
            done = true;
            subscription.cancel();
            close();
            body.completeExceptionally(e);
        }

        private void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the file is deleted by the caller
                }
            }
        }
    }
}
