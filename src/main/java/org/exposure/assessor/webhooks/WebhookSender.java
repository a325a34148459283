package org.exposure.assessor.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.config.AssessorConfig;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Sends one signed request to a receiver and says how it went. Redirects are not followed (a receiver that moved
 * must be changed by an admin, not by whoever answers a 3xx), the connection and the response each have their
 * timeout, and at most {@code assessor.webhooks.max-response-bytes} of the response body are read, within the same
 * timeout, of which the start is kept for the delivery log.
 */
@ApplicationScoped
public class WebhookSender {
    /** The headers every delivery carries. */
    public static final String EVENT_ID = "X-Assessor-Event-Id";
    public static final String EVENT_TYPE = "X-Assessor-Event-Type";
    public static final String DELIVERY_ID = "X-Assessor-Delivery-Id";
    public static final String TIMESTAMP = "X-Assessor-Timestamp";
    public static final String SIGNATURE = "X-Assessor-Signature";

    /** Characters of a failing response's body kept in the delivery log. */
    private static final int EXCERPT = 200;

    private final HttpClient client;
    private final AssessorConfig.Webhooks config;
    // Closes a response body still being read when the timeout ends: a receiver that trickles its body cannot hold a
    // sender beyond it.
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "webhook-timeouts");
        t.setDaemon(true);
        return t;
    });

    WebhookSender(AssessorConfig config) {
        this.config = config.webhooks();
        this.client = HttpClient.newBuilder()
                .connectTimeout(this.config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // No HTTP/2 upgrade attempt on plain http: receivers are web frameworks, HTTP/1.1 is what they all take.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** How a request went: the status when a response came, what went wrong when it was not a 2xx. */
    public record Outcome(Instant at, Integer status, String error) {
        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /** POSTs {@code body} to {@code url}, signed with {@code secret} at the current time. */
    public Outcome send(String url, String secret, UUID deliveryId, UUID eventId, String eventType, String body) {
        Instant at = Instant.now();
        long timestamp = at.getEpochSecond();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "sanctions-exposure-assessor-webhooks/1")
                    .header(EVENT_ID, eventId.toString())
                    .header(EVENT_TYPE, eventType)
                    .header(DELIVERY_ID, deliveryId.toString())
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(SIGNATURE, Signatures.sign(secret, timestamp, bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
        } catch (IllegalArgumentException e) {
            // Validated when stored; kept for a URL changed in the database by hand.
            return new Outcome(at, null, "the URL cannot be requested: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String excerpt = excerpt(response.body());
            if (status >= 200 && status < 300) {
                return new Outcome(at, status, null);
            }
            String error = "HTTP " + status + (status >= 300 && status < 400 ? " (redirects are not followed)" : "")
                    + (excerpt.isBlank() ? "" : ": " + excerpt);
            return new Outcome(at, status, error);
        } catch (HttpConnectTimeoutException e) {
            return new Outcome(at, null, "no connection within " + config.connectTimeout());
        } catch (HttpTimeoutException e) {
            return new Outcome(at, null, "no response within " + config.timeout());
        } catch (ConnectException e) {
            return new Outcome(at, null, "connection refused or unreachable" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (IOException e) {
            return new Outcome(at, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(at, null, "interrupted: the instance is stopping");
        }
    }

    /** Reads at most the configured number of bytes, within the timeout, and returns the start as text. */
    private String excerpt(InputStream in) {
        ScheduledFuture<?> deadline = watchdog.schedule(() -> close(in), config.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try (in) {
            byte[] head = in.readNBytes(config.maxResponseBytes());
            String text = new String(head, 0, Math.min(head.length, EXCERPT * 4), StandardCharsets.UTF_8).strip();
            return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text;
        } catch (IOException e) {
            // The status is what matters; a body cut short by the timeout or the receiver changes nothing.
            return "";
        } finally {
            deadline.cancel(false);
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Closing is only to stop the read.
        }
    }

    void stop(@Observes ShutdownEvent event) {
        watchdog.shutdownNow();
    }
}
