package org.exposure.assessor.security;

import io.quarkus.security.identity.SecurityIdentity;

/** The name under which a request's caller is recorded: in stored assessments, decisions and the audit trail. */
public final class Callers {
    /** Recorded for a request that carried no identity (only possible where an endpoint allows it). */
    public static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    public static String name(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? ANONYMOUS : identity.getPrincipal().getName();
    }
}
