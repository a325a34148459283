package org.exposure.assessor.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.IntUnaryOperator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback for the tests: keeps every request it gets (headers, body, arrival time) and answers
 * each with the status its policy gives for the request's number (1 for the first).
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What a receiver answers, beyond a status: for tests of redirects, slow and large answers. */
    @FunctionalInterface
    public interface Answer {
        void send(HttpExchange exchange, int n) throws IOException;
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile IntUnaryOperator policy;
    private volatile Answer answer;

    private Receiver(IntUnaryOperator policy) throws IOException {
        // Without TCP_NODELAY the JDK server sends the body after the headers only once the client's delayed ACK
        // arrives (about 40 ms a request on Linux), which would make the receiver, not the sender, the bottleneck.
        // Read once, when the JVM's first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.policy = policy;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    /** A receiver that answers every request with {@code status}. */
    public static Receiver answering(int status) throws IOException {
        return new Receiver(n -> status);
    }

    /** A receiver whose answer depends on the request's number, from 1. */
    public static Receiver answering(IntUnaryOperator policy) throws IOException {
        return new Receiver(policy);
    }

    /** A receiver that answers each request as {@code answer} writes it. */
    public static Receiver answering(Answer answer) throws IOException {
        Receiver r = new Receiver(n -> 200);
        r.answer = answer;
        return r;
    }

    public void answer(IntUnaryOperator policy) {
        this.policy = policy;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int n;
        synchronized (requests) {
            requests.add(new Request(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders().entrySet().stream()
                    .filter(e -> e.getKey() != null)
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())))),
                    new String(body, StandardCharsets.UTF_8), Instant.now()));
            n = requests.size();
        }
        if (answer != null) {
            answer.send(exchange, n);
            exchange.close();
            return;
        }
        int status = policy.applyAsInt(n);
        byte[] answer = ("{\"received\":" + n + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (var out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The requests carrying one of these event ids (other events of the shared test database are ignored). */
    public List<Request> requestsFor(java.util.Collection<String> eventIds) {
        return requests().stream().filter(r -> eventIds.contains(r.header(WebhookSender.EVENT_ID))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** Waits until {@code condition} holds, failing after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
