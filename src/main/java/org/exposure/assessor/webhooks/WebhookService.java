package org.exposure.assessor.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.monitoring.ChangeEvent;
import org.exposure.assessor.monitoring.ChangeFeed;
import org.exposure.assessor.persistence.TimeOrderedIds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Webhook subscriptions as admins manage them: validated, stored with their change in the audit trail in one
 * transaction (never the secret), and their delivery log. Sending is {@link DeliveryWorker}'s, except the test
 * event of {@link #ping}, which is sent at once.
 */
@ApplicationScoped
public class WebhookService {
    /** Target type of the audit events. */
    public static final String AUDIT_TARGET = "webhook";
    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
    static final int MAX_URL = 2000;
    static final int MAX_DESCRIPTION = 500;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final ChangeFeed feed;
    private final AuditTrail audit;
    private final ObjectMapper mapper;

    WebhookService(WebhookStore store, WebhookSender sender, ChangeFeed feed, AuditTrail audit, ObjectMapper mapper) {
        this.store = store;
        this.sender = sender;
        this.feed = feed;
        this.audit = audit;
        this.mapper = mapper;
    }

    /** What a client asks for when creating: every field may be absent except the URL. */
    public record NewSubscription(String url, List<String> eventTypes, String secret, String description) {
    }

    /** A change: each null field stays as it is; an empty {@code eventTypes} means every type. */
    public record Changes(String url, List<String> eventTypes, String description, String status) {
    }

    public Subscription.CreatedSubscription create(NewSubscription request, String actor) {
        if (request == null) {
            throw WebhookException.invalid("(body)", "is required: {\"url\": \"https://...\"}");
        }
        Checks checks = new Checks();
        String url = checks.run(() -> url(request.url()));
        List<String> types = checks.run(() -> eventTypes(request.eventTypes()));
        String description = checks.run(() -> description(request.description()));
        String secret = request.secret() == null ? Signatures.newSecret() : checks.run(() -> secret(request.secret()));
        checks.done();
        String stored = description == null || description.isEmpty() ? null : description;
        UUID id = TimeOrderedIds.next();
        Instant now = Instant.now();
        return store.inTransaction(c -> {
            // From the feed's current end: a new subscriber gets what happens from now on, not the history.
            store.insert(c, id, url, types, secret, stored, actor, now, feed.last());
            Subscription s = store.lock(c, id).orElseThrow().subscription();
            audit.record(actor, "WEBHOOK_CREATED", AUDIT_TARGET, id.toString(), null, state(s));
            return new Subscription.CreatedSubscription(s, secret);
        });
    }

    public List<Subscription> all() {
        return store.all();
    }

    public Subscription get(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    public Subscription update(UUID id, Changes changes, String actor) {
        if (changes == null) {
            throw WebhookException.invalid("(body)", "is required: the fields to change (url, eventTypes, description, status)");
        }
        Checks checks = new Checks();
        String url = changes.url() == null ? null : checks.run(() -> url(changes.url()));
        List<String> types = changes.eventTypes() == null ? null : checks.run(() -> eventTypes(changes.eventTypes()));
        String description = changes.description() == null ? null : checks.run(() -> description(changes.description()));
        String status = changes.status() == null ? null : checks.run(() -> status(changes.status()));
        checks.done();
        return store.inTransaction(c -> {
            Subscription before = store.lock(c, id).orElseThrow(() -> notFound(id)).subscription();
            store.update(c, id, url == null ? before.url() : url, types == null ? before.eventTypes() : types,
                    description == null ? before.description() : description.isEmpty() ? null : description,
                    status == null ? before.status() : status, Instant.now());
            Subscription after = store.lock(c, id).orElseThrow().subscription();
            audit.record(actor, "WEBHOOK_UPDATED", AUDIT_TARGET, id.toString(), state(before), state(after));
            return after;
        });
    }

    /** A new generated secret, in force for every attempt from now on. */
    public Subscription.CreatedSubscription rotateSecret(UUID id, String actor) {
        String secret = Signatures.newSecret();
        Instant now = Instant.now();
        return store.inTransaction(c -> {
            Subscription before = store.lock(c, id).orElseThrow(() -> notFound(id)).subscription();
            store.updateSecret(c, id, secret, now);
            Subscription after = store.lock(c, id).orElseThrow().subscription();
            Map<String, Object> rotated = state(after);
            rotated.put("secretRotatedAt", now.toString());
            audit.record(actor, "WEBHOOK_SECRET_ROTATED", AUDIT_TARGET, id.toString(), state(before), rotated);
            return new Subscription.CreatedSubscription(after, secret);
        });
    }

    public void delete(UUID id, String actor) {
        store.inTransaction(c -> {
            Subscription before = store.lock(c, id).orElseThrow(() -> notFound(id)).subscription();
            store.delete(c, id);
            audit.record(actor, "WEBHOOK_DELETED", AUDIT_TARGET, id.toString(), state(before), null);
            return null;
        });
    }

    /** The delivery log, newest first; {@code status} null for every status. */
    public Delivery.Page deliveries(UUID id, String status, int page, int size) {
        get(id);
        String s = status == null ? null : status.strip().toUpperCase(Locale.ROOT);
        if (s != null && !List.of(Delivery.PENDING, Delivery.DELIVERED, Delivery.FAILED).contains(s)) {
            throw WebhookException.invalid("status", "must be PENDING, DELIVERED or FAILED");
        }
        return store.deliveries(id, s, page, size);
    }

    /**
     * Sends a FAILED delivery again, with a new series of attempts from now. It goes before the subscription's other
     * pending events, being older than they are.
     */
    public Delivery resend(UUID id, UUID deliveryId, String actor) {
        return store.inTransaction(c -> {
            store.lock(c, id).orElseThrow(() -> notFound(id));
            Delivery before = store.delivery(c, id, deliveryId).orElseThrow(() -> WebhookException.notFound(
                    "subscription " + id + " has no delivery " + deliveryId));
            if (before.eventSeq() == null) {
                throw WebhookException.conflict("a PING is not sent again; send another with POST /api/v1/webhooks/" + id + "/ping");
            }
            if (!Delivery.FAILED.equals(before.status())) {
                throw WebhookException.conflict("delivery " + deliveryId + " is " + before.status() + "; only a FAILED one is sent again");
            }
            store.resend(c, deliveryId, Instant.now());
            Delivery after = store.delivery(c, id, deliveryId).orElseThrow();
            audit.record(actor, "WEBHOOK_DELIVERY_RESENT", AUDIT_TARGET, id.toString(), deliveryState(before),
                    deliveryState(after));
            return after;
        });
    }

    /**
     * Sends a signed test event of type PING now, paused or not, and logs it as a delivery that is not retried. Its
     * body: {@code {"id": ..., "type": "PING", "createdAt": ..., "subscriptionId": ...}}.
     */
    public Delivery ping(UUID id) {
        WebhookStore.Stored s = store.inTransaction(c -> store.lock(c, id)).orElseThrow(() -> notFound(id));
        UUID eventId = TimeOrderedIds.next();
        UUID deliveryId = TimeOrderedIds.next();
        ObjectNode body = mapper.createObjectNode();
        body.put("id", eventId.toString());
        body.put("type", Delivery.PING);
        body.put("createdAt", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString());
        body.put("subscriptionId", id.toString());
        WebhookSender.Outcome out = sender.send(s.subscription().url(), s.secret(), deliveryId, eventId, Delivery.PING,
                body.toString());
        return store.insertPing(deliveryId, id, eventId, new WebhookStore.Attempt(out.at(), out.status(), out.error(),
                out.delivered(), null));
    }

    // ---- validation ---------------------------------------------------------------------------------------

    static String url(String value) {
        if (value == null || value.isBlank()) {
            throw WebhookException.invalid("url", "is required: the receiver's http or https URL");
        }
        String v = value.strip();
        if (v.length() > MAX_URL) {
            throw WebhookException.invalid("url", "is longer than " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw WebhookException.invalid("url", "is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw WebhookException.invalid("url", "must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw WebhookException.invalid("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            // Reads show the URL; credentials in it would be shown to every admin and kept in the audit trail.
            throw WebhookException.invalid("url", "must not carry a user or password; receivers authenticate the sender by the signature");
        }
        if (uri.getRawFragment() != null) {
            throw WebhookException.invalid("url", "must not have a fragment (#...), which is never sent");
        }
        return v;
    }

    static List<String> eventTypes(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String t = values.get(i);
            if (t == null || !ChangeEvent.TYPES.contains(t.strip())) {
                throw WebhookException.invalid("eventTypes[" + i + "]", "must be one of " + String.join(", ", ChangeEvent.TYPES));
            }
            if (!out.contains(t.strip())) {
                out.add(t.strip());
            }
        }
        // Every type listed is the same as none listed; stored as none, so that a type added later is included too.
        return out.size() == ChangeEvent.TYPES.size() ? List.of() : List.copyOf(out);
    }

    static String secret(String value) {
        if (value.length() < Signatures.MIN_SECRET_LENGTH || value.length() > Signatures.MAX_SECRET_LENGTH) {
            throw WebhookException.invalid("secret", "must be " + Signatures.MIN_SECRET_LENGTH + " to "
                    + Signatures.MAX_SECRET_LENGTH + " characters (leave it out to have one generated)");
        }
        if (!value.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            throw WebhookException.invalid("secret", "must be printable ASCII without spaces, so that receivers read the same bytes");
        }
        if (value.chars().distinct().count() < 8) {
            throw WebhookException.invalid("secret", "has too few distinct characters to be a secret");
        }
        return value;
    }

    static String description(String value) {
        String v = value == null ? null : value.strip();
        if (v != null && v.length() > MAX_DESCRIPTION) {
            throw WebhookException.invalid("description", "is longer than " + MAX_DESCRIPTION + " characters");
        }
        return v == null || v.isEmpty() ? (value == null ? null : "") : v;
    }

    static String status(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (!v.equals(ACTIVE) && !v.equals(PAUSED)) {
            throw WebhookException.invalid("status", "must be ACTIVE or PAUSED");
        }
        return v;
    }

    /** Runs each field's check, keeping every refusal, so that all the offending fields are named together. */
    private static final class Checks {
        private final List<WebhookException.Invalid> invalid = new ArrayList<>();

        <T> T run(java.util.function.Supplier<T> check) {
            try {
                return check.get();
            } catch (WebhookException e) {
                invalid.addAll(e.invalid());
                return null;
            }
        }

        void done() {
            if (!invalid.isEmpty()) {
                throw WebhookException.invalid(invalid);
            }
        }
    }

    private static WebhookException notFound(UUID id) {
        return WebhookException.notFound("no webhook subscription with id " + id);
    }

    /** What the audit trail keeps of a subscription: everything a read shows but the counters; never the secret. */
    private static Map<String, Object> state(Subscription s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", s.url());
        m.put("eventTypes", s.eventTypes());
        m.put("description", s.description());
        m.put("status", s.status());
        return m;
    }

    private static Map<String, Object> deliveryState(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deliveryId", d.id().toString());
        m.put("eventId", d.eventId().toString());
        m.put("eventSeq", d.eventSeq());
        m.put("status", d.status());
        m.put("attempts", d.attempts());
        return m;
    }
}
