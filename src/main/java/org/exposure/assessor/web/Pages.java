package org.exposure.assessor.web;

import org.exposure.assessor.security.CsrfTokens;
import org.exposure.assessor.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.Response;

/** The frame of each page for the signed-in user, and the check of a posted form's token. */
@RequestScoped
public class Pages {
    /** The name of the hidden field every form of the web interface carries. */
    public static final String CSRF_FIELD = "_csrf";

    private final SecurityIdentity identity;
    private final CsrfTokens tokens;

    Pages(SecurityIdentity identity, CsrfTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    public Page page(String title, String section) {
        String user = identity.getPrincipal().getName();
        boolean analyst = identity.hasRole(Roles.ANALYST);
        return new Page(title, section, user, analyst, identity.hasRole(Roles.REVIEWER), identity.hasRole(Roles.ADMIN),
                !analyst && identity.hasRole(Roles.MACHINE), tokens.token(user));
    }

    public String user() {
        return identity.getPrincipal().getName();
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** Refuses a posted form without the user's token: it did not come from one of this service's pages. */
    public void checkForm(String token) {
        if (!tokens.valid(user(), token)) {
            throw new WebError(Response.Status.FORBIDDEN, "This form has expired or did not come from this service.",
                    "Go back, reload the page and send the form again.");
        }
    }
}
