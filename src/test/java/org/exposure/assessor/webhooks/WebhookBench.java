package org.exposure.assessor.webhooks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.exposure.assessor.monitoring.ChangeEvent;
import org.exposure.assessor.monitoring.ChangeFeed;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Delivery throughput (bench/README.md, not run by the build: its name is not a test's): the sender alone, then
 * {@value #EVENTS} events appended in one transaction and delivered to one subscription whose receiver on loopback
 * answers at once, with the test profile's senders. Every event must arrive exactly once.
 */
@QuarkusTest
class WebhookBench {
    static final int EVENTS = 300;
    private static final int REQUESTS = 50;

    @Inject
    DataSource dataSource;
    @Inject
    WebhookSender sender;

    @Test
    void throughput() throws Exception {
        try (Receiver r = Receiver.answering(200)) {
            long t0 = System.nanoTime();
            for (int i = 0; i < REQUESTS; i++) {
                assertThat(sender.send(r.url(), "0123456789abcdef0123456789abcdef", UUID.randomUUID(), UUID.randomUUID(),
                        "PING", "{}").delivered()).isTrue();
            }
            System.out.printf("WebhookBench: sender alone, %.1f ms per request over %d%n",
                    (System.nanoTime() - t0) / REQUESTS / 1e6, REQUESTS);

            String id = given().contentType(ContentType.JSON).body("{\"url\":\"" + r.url() + "\"}").post("/api/v1/webhooks")
                    .then().statusCode(201).extract().jsonPath().getString("subscription.id");
            List<String> ids = new ArrayList<>();
            ObjectMapper json = new ObjectMapper();
            long start = System.nanoTime();
            QuarkusTransaction.requiringNew().run(() -> {
                try (Connection c = dataSource.getConnection()) {
                    List<ChangeFeed.NewEvent> events = new ArrayList<>();
                    for (int i = 0; i < EVENTS; i++) {
                        events.add(new ChangeFeed.NewEvent(ChangeEvent.RISK_RAISED, UUID.randomUUID(), UUID.randomUUID(),
                                "R" + i, json.createObjectNode().put("i", i)));
                    }
                    ChangeFeed.append(c, events).forEach(e -> ids.add(e.id().toString()));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Receiver.await("every event", Duration.ofSeconds(300), () -> r.requestsFor(ids).size() >= EVENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("WebhookBench: %d events to one subscription in %.2f s, %.1f per second%n", EVENTS, seconds,
                    EVENTS / seconds);
            assertThat(r.requestsFor(ids)).extracting(q -> q.header(WebhookSender.EVENT_ID)).containsExactlyElementsOf(ids);
            given().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }
}
