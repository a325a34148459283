package org.exposure.assessor.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The sender against awkward receivers, with the test profile's 2 s timeouts: a redirect is a failure and is not
 * followed, a receiver that does not answer in time is abandoned, a huge error body is cut to its start.
 */
@QuarkusTest
class WebhookSenderTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Inject
    WebhookSender sender;

    private WebhookSender.Outcome send(Receiver r) {
        return sender.send(r.url(), SECRET, UUID.randomUUID(), UUID.randomUUID(), "RISK_RAISED", "{\"seq\":1}");
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
        try (Receiver target = Receiver.answering(200);
             Receiver moved = Receiver.answering((exchange, n) -> {
                 exchange.getResponseHeaders().add("Location", target.url());
                 exchange.sendResponseHeaders(307, -1);
             })) {
            WebhookSender.Outcome out = send(moved);
            assertThat(out.delivered()).isFalse();
            assertThat(out.status()).isEqualTo(307);
            assertThat(out.error()).contains("redirects are not followed");
            assertThat(target.requests()).isEmpty();
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAbandoned() throws Exception {
        try (Receiver slow = Receiver.answering((exchange, n) -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
        })) {
            long start = System.nanoTime();
            WebhookSender.Outcome out = send(slow);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(out.delivered()).isFalse();
            assertThat(out.status()).isNull();
            assertThat(out.error()).isEqualTo("no response within PT2S");
            assertThat(took).isLessThan(Duration.ofMillis(4500));
        }
    }

    @Test
    void aHugeErrorBodyIsCutToItsStart() throws Exception {
        try (Receiver big = Receiver.answering((exchange, n) -> {
            exchange.sendResponseHeaders(500, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] line = "overloaded ".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                for (int i = 0; i < 10_000; i++) {
                    out.write(line);
                }
            } catch (java.io.IOException e) {
                // the sender stops reading and closes the connection: expected
            }
        })) {
            WebhookSender.Outcome out = send(big);
            assertThat(out.status()).isEqualTo(500);
            assertThat(out.error()).startsWith("HTTP 500: overloaded overloaded").endsWith("...");
            assertThat(out.error().length()).isLessThan(220);
        }
    }

    @Test
    void a2xxOtherThan200IsDelivered() throws Exception {
        try (Receiver accepted = Receiver.answering(202)) {
            WebhookSender.Outcome out = send(accepted);
            assertThat(out.delivered()).isTrue();
            assertThat(out.error()).isNull();
        }
    }
}
