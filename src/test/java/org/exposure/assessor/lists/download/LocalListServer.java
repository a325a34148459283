package org.exposure.assessor.lists.download;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on the loopback interface and a free port, answering each path as the test says: a file with
 * its ETag and Last-Modified (and 304 to a request that sends them back), an error status, a late answer, a body
 * that stops half-way, a body sent a byte at a time. Paths it has not been told about answer 404. It records every request.
 */
public final class LocalListServer implements AutoCloseable {
    /** How to answer one path. */
    public record Answer(int status, byte[] body, String etag, String lastModified, long delayMillis, boolean stallBody,
                         long dribbleMillis) {
        public Answer(int status, byte[] body, String etag, String lastModified, long delayMillis, boolean stallBody) {
            this(status, body, etag, lastModified, delayMillis, stallBody, 0);
        }

        public static Answer file(byte[] body, String etag, String lastModified) {
            return new Answer(200, body, etag, lastModified, 0, false);
        }

        public static Answer file(byte[] body) {
            return file(body, null, null);
        }

        public static Answer status(int status) {
            return new Answer(status, ("HTTP " + status).getBytes(StandardCharsets.US_ASCII), null, null, 0, false);
        }

        public Answer late(long millis) {
            return new Answer(status, body, etag, lastModified, millis, stallBody);
        }

        /** Sends the headers and half of the body, then nothing more. */
        public Answer stalling() {
            return new Answer(status, body, etag, lastModified, delayMillis, true, dribbleMillis);
        }

        /** Sends the body one byte at a time, one every {@code millis}: never silent, never done. */
        public Answer dribbling(long millis) {
            return new Answer(status, body, etag, lastModified, delayMillis, stallBody, millis);
        }
    }

    /** One request as received. */
    public record Request(String path, String ifNoneMatch, String ifModifiedSince) {
        public boolean conditional() {
            return ifNoneMatch != null || ifModifiedSince != null;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public LocalListServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "local-list-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI url(String path) {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + path);
    }

    public LocalListServer answer(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Forgets every answer and request. */
    public void reset() {
        answers.clear();
        requests.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            requests.add(new Request(path, ifNoneMatch, ifModifiedSince));
            Answer a = answers.getOrDefault(path, Answer.status(404));
            if (a.delayMillis() > 0) {
                Thread.sleep(a.delayMillis());
            }
            if (a.etag() != null) {
                exchange.getResponseHeaders().set("ETag", a.etag());
            }
            if (a.lastModified() != null) {
                exchange.getResponseHeaders().set("Last-Modified", a.lastModified());
            }
            boolean unchanged = a.status() == 200 && ((a.etag() != null && a.etag().equals(ifNoneMatch))
                    || (a.etag() == null && a.lastModified() != null && a.lastModified().equals(ifModifiedSince)));
            if (unchanged) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (a.dribbleMillis() > 0) {
                    for (byte b : a.body()) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(a.dribbleMillis());
                    }
                }
                if (a.stallBody()) {
                    out.write(a.body(), 0, a.body().length / 2);
                    out.flush();
                    Thread.sleep(60_000);
                }
                out.write(a.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
