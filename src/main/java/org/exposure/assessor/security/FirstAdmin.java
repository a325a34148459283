package org.exposure.assessor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The administrator of an installation that has neither configured users nor an OpenID Connect provider. Rather
 * than a default password that would open every such installation, the first start creates user {@code admin}
 * with a random password, keeps only its bcrypt hash in the database and writes the password to the log once;
 * later starts, and every other instance on the same database, reuse the hash and never log a password.
 */
@ApplicationScoped
public class FirstAdmin {
    public static final String USER = "admin";
    static final int PASSWORD_LENGTH = 24;
    // No characters that are easily confused when read from a log (0/O, 1/l/I).
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Authentication authentication;
    private final DataSource dataSource;
    private volatile String hash;
    // SHA-256 of the last password that passed bcrypt, so that every request need not pay for bcrypt again.
    private volatile byte[] verified;

    FirstAdmin(Authentication authentication, DataSource dataSource) {
        this.authentication = authentication;
        this.dataSource = dataSource;
    }

    void onStart(@Observes StartupEvent event) throws SQLException {
        if (!authentication.firstAdmin()) {
            return;
        }
        ensureCreated().ifPresent(password -> LOG.warnf("No users are configured and no OpenID Connect provider: "
                + "created user '%s' (role %s) with password %s%nIt is shown this once and kept only as a hash. Log in "
                + "with HTTP Basic, then configure users (quarkus.security.users.embedded.*) or an OpenID Connect "
                + "provider (quarkus.oidc.tenant-enabled and auth-server-url) as docs/security.md describes; this user then stops working.",
                USER, Roles.ADMIN, password));
    }

    /**
     * Creates the first administrator unless it exists, and reads its hash. Returns the password when this call
     * created it: of several instances starting at once on one database, exactly one.
     */
    Optional<String> ensureCreated() throws SQLException {
        Optional<String> stored = storedHash();
        String created = null;
        if (stored.isEmpty()) {
            String password = newPassword();
            if (SharedRows.insertOnce(dataSource,
                    "INSERT INTO security_user (username, password_hash, roles, created_at) VALUES (?, ?, ?, ?)",
                    USER, BcryptUtil.bcryptHash(password), Roles.ADMIN)) {
                created = password;
            }
            stored = storedHash();
        }
        hash = stored.orElseThrow(() -> new IllegalStateException("the first administrator was not stored"));
        return Optional.ofNullable(created);
    }

    private Optional<String> storedHash() throws SQLException {
        return SharedRows.read(dataSource, "SELECT password_hash FROM security_user WHERE username = ?", USER);
    }

    /** Whether this is the way in on this installation (and the user has been created or read). */
    public boolean active() {
        return authentication.firstAdmin() && hash != null;
    }

    /** Whether the password is the first administrator's; slow (bcrypt) the first time a password is seen. */
    public boolean matches(String password) {
        String h = hash;
        if (h == null || password == null) {
            return false;
        }
        byte[] digest = sha256(password);
        byte[] known = verified;
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return true;
        }
        if (BcryptUtil.matches(password, h)) {
            verified = digest;
            return true;
        }
        return false;
    }

    static String newPassword() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
