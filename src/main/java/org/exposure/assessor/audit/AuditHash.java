package org.exposure.assessor.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one definition of what an event's hash covers (docs/audit.md describes it byte for byte, so that it can be
 * recomputed with other tools): the text {@code audit-v1} and a line feed, then nine fields in a fixed order, each
 * written as its length in UTF-8 bytes (decimal), a colon, the bytes and a line feed; a missing before or after
 * state is written as length {@code -1} with no bytes. A length in front of every field, rather than a separator
 * between them, makes the encoding unambiguous whatever the fields hold.
 */
public final class AuditHash {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** The time as hashed and exported: UTC, always six fraction digits. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final byte[] VERSION = "audit-v1\n".getBytes(StandardCharsets.US_ASCII);

    private AuditHash() {
    }

    /** The hash the event must carry, computed from its other fields. */
    public static String of(AuditEvent e) {
        return of(e.seq(), e.recordedAt(), e.actor(), e.action(), e.targetType(), e.targetId(), e.beforeJson(),
                e.afterJson(), e.prevHash());
    }

    public static String of(long seq, Instant recordedAt, String actor, String action, String targetType,
                            String targetId, String beforeJson, String afterJson, String prevHash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    encode(seq, recordedAt, actor, action, targetType, targetId, beforeJson, afterJson, prevHash)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The bytes that are hashed. */
    public static byte[] encode(long seq, Instant recordedAt, String actor, String action, String targetType,
                                String targetId, String beforeJson, String afterJson, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(VERSION);
        field(out, Long.toString(seq));
        field(out, time(recordedAt));
        field(out, actor);
        field(out, action);
        field(out, targetType);
        field(out, targetId);
        field(out, beforeJson);
        field(out, afterJson);
        field(out, prevHash);
        return out.toByteArray();
    }

    /** The time as stored, hashed and exported: truncated to microseconds, the precision both databases keep. */
    public static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes("-1:\n".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(bytes);
        out.write('\n');
    }

    /**
     * The mapper {@link #canonicalJson} needs: the application's modules, but dates always as ISO-8601 text and no
     * indentation, whatever the application's own settings, so that the same state always reads the same.
     */
    public static ObjectMapper canonicalMapper(ObjectMapper base) {
        return base.copy().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS).disable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * A value as canonical JSON: object keys sorted (by UTF-16 code units, as {@link String#compareTo}), no white
     * space, written by Jackson with a {@link #canonicalMapper}. Null stays null: no state.
     * The stored text is what is hashed, so a verifier never has to reproduce this; it only has to be stable here,
     * so that the same state always reads the same in the trail.
     */
    public static String canonicalJson(ObjectMapper mapper, Object value) {
        if (value == null) {
            return null;
        }
        JsonNode tree = value instanceof JsonNode n ? n : mapper.valueToTree(value);
        try {
            return mapper.writeValueAsString(sorted(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an audit state cannot be written as JSON: " + e.getMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.put(f.getKey(), sorted(f.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sorted(n)));
            return out;
        }
        return node;
    }
}
