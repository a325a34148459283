package org.exposure.assessor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.exposure.assessor.monitoring.ChangeEvent;
import org.exposure.assessor.monitoring.ChangeFeed;
import org.exposure.assessor.webhooks.DeliveryWorker;
import org.exposure.assessor.webhooks.Receiver;
import org.exposure.assessor.webhooks.WebhookDispatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/**
 * Webhooks end to end: subscriptions through the API, events appended to the changes feed, deliveries received by
 * HTTP servers on loopback and checked with the test's own HMAC code. The test profile's retry delays are 0.3 s,
 * 0.9 s, 1.5 s with at most 4 attempts, and senders poll every 0.1 s.
 */
@QuarkusTest
class WebhooksApiTest {
    private static final String HOOKS = "/api/v1/webhooks";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    DataSource dataSource;
    @Inject
    WebhookDispatcher dispatcher;

    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void removeSubscriptionsAndReceivers() {
        for (JsonNode s : Api.tree(given().get(HOOKS).then().statusCode(200).extract().asString())) {
            given().delete(HOOKS + "/" + s.get("id").asText()).then().statusCode(204);
        }
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver(java.util.function.IntUnaryOperator policy) throws Exception {
        Receiver r = Receiver.answering(policy);
        receivers.add(r);
        return r;
    }

    /** Creates a subscription and returns the creation response (the only one with the secret). */
    private static JsonNode subscribe(String body) {
        return Api.tree(given().contentType(ContentType.JSON).body(body).post(HOOKS).then().statusCode(201)
                .contentType(ContentType.JSON).extract().asString());
    }

    private static JsonNode subscribe(Receiver r, String... types) {
        String list = java.util.Arrays.stream(types).map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
        return subscribe("{\"url\":\"" + r.url() + "\",\"eventTypes\":[" + list + "]}");
    }

    /** Appends events of these types in one transaction, as the re-assessment does; returns them as stored. */
    private List<ChangeEvent> append(String... types) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                List<ChangeFeed.NewEvent> events = new ArrayList<>();
                for (String type : types) {
                    String ref = "REF-" + UUID.randomUUID();
                    ObjectNode payload = JSON.createObjectNode().put("ref", ref).put("riskLevel", "HIGH")
                            .put("note", "naïve ünïcode, \"quoted\"");
                    events.add(new ChangeFeed.NewEvent(type, UUID.randomUUID(), UUID.randomUUID(), ref, payload));
                }
                return ChangeFeed.append(c, events);
            }
        });
    }

    private static List<String> ids(List<ChangeEvent> events) {
        return events.stream().map(e -> e.id().toString()).toList();
    }

    private static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode deliveries(String id, String query) {
        return Api.tree(given().get(HOOKS + "/" + id + "/deliveries" + query).then().statusCode(200).extract().asString());
    }

    @Test
    @DisplayName("an event is POSTed with its payload unchanged, the headers, and a signature the receiver can check")
    void deliveredAndSigned() throws Exception {
        Receiver r = receiver(n -> 200);
        JsonNode created = subscribe("{\"url\":\"" + r.url() + "\",\"description\":\"case system\"}");
        String secret = created.get("secret").asText();
        String id = created.get("subscription").get("id").asText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
        assertThat(created.get("subscription").get("eventTypes")).isEmpty();

        ChangeEvent event = append(ChangeEvent.RISK_RAISED).get(0);
        Receiver.await("the delivery", WAIT, () -> !r.requestsFor(ids(List.of(event))).isEmpty());
        Receiver.Request got = r.requestsFor(ids(List.of(event))).get(0);

        assertThat(got.method()).isEqualTo("POST");
        assertThat(got.header("Content-Type")).isEqualTo("application/json");
        assertThat(got.body()).isEqualTo(event.payloadJson());
        assertThat(got.header("X-Assessor-Event-Id")).isEqualTo(event.id().toString());
        assertThat(got.header("X-Assessor-Event-Type")).isEqualTo("RISK_RAISED");
        String timestamp = got.header("X-Assessor-Timestamp");
        assertThat(Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(got.header("X-Assessor-Signature")).isEqualTo(hmac(secret, timestamp, got.body()));
        // Signed with another secret, or with the body changed, it would not verify.
        assertThat(got.header("X-Assessor-Signature")).isNotEqualTo(hmac(secret + "x", timestamp, got.body()));
        assertThat(got.header("X-Assessor-Signature")).isNotEqualTo(hmac(secret, timestamp, got.body() + " "));

        Receiver.await("the log to say DELIVERED", WAIT, () -> deliveries(id, "?status=DELIVERED").get("total").asInt() == 1);
        JsonNode d = deliveries(id, "").get("items").get(0);
        assertThat(d.get("id").asText()).isEqualTo(got.header("X-Assessor-Delivery-Id"));
        assertThat(d.get("eventId").asText()).isEqualTo(event.id().toString());
        assertThat(d.get("eventSeq").asLong()).isEqualTo(event.seq());
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(d.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(d.get("deliveredAt").isNull()).isFalse();
        assertThat(d.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    @DisplayName("a receiver failing twice then answering 200 gets three attempts of the same delivery, with growing delays")
    void retriedWithGrowingDelays() throws Exception {
        Receiver r = receiver(n -> n <= 2 ? 500 : 200);
        String id = subscribe(r).get("subscription").get("id").asText();
        ChangeEvent event = append(ChangeEvent.RISK_LOWERED).get(0);

        Receiver.await("three attempts", WAIT, () -> r.requestsFor(ids(List.of(event))).size() == 3);
        Receiver.await("the log to say DELIVERED", WAIT, () -> deliveries(id, "?status=DELIVERED").get("total").asInt() == 1);
        List<Receiver.Request> got = r.requestsFor(ids(List.of(event)));
        assertThat(got).extracting(q -> q.header("X-Assessor-Delivery-Id")).containsOnly(got.get(0).header("X-Assessor-Delivery-Id"));
        Duration first = Duration.between(got.get(0).at(), got.get(1).at());
        Duration second = Duration.between(got.get(1).at(), got.get(2).at());
        // 0.3 s then 0.9 s, each plus up to 20 % jitter and a poll interval. The wait counts from the attempt's
        // start, the receiver's times from a request's arrival: one request's transport time may come off (a run
        // measured 299.4 ms), so 50 ms are allowed below.
        assertThat(first).isBetween(Duration.ofMillis(250), Duration.ofMillis(1500));
        assertThat(second).isGreaterThanOrEqualTo(Duration.ofMillis(850)).isGreaterThan(first);
        // Each attempt is signed at its own time.
        JsonNode d = deliveries(id, "").get("items").get(0);
        assertThat(d.get("attempts").asInt()).isEqualTo(3);
        assertThat(d.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(r.requests()).hasSize(3);
        assertThat(Api.tree(given().get(HOOKS + "/" + id).then().statusCode(200).extract().asString()).get("pending").asInt()).isZero();
    }

    @Test
    @DisplayName("a receiver that always fails: FAILED after the maximum of attempts, with its status; re-sent by hand, delivered")
    void failedAfterMaxAttemptsThenResent() throws Exception {
        Receiver r = receiver(n -> 503);
        String id = subscribe(r).get("subscription").get("id").asText();
        ChangeEvent event = append(ChangeEvent.LIST_FINDINGS_CHANGED).get(0);

        Receiver.await("the log to say FAILED", WAIT, () -> deliveries(id, "?status=FAILED").get("total").asInt() == 1);
        assertThat(r.requestsFor(ids(List.of(event)))).hasSize(4);
        JsonNode d = deliveries(id, "?status=failed").get("items").get(0);
        assertThat(d.get("attempts").asInt()).isEqualTo(4);
        assertThat(d.get("lastStatus").asInt()).isEqualTo(503);
        assertThat(d.get("lastError").asText()).startsWith("HTTP 503").contains("\"received\":4");
        assertThat(d.get("nextAttemptAt").isNull()).isTrue();
        Thread.sleep(500);
        assertThat(r.requestsFor(ids(List.of(event)))).as("nothing after FAILED").hasSize(4);

        String deliveryId = d.get("id").asText();
        r.answer(n -> 204);
        long auditBefore = lastAuditSeq();
        JsonNode resent = Api.tree(given().post(HOOKS + "/" + id + "/deliveries/" + deliveryId + "/retry")
                .then().statusCode(200).extract().asString());
        assertThat(resent.get("status").asText()).isEqualTo("PENDING");
        assertThat(resent.get("attempts").asInt()).isZero();
        Receiver.await("the re-sent delivery", WAIT, () -> deliveries(id, "?status=DELIVERED").get("total").asInt() == 1);
        assertThat(r.requestsFor(ids(List.of(event)))).hasSize(5);
        assertThat(auditEvents(auditBefore)).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("WEBHOOK_DELIVERY_RESENT");
            assertThat(e.get("after").get("deliveryId").asText()).isEqualTo(deliveryId);
        });

        // Only a FAILED delivery is re-sent.
        Api.problem(given().post(HOOKS + "/" + id + "/deliveries/" + deliveryId + "/retry").then(), 409);
        Api.problem(given().post(HOOKS + "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry").then(), 404);
    }

    @Test
    @DisplayName("no answer at all (nothing listening): the error is logged and the delivery waits for its next attempt")
    void connectionRefusedIsRetried() throws Exception {
        Receiver r = receiver(n -> 200);
        String url = r.url();
        r.close();
        String id = subscribe("{\"url\":\"" + url + "\"}").get("subscription").get("id").asText();
        append(ChangeEvent.RISK_RAISED);
        Receiver.await("a failed attempt", WAIT, () -> {
            JsonNode items = deliveries(id, "").get("items");
            return items.size() == 1 && items.get(0).get("attempts").asInt() >= 1;
        });
        JsonNode d = deliveries(id, "").get("items").get(0);
        assertThat(d.get("lastStatus").isNull()).isTrue();
        assertThat(d.get("lastError").asText()).isNotBlank();
        assertThat(d.get("status").asText()).isIn("PENDING", "FAILED");
    }

    @Test
    @DisplayName("a subscription gets only the event types it asked for")
    void eventTypeFilter() throws Exception {
        Receiver lowered = receiver(n -> 200);
        Receiver all = receiver(n -> 200);
        subscribe(lowered, "RISK_LOWERED");
        subscribe(all);
        List<ChangeEvent> events = append(ChangeEvent.RISK_RAISED, ChangeEvent.RISK_LOWERED, ChangeEvent.LIST_FINDINGS_CHANGED);

        Receiver.await("every event at the unfiltered receiver", WAIT, () -> all.requestsFor(ids(events)).size() == 3);
        Receiver.await("the lowered one at the filtered receiver", WAIT, () -> lowered.requestsFor(ids(events)).size() == 1);
        Thread.sleep(300);
        assertThat(lowered.requestsFor(ids(events))).extracting(q -> q.header("X-Assessor-Event-Type")).containsExactly("RISK_LOWERED");
    }

    @Test
    @DisplayName("a paused subscription gets nothing; resumed, it gets what arrived meanwhile, in order")
    void pausedGetsNothing() throws Exception {
        Receiver paused = receiver(n -> 200);
        Receiver control = receiver(n -> 200);
        String id = subscribe(paused).get("subscription").get("id").asText();
        subscribe(control);
        JsonNode changed = Api.tree(given().contentType(ContentType.JSON).body("{\"status\":\"PAUSED\"}")
                .patch(HOOKS + "/" + id).then().statusCode(200).extract().asString());
        assertThat(changed.get("status").asText()).isEqualTo("PAUSED");

        List<ChangeEvent> events = append(ChangeEvent.RISK_RAISED, ChangeEvent.RISK_LOWERED);
        Receiver.await("the control receiver", WAIT, () -> control.requestsFor(ids(events)).size() == 2);
        Thread.sleep(500);
        assertThat(paused.requestsFor(ids(events))).isEmpty();

        given().contentType(ContentType.JSON).body("{\"status\":\"ACTIVE\"}").patch(HOOKS + "/" + id).then().statusCode(200);
        Receiver.await("the resumed receiver", WAIT, () -> paused.requestsFor(ids(events)).size() == 2);
        assertThat(paused.requestsFor(ids(events))).extracting(q -> q.header("X-Assessor-Event-Id")).containsExactlyElementsOf(ids(events));
    }

    @Test
    @DisplayName("a subscription made after events gets none of them, only those appended after it")
    void startsAtTheFeedsEnd() throws Exception {
        List<ChangeEvent> before = append(ChangeEvent.RISK_RAISED, ChangeEvent.RISK_RAISED);
        Receiver r = receiver(n -> 200);
        JsonNode s = subscribe(r).get("subscription");
        assertThat(s.get("cursorSeq").asLong()).isGreaterThanOrEqualTo(before.get(1).seq());
        List<ChangeEvent> after = append(ChangeEvent.RISK_LOWERED);
        Receiver.await("the later event", WAIT, () -> r.requestsFor(ids(after)).size() == 1);
        Thread.sleep(300);
        assertThat(r.requestsFor(ids(before))).isEmpty();
    }

    @Test
    @DisplayName("events reach a subscription in feed order: a later event waits while an earlier one is retried")
    void feedOrderKeptThroughRetries() throws Exception {
        // The first two requests fail: both are attempts of the first event, never the second one jumping ahead.
        Receiver r = receiver(n -> n <= 2 ? 500 : 200);
        subscribe(r);
        List<ChangeEvent> events = append(ChangeEvent.RISK_RAISED, ChangeEvent.RISK_LOWERED, ChangeEvent.RISK_RAISED);
        Receiver.await("every event", WAIT, () -> r.requestsFor(ids(events)).size() == 5);
        List<String> order = r.requestsFor(ids(events)).stream().map(q -> q.header("X-Assessor-Event-Id")).toList();
        List<String> e = ids(events);
        assertThat(order).containsExactly(e.get(0), e.get(0), e.get(0), e.get(1), e.get(2));
    }

    @Test
    @DisplayName("two more delivery workers racing the service's own never send one delivery twice")
    void twoWorkersNeverSendTwice() throws Exception {
        List<Receiver> rs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rs.add(receiver(n -> 200));
            subscribe(rs.get(i));
        }
        DeliveryWorker a = dispatcher.newWorker();
        DeliveryWorker b = dispatcher.newWorker();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<ChangeEvent> events = new ArrayList<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (DeliveryWorker w : List.of(a, b)) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        w.runOnce();
                    }
                }));
            }
            for (int i = 0; i < 10; i++) {
                events.addAll(append(ChangeEvent.RISK_RAISED, ChangeEvent.RISK_LOWERED, ChangeEvent.LIST_FINDINGS_CHANGED));
            }
            Receiver.await("every event at every receiver", Duration.ofSeconds(60),
                    () -> rs.stream().allMatch(r -> r.requestsFor(ids(events)).size() >= 30));
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        for (Receiver r : rs) {
            List<Receiver.Request> got = r.requestsFor(ids(events));
            Map<String, Long> perDelivery = got.stream().collect(Collectors.groupingBy(q -> q.header("X-Assessor-Delivery-Id"),
                    Collectors.counting()));
            assertThat(perDelivery).hasSize(30);
            assertThat(perDelivery.values()).containsOnly(1L);
            // And in feed order, whichever worker sent each.
            assertThat(got).extracting(q -> q.header("X-Assessor-Event-Id")).containsExactlyElementsOf(ids(events));
        }
    }

    @Test
    @DisplayName("a sender that died holding a subscription's lease holds it up only until the lease expires")
    void deadSendersLeaseExpires() throws Exception {
        Receiver r = receiver(n -> 200);
        String id = subscribe(r).get("subscription").get("id").asText();
        // What an instance that took the lease and then died leaves in the database.
        Instant until = Instant.now().plusMillis(2000);
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection();
                 java.sql.PreparedStatement ps = c.prepareStatement(
                         "UPDATE webhook_subscription SET lease_token = 'dead-instance', lease_until = ? WHERE id = ?")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(until, java.time.ZoneOffset.UTC));
                ps.setObject(2, UUID.fromString(id));
                ps.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        List<ChangeEvent> events = append(ChangeEvent.RISK_RAISED);
        Thread.sleep(1000);
        assertThat(r.requestsFor(ids(events))).as("nothing while the lease holds").isEmpty();
        Receiver.await("the delivery after the lease", WAIT, () -> r.requestsFor(ids(events)).size() == 1);
        assertThat(r.requestsFor(ids(events)).get(0).at()).isAfterOrEqualTo(until);
    }

    @Test
    @DisplayName("the secret is in the creation and rotation responses only: never in reads, nor in the audit trail")
    void secretNeverReadBack() throws Exception {
        Receiver r = receiver(n -> 200);
        String secret = "my-own-secret-" + UUID.randomUUID();
        long auditBefore = lastAuditSeq();
        JsonNode created = subscribe("{\"url\":\"" + r.url() + "\",\"secret\":\"" + secret + "\",\"eventTypes\":[\"RISK_RAISED\"]}");
        assertThat(created.get("secret").asText()).isEqualTo(secret);
        String id = created.get("subscription").get("id").asText();

        String patched = given().contentType(ContentType.JSON).body("{\"description\":\"renamed\",\"eventTypes\":[]}")
                .patch(HOOKS + "/" + id).then().statusCode(200).extract().asString();
        JsonNode rotated = Api.tree(given().post(HOOKS + "/" + id + "/rotate-secret").then().statusCode(200).extract().asString());
        String newSecret = rotated.get("secret").asText();
        assertThat(newSecret).isNotEqualTo(secret).hasSizeGreaterThanOrEqualTo(43);

        List<String> reads = List.of(patched, given().get(HOOKS).then().statusCode(200).extract().asString(),
                given().get(HOOKS + "/" + id).then().statusCode(200).extract().asString(),
                given().get(HOOKS + "/" + id + "/deliveries").then().statusCode(200).extract().asString());
        for (String read : reads) {
            assertThat(read).doesNotContain(secret).doesNotContain(newSecret).doesNotContain("\"secret\"");
        }
        String audit = given().accept(AuditResource.JSONL).get("/api/v1/audit?afterSeq=" + auditBefore).then().statusCode(200)
                .extract().asString();
        assertThat(audit).doesNotContain(secret).doesNotContain(newSecret).contains("WEBHOOK_CREATED")
                .contains("WEBHOOK_UPDATED").contains("WEBHOOK_SECRET_ROTATED");
        JsonNode update = auditEvents(auditBefore).stream().filter(e -> e.get("action").asText().equals("WEBHOOK_UPDATED"))
                .findFirst().orElseThrow();
        assertThat(update.get("actor").asText()).isEqualTo("admin");
        assertThat(update.get("before").get("eventTypes").get(0).asText()).isEqualTo("RISK_RAISED");
        assertThat(update.get("after").get("description").asText()).isEqualTo("renamed");

        // The next delivery is signed with the new secret.
        ChangeEvent event = append(ChangeEvent.RISK_LOWERED).get(0);
        Receiver.await("the delivery", WAIT, () -> r.requestsFor(ids(List.of(event))).size() == 1);
        Receiver.Request got = r.requestsFor(ids(List.of(event))).get(0);
        assertThat(got.header("X-Assessor-Signature")).isEqualTo(hmac(newSecret, got.header("X-Assessor-Timestamp"), got.body()));
    }

    @Test
    @DisplayName("ping: a signed PING sent at once, answered with its outcome and logged; a failing receiver's PING is FAILED")
    void ping() throws Exception {
        Receiver r = receiver(n -> n == 1 ? 200 : 418);
        JsonNode created = subscribe(r);
        String id = created.get("subscription").get("id").asText();
        JsonNode ok = Api.tree(given().post(HOOKS + "/" + id + "/ping").then().statusCode(200).extract().asString());
        assertThat(ok.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(ok.get("eventType").asText()).isEqualTo("PING");
        assertThat(ok.get("eventSeq").isNull()).isTrue();
        Receiver.Request got = r.requests().get(0);
        assertThat(got.header("X-Assessor-Event-Type")).isEqualTo("PING");
        assertThat(got.header("X-Assessor-Signature")).isEqualTo(hmac(created.get("secret").asText(), got.header("X-Assessor-Timestamp"), got.body()));
        JsonNode body = Api.tree(got.body());
        assertThat(body.get("type").asText()).isEqualTo("PING");
        assertThat(body.get("subscriptionId").asText()).isEqualTo(id);
        assertThat(body.get("id").asText()).isEqualTo(got.header("X-Assessor-Event-Id"));

        JsonNode failed = Api.tree(given().post(HOOKS + "/" + id + "/ping").then().statusCode(200).extract().asString());
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("lastStatus").asInt()).isEqualTo(418);
        assertThat(deliveries(id, "").get("total").asInt()).isEqualTo(2);
        // A PING is not re-sent: another is.
        Api.problem(given().post(HOOKS + "/" + id + "/deliveries/" + failed.get("id").asText() + "/retry").then(), 409);
    }

    @Test
    @DisplayName("invalid requests are problems naming the field, and store nothing")
    void validation() {
        int before = Api.tree(given().get(HOOKS).then().extract().asString()).size();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{}", "url");
        bad.put("{\"url\":\"  \"}", "url");
        bad.put("{\"url\":\"ftp://example.org/x\"}", "url");
        bad.put("{\"url\":\"not a url\"}", "url");
        bad.put("{\"url\":\"https://user:pw@example.org/x\"}", "url");
        bad.put("{\"url\":\"https:///nohost\"}", "url");
        bad.put("{\"url\":\"https://example.org/x\",\"eventTypes\":[\"RISK_RAISED\",\"NOPE\"]}", "eventTypes[1]");
        bad.put("{\"url\":\"https://example.org/x\",\"secret\":\"too-short\"}", "secret");
        bad.put("{\"url\":\"https://example.org/x\",\"secret\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}", "secret");
        bad.put("{\"url\":\"https://example.org/x\",\"secret\":\"with spaces with spaces with spaces 123\"}", "secret");
        bad.put("{\"url\":\"https://example.org/x\",\"description\":\"" + "d".repeat(501) + "\"}", "description");
        bad.put("{\"url\":\"https://example.org/x\",\"colour\":\"red\"}", "colour");
        bad.put("{\"url\":\"https://example.org/x\",\"eventTypes\":\"RISK_RAISED\"}", "eventTypes");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            JsonNode problem = Api.tree(Api.problem(given().contentType(ContentType.JSON).body(e.getKey()).post(HOOKS).then(), 400)
                    .asString());
            assertThat(problem.get("errors").get(0).get("field").asText()).as(e.getKey()).isEqualTo(e.getValue());
        }
        Api.problem(given().contentType(ContentType.JSON).body("{\"url\":").post(HOOKS).then(), 400);
        // Every offending field at once.
        JsonNode two = Api.tree(Api.problem(given().contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://example.org/x\",\"eventTypes\":[\"RISK_UP\"],\"secret\":\"short\"}").post(HOOKS).then(), 400)
                .asString());
        assertThat(two.get("errors")).extracting(e -> e.get("field").asText()).containsExactly("url", "eventTypes[0]", "secret");
        assertThat(Api.tree(given().get(HOOKS).then().extract().asString())).hasSize(before);

        String id = given().contentType(ContentType.JSON).body("{\"url\":\"https://example.org/hook\"}").post(HOOKS)
                .then().statusCode(201).extract().jsonPath().getString("subscription.id");
        JsonNode p = Api.tree(Api.problem(given().contentType(ContentType.JSON).body("{\"status\":\"STOPPED\"}")
                .patch(HOOKS + "/" + id).then(), 400).asString());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("status");
        p = Api.tree(Api.problem(given().contentType(ContentType.JSON).body("{\"url\":\"mailto:x@example.org\"}")
                .patch(HOOKS + "/" + id).then(), 400).asString());
        assertThat(p.get("errors").get(0).get("field").asText()).isEqualTo("url");
        Api.problem(given().contentType(ContentType.JSON).patch(HOOKS + "/" + id).then(), 400);
        assertThat(Api.tree(given().get(HOOKS + "/" + id).then().extract().asString()).get("url").asText())
                .isEqualTo("https://example.org/hook");

        Function<String, String> field = q -> Api.tree(Api.problem(given().get(HOOKS + "/" + id + "/deliveries" + q).then(), 400)
                .asString()).get("errors").get(0).get("field").asText();
        assertThat(field.apply("?status=LOST")).isEqualTo("status");
        assertThat(field.apply("?size=0")).isEqualTo("size");
        assertThat(field.apply("?page=-1")).isEqualTo("page");
        assertThat(field.apply("?page=x")).isEqualTo("page");

        Api.problem(given().get(HOOKS + "/" + UUID.randomUUID()).then(), 404);
        Api.problem(given().get(HOOKS + "/not-a-uuid").then(), 404);
        Api.problem(given().contentType(ContentType.JSON).body("{}").patch(HOOKS + "/" + UUID.randomUUID()).then(), 404);
        Api.problem(given().delete(HOOKS + "/" + UUID.randomUUID()).then(), 404);
        Api.problem(given().post(HOOKS + "/" + UUID.randomUUID() + "/ping").then(), 404);
        Api.problem(given().get(HOOKS + "/" + UUID.randomUUID() + "/deliveries").then(), 404);
    }

    @Test
    @DisplayName("only admins manage webhooks; a deletion is recorded and the subscription is gone")
    void adminsOnlyAndDeletion() {
        for (Users u : List.of(Users.ANALYST, Users.REVIEWER, Users.MACHINE)) {
            Api.problem(u.given().get(HOOKS).then(), 403);
            Api.problem(u.given().contentType(ContentType.JSON).body("{\"url\":\"https://example.org/x\"}").post(HOOKS).then(), 403);
        }
        Api.problem(Users.anonymous().get(HOOKS).then(), 401);
        long auditBefore = lastAuditSeq();
        io.restassured.response.Response made = given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://example.org/hook\"}").post(HOOKS);
        String id = made.then().statusCode(201).extract().jsonPath().getString("subscription.id");
        assertThat(made.header("Location")).endsWith(HOOKS + "/" + id);
        given().delete(HOOKS + "/" + id).then().statusCode(204);
        Api.problem(given().get(HOOKS + "/" + id).then(), 404);
        assertThat(auditEvents(auditBefore)).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("WEBHOOK_DELETED");
            assertThat(e.get("target").get("id").asText()).isEqualTo(id);
            assertThat(e.get("before").get("url").asText()).isEqualTo("https://example.org/hook");
        });
    }

    @Test
    @DisplayName("the OpenAPI document describes the webhook bodies (the web pages' exclusion does not catch the package)")
    void openApiHasTheSchemas() {
        JsonNode schemas = Api.tree(Users.anonymous().get("/q/openapi?format=json").then().statusCode(200).extract().asString())
                .get("components").get("schemas");
        for (String name : List.of("WebhookSubscription", "WebhookSubscriptionWithSecret", "WebhookDelivery", "WebhookDeliveryPage",
                "WebhookCreateRequest", "WebhookChangeRequest")) {
            assertThat(schemas.has(name)).as(name).isTrue();
        }
        assertThat(schemas.get("WebhookSubscription").get("properties").has("secret")).isFalse();
    }

    private static long lastAuditSeq() {
        List<JsonNode> all = auditEvents(0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).get("seq").asLong();
    }

    private static List<JsonNode> auditEvents(long afterSeq) {
        String body = given().accept(AuditResource.JSONL).get("/api/v1/audit?afterSeq=" + afterSeq).then().statusCode(200)
                .extract().asString();
        List<JsonNode> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                out.add(Api.tree(line));
            }
        }
        return out;
    }
}
