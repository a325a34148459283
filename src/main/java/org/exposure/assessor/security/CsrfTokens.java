package org.exposure.assessor.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.exposure.assessor.config.AssessorConfig;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.enterprise.event.Observes;

/**
 * The X-CSRF-Token of each user: HMAC-SHA256 over the user name. The key is the same on every instance on the
 * database (configured, or generated once and kept there), so that a token given by one instance is accepted by
 * all; a token names no session, so a browser client fetches it once (GET /api/v1/session) and keeps it.
 */
@ApplicationScoped
public class CsrfTokens {
    public static final String HEADER = "X-CSRF-Token";
    static final int MIN_SECRET_LENGTH = 32;
    private static final String SECRET_NAME = "csrf-key";

    private final AssessorConfig config;
    private final DataSource dataSource;
    private volatile byte[] key;

    @Inject
    CsrfTokens(AssessorConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /** For tests of the token itself. */
    CsrfTokens(byte[] key) {
        this.config = null;
        this.dataSource = null;
        this.key = key.clone();
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        Optional<String> configured = config.security().csrfSecret();
        if (configured.isPresent()) {
            if (configured.get().length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("assessor.security.csrf-secret must hold at least " + MIN_SECRET_LENGTH
                        + " characters");
            }
            key = configured.get().getBytes(StandardCharsets.UTF_8);
            return;
        }
        String select = "SELECT secret_value FROM security_secret WHERE name = ?";
        Optional<String> stored = SharedRows.read(dataSource, select, SECRET_NAME);
        if (stored.isEmpty()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            SharedRows.insertOnce(dataSource, "INSERT INTO security_secret (name, secret_value, created_at) VALUES (?, ?, ?)",
                    SECRET_NAME, Base64.getEncoder().encodeToString(random), null);
            stored = SharedRows.read(dataSource, select, SECRET_NAME);
        }
        key = Base64.getDecoder().decode(stored.orElseThrow(() -> new IllegalStateException("no " + SECRET_NAME + " stored")));
    }

    /** The user's token. */
    public String token(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether the token is the user's, compared in constant time. */
    public boolean valid(String user, String token) {
        if (user == null || token == null || token.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(token(user).getBytes(StandardCharsets.US_ASCII), token.strip().getBytes(StandardCharsets.UTF_8));
    }
}
