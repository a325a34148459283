package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.exposure.assessor.lists.download.ListDownloader.Fetched;
import org.exposure.assessor.lists.download.ListDownloader.Validators;
import org.exposure.assessor.lists.download.LocalListServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of list downloads, against a server on the loopback interface only. */
class ListDownloaderTest {
    private static final byte[] BODY = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
            .repeat(2_000).getBytes(StandardCharsets.ISO_8859_1);
    private static final String LAST_MODIFIED = "Fri, 03 May 2024 12:00:00 GMT";

    private LocalListServer server;
    private ListDownloader downloader;

    @BeforeEach
    void start() {
        server = new LocalListServer();
        downloader = new ListDownloader(Duration.ofSeconds(2), Duration.ofSeconds(1), 1_000_000);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFileArrivesWholeInATemporaryFileWithItsValidators() throws Exception {
        server.answer("/sdn.csv", Answer.file(BODY, "\"v1\"", LAST_MODIFIED));
        Fetched f = downloader.fetch(server.url("/sdn.csv"), Validators.NONE);
        try {
            assertThat(f.status()).isEqualTo(200);
            assertThat(f.notModified()).isFalse();
            assertThat(f.bytes()).isEqualTo(BODY.length);
            assertThat(Files.readAllBytes(f.file())).isEqualTo(BODY);
            assertThat(f.validators()).isEqualTo(new Validators("\"v1\"", LAST_MODIFIED));
            assertThat(server.requests("/sdn.csv")).singleElement().satisfies(r -> assertThat(r.conditional()).isFalse());
        } finally {
            ListDownloader.delete(f.file());
        }
    }

    @Test
    void theValidatorsSentBackGetA304AndNoFile() throws Exception {
        server.answer("/sdn.csv", Answer.file(BODY, "\"v1\"", LAST_MODIFIED));
        Fetched f = downloader.fetch(server.url("/sdn.csv"), new Validators("\"v1\"", LAST_MODIFIED));
        assertThat(f.notModified()).isTrue();
        assertThat(f.file()).isNull();
        assertThat(f.validators().etag()).isEqualTo("\"v1\"");
        assertThat(server.requests("/sdn.csv")).singleElement().isEqualTo(
                new LocalListServer.Request("/sdn.csv", "\"v1\"", LAST_MODIFIED));

        // Only Last-Modified known: If-Modified-Since alone.
        server.answer("/add.csv", Answer.file(BODY, null, LAST_MODIFIED));
        assertThat(downloader.fetch(server.url("/add.csv"), new Validators(null, LAST_MODIFIED)).notModified()).isTrue();

        // A changed file: 200 and the new validators.
        server.answer("/sdn.csv", Answer.file(BODY, "\"v2\"", LAST_MODIFIED));
        Fetched changed = downloader.fetch(server.url("/sdn.csv"), new Validators("\"v1\"", null));
        ListDownloader.delete(changed.file());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.validators().etag()).isEqualTo("\"v2\"");
    }

    @Test
    void anErrorStatusIsNamedAndLeavesNoFile() throws Exception {
        long before = temporaryFiles();
        for (int status : new int[] {404, 500, 403, 204}) {
            server.answer("/sdn.csv", Answer.status(status));
            assertThatThrownBy(() -> downloader.fetch(server.url("/sdn.csv"), Validators.NONE))
                    .isInstanceOfSatisfying(DownloadException.class, e -> {
                        assertThat(e.kind()).isEqualTo(DownloadException.Kind.STATUS);
                        assertThat(e.status()).hasValue(status);
                        assertThat(e.getMessage()).isEqualTo("GET " + server.url("/sdn.csv") + " answered HTTP " + status);
                    });
        }
        // A 304 to a request that did not ask for one is an error too.
        server.answer("/odd.csv", new Answer(304, new byte[0], null, null, 0, false));
        assertThatThrownBy(() -> downloader.fetch(server.url("/odd.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> assertThat(e.status()).hasValue(304));
        assertThat(temporaryFiles()).isEqualTo(before);
    }

    @Test
    void aLateAnswerTimesOut() {
        server.answer("/sdn.csv", Answer.file(BODY).late(4_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> downloader.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DownloadException.Kind.TIMEOUT);
                    assertThat(e.getMessage()).contains("did not complete within PT1S");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
    }

    @Test
    void aBodyThatStopsHalfWayTimesOut() throws IOException {
        long before = temporaryFiles();
        server.answer("/sdn.csv", Answer.file(BODY).stalling());
        long start = System.nanoTime();
        assertThatThrownBy(() -> downloader.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.kind()).isEqualTo(DownloadException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
        assertThat(temporaryFiles()).isEqualTo(before);
    }

    @Test
    void aBodyDribbledAByteAtATimeTimesOut() throws IOException {
        long before = temporaryFiles();
        server.answer("/sdn.csv", Answer.file(BODY).dribbling(50));
        long start = System.nanoTime();
        assertThatThrownBy(() -> downloader.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.kind()).isEqualTo(DownloadException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
        assertThat(temporaryFiles()).isEqualTo(before);
    }

    @Test
    void aFullDiskIsAStorageFailureAndLeavesNoFile() throws IOException {
        long before = temporaryFiles();
        server.answer("/sdn.csv", Answer.file(BODY));
        // Room for 10,000 bytes, then "No space left on device", as a full file system answers a write.
        ListDownloader.Opener tenThousandBytes = file -> new java.nio.channels.WritableByteChannel() {
            private final java.nio.channels.FileChannel real = java.nio.channels.FileChannel.open(file,
                    java.nio.file.StandardOpenOption.WRITE);
            private long written;

            @Override
            public int write(java.nio.ByteBuffer src) throws IOException {
                if (written + src.remaining() > 10_000) {
                    throw new IOException("No space left on device");
                }
                int n = real.write(src);
                written += n;
                return n;
            }

            @Override
            public boolean isOpen() {
                return real.isOpen();
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
        ListDownloader full = new ListDownloader(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000, null,
                tenThousandBytes);
        assertThatThrownBy(() -> full.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DownloadException.Kind.STORAGE);
                    assertThat(e.getMessage()).contains("cannot be written to temporary storage here: No space left on device");
                });
        assertThat(temporaryFiles()).isEqualTo(before);

        // No temporary file at all (its directory gone): the same.
        ListDownloader nowhere = new ListDownloader(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000,
                java.nio.file.Path.of("target", "no-such-directory-" + System.nanoTime()),
                file -> java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE));
        assertThatThrownBy(() -> nowhere.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class,
                        e -> assertThat(e.kind()).isEqualTo(DownloadException.Kind.STORAGE));
    }

    @Test
    void aFileLargerThanTheLimitIsAbandoned() {
        ListDownloader small = new ListDownloader(Duration.ofSeconds(2), Duration.ofSeconds(5), 10_000);
        server.answer("/sdn.csv", Answer.file(BODY));
        assertThatThrownBy(() -> small.fetch(server.url("/sdn.csv"), Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DownloadException.Kind.TOO_LARGE);
                    assertThat(e.getMessage()).contains("more than 10000 bytes");
                });
    }

    @Test
    void aClosedPortIsAConnectionFailure() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/sdn.csv");
        assertThatThrownBy(() -> downloader.fetch(url, Validators.NONE))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DownloadException.Kind.CONNECTION);
                    assertThat(e.status()).isEmpty();
                    assertThat(e.getMessage()).contains("connection refused");
                });
    }

    @Test
    void urlsAreShownWithoutCredentialsOrQuery() {
        assertThat(ListDownloader.shown(URI.create("https://user:secret@lists.example.org:8443/a/sdn.csv?key=k1#x")))
                .isEqualTo("https://lists.example.org:8443/a/sdn.csv");
        assertThat(ListDownloader.shown(URI.create("https://lists.example.org/sdn.csv")))
                .isEqualTo("https://lists.example.org/sdn.csv");
    }

    private static long temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("assessor-list-")).count();
        }
    }
}
