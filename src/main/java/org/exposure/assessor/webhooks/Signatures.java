package org.exposure.assessor.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a delivery: {@code v1=} and the hex HMAC-SHA256, keyed with the subscription's secret (its UTF-8
 * bytes), of the Unix-seconds timestamp, a dot and the body. The timestamp is inside the signed text so that a
 * receiver can refuse an old request replayed with its signature; the version prefix leaves room for another
 * scheme without breaking receivers of this one.
 */
public final class Signatures {
    /** The prefix of the only scheme so far. */
    public static final String VERSION = "v1=";
    /** Shortest secret accepted from a client: 32 characters, at least 128 bits even from a hex or base64 generator. */
    public static final int MIN_SECRET_LENGTH = 32;
    /** Longest secret accepted, the column's size. */
    public static final int MAX_SECRET_LENGTH = 256;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** The header value for a body sent at {@code timestamp} (Unix seconds). */
    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            mac.update(body);
            return VERSION + HexFormat.of().formatHex(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is required of every JDK, and any non-empty key is valid for it.
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** A new secret: 32 random bytes (256 bits), base64url without padding (43 characters). */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
