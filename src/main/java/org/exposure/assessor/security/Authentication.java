package org.exposure.assessor.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.Config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Which ways of logging in this installation has, read once from Quarkus's own settings: users configured under
 * {@code quarkus.security.users.embedded.users.*}, an OpenID Connect provider ({@code quarkus.oidc.auth-server-url}
 * or a local {@code quarkus.oidc.public-key}), or neither, in which case the first administrator created at the
 * first start is the only user.
 */
@ApplicationScoped
public class Authentication {
    /** The realm named in the Basic challenge. */
    public static final String REALM = "assessor";
    /** The prefix of the embedded users' settings: {@code quarkus.security.users.embedded.users.<user>=<hash>}. */
    static final String USERS = "quarkus.security.users.embedded.users.";
    private static final String USERS_ENV = "QUARKUS_SECURITY_USERS_EMBEDDED_USERS_";

    private final boolean embeddedUsers;
    private final boolean oidc;

    @Inject
    Authentication(Config config) {
        this(hasEmbeddedUsers(config, System.getenv()), hasOidc(config));
    }

    Authentication(boolean embeddedUsers, boolean oidc) {
        this.embeddedUsers = embeddedUsers;
        this.oidc = oidc;
    }

    static boolean hasEmbeddedUsers(Config config, Map<String, String> env) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(USERS) && config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).isPresent()) {
                return true;
            }
        }
        return env.keySet().stream().anyMatch(k -> k.startsWith(USERS_ENV));
    }

    static boolean hasOidc(Config config) {
        boolean enabled = config.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true);
        return enabled && (config.getOptionalValue("quarkus.oidc.auth-server-url", String.class).isPresent()
                || config.getOptionalValue("quarkus.oidc.public-key", String.class).isPresent());
    }

    /** Whether users are configured in the service's own settings. */
    public boolean embeddedUsers() {
        return embeddedUsers;
    }

    /** Whether bearer tokens of an OpenID Connect provider are accepted. */
    public boolean oidc() {
        return oidc;
    }

    /** Whether the first administrator (created by the service itself) is the way in. */
    public boolean firstAdmin() {
        return !embeddedUsers && !oidc;
    }

    /** The WWW-Authenticate challenges of a 401: Basic always, Bearer when tokens are accepted. */
    public List<String> challenges() {
        List<String> out = new ArrayList<>();
        out.add("Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        if (oidc) {
            out.add("Bearer realm=\"" + REALM + "\"");
        }
        return out;
    }
}
