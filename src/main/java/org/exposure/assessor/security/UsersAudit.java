package org.exposure.assessor.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.microprofile.config.Config;
import org.exposure.assessor.audit.AuditTrail;
import org.exposure.assessor.audit.JdbcAuditTrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Records in the audit trail who may log in and with which roles, whenever that differs from what was recorded
 * last: users and roles live in the configuration (or at the OpenID Connect provider), not in an API, so a change
 * shows up at the start that applies it. The record holds each configured user's roles and a fingerprint of its
 * credential (the first 16 hex digits of a SHA-256 over the configured value, which is itself a hash in
 * production), so that a password change is recorded without anything that helps to guess the password; the OpenID
 * Connect settings that decide who gets in (provider URL, client, role claim); and the first administrator when
 * the service created one. Users of an OpenID Connect provider are managed there and recorded there.
 */
@ApplicationScoped
class UsersAudit {
    static final String ACTION = "USERS_CHANGED";
    static final String TARGET = "users";
    private static final String ROLES = "quarkus.security.users.embedded.roles.";

    private final Config config;
    private final Authentication authentication;
    private final JdbcAuditTrail audit;
    private final ObjectMapper mapper;
    private final FirstAdmin firstAdmin;

    UsersAudit(Config config, Authentication authentication, JdbcAuditTrail audit, ObjectMapper mapper,
               FirstAdmin firstAdmin) {
        this.config = config;
        this.authentication = authentication;
        this.audit = audit;
        this.mapper = mapper;
        this.firstAdmin = firstAdmin;
    }

    // After the first administrator is made (default priority), so that its creation is part of what is recorded.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) StartupEvent event) {
        Map<String, Object> now = snapshot();
        QuarkusTransaction.requiringNew().call(() -> recordIfChanged(now));
    }

    /** Records the snapshot unless the last recorded one is equal. In a transaction, under the trail's lock. */
    boolean recordIfChanged(Map<String, Object> now) {
        Optional<JsonNode> last = audit.lastAfterLocked(ACTION, TARGET).map(this::tree);
        JsonNode current = mapper.valueToTree(now);
        if (last.isPresent() && last.get().equals(current)) {
            return false;
        }
        audit.record(AuditTrail.SYSTEM, ACTION, TARGET, "access", last.orElse(null), now);
        return true;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> users = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(Authentication.USERS)) {
                String user = name.substring(Authentication.USERS.length());
                Optional<String> credential = config.getOptionalValue(name, String.class);
                if (credential.isEmpty() || credential.get().isBlank()) {
                    continue;
                }
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("roles", roles(user));
                u.put("credentialFingerprint", fingerprint(credential.get()));
                users.put(user, u);
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("embeddedUsers", users);
        Map<String, Object> oidc = new LinkedHashMap<>();
        oidc.put("enabled", authentication.oidc());
        if (authentication.oidc()) {
            for (String key : List.of("auth-server-url", "client-id", "roles.role-claim-path", "token.issuer",
                    "token.audience")) {
                config.getOptionalValue("quarkus.oidc." + key, String.class).ifPresent(v -> oidc.put(key, v));
            }
        }
        s.put("oidc", oidc);
        s.put("firstAdmin", firstAdmin());
        return s;
    }

    private List<String> roles(String user) {
        List<String> out = new ArrayList<>();
        config.getOptionalValue(ROLES + user, String.class).ifPresent(v -> {
            for (String r : v.split(",")) {
                if (!r.isBlank()) {
                    out.add(r.strip());
                }
            }
        });
        out.sort(null);
        return out;
    }

    private Map<String, Object> firstAdmin() {
        if (!firstAdmin.active()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user", FirstAdmin.USER);
        m.put("roles", List.of(Roles.ADMIN));
        return m;
    }

    static String fingerprint(String credential) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(credential.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            // Not what this class writes: treat it as different, so that the current state is recorded.
            return mapper.nullNode();
        }
    }
}
