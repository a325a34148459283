package org.exposure.assessor.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Who an event is recorded for: the user of the request being served. A request without a user is recorded as
 * {@link #ANONYMOUS}, not as {@link AuditTrail#SYSTEM}: the service did not act by itself, someone unknown did.
 * Work the service starts by itself (start-up imports, scheduled downloads) passes {@link AuditTrail#SYSTEM}
 * explicitly rather than asking here.
 */
@ApplicationScoped
public class Actors {
    public static final String ANONYMOUS = "anonymous";

    private final Instance<SecurityIdentity> identity;

    Actors(Instance<SecurityIdentity> identity) {
        this.identity = identity;
    }

    /** The user of the current request, {@link #ANONYMOUS} without one; {@link AuditTrail#SYSTEM} outside a request. */
    public String current() {
        if (!Arc.container().requestContext().isActive() || !identity.isResolvable()) {
            return Arc.container().requestContext().isActive() ? ANONYMOUS : AuditTrail.SYSTEM;
        }
        SecurityIdentity id = identity.get();
        if (id == null || id.isAnonymous() || id.getPrincipal() == null) {
            return ANONYMOUS;
        }
        return id.getPrincipal().getName();
    }
}
