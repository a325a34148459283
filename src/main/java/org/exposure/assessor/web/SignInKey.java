package org.exposure.assessor.web;

import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Says at start-up when the web interface's sign-in cookies have no configured key. Quarkus then makes one for this
 * process and writes it to the log, where anyone who reads the log could make a cookie for any user with it; so its
 * own warning is silenced (application.properties) and this one, without the key, takes its place.
 */
@ApplicationScoped
class SignInKey {
    static final String KEY = "quarkus.http.auth.session.encryption-key";
    private static final Logger LOG = Logger.getLogger(SignInKey.class);

    private final Optional<String> key;

    SignInKey(@ConfigProperty(name = KEY) Optional<String> key) {
        this.key = key;
    }

    void onStart(@Observes StartupEvent event) {
        if (key.filter(k -> !k.isBlank()).isEmpty()) {
            LOG.warnf("%s is not set: the web interface's sign-ins are encrypted with a key made for this process, so they "
                    + "end when it restarts and other instances do not accept them; set it, the same on every instance "
                    + "(docs/web.md)", KEY);
        } else if (key.get().length() < 16) {
            LOG.warnf("%s is shorter than 16 characters; Quarkus needs at least 16 (docs/web.md)", KEY);
        }
    }
}
