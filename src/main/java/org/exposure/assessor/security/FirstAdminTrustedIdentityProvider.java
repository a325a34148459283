package org.exposure.assessor.security;

import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the first administrator from the web interface's sign-in cookie. The cookie (encrypted by Quarkus, with
 * its expiry inside) names only the user, so the identity is rebuilt here as it would be at sign-in, and only while
 * the first administrator is still the way in: once users are configured the cookie no longer opens anything.
 */
@ApplicationScoped
public class FirstAdminTrustedIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    private final FirstAdmin admin;

    FirstAdminTrustedIdentityProvider(FirstAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Before the embedded users' realm, which fails rather than passes on a user it lacks. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!FirstAdmin.USER.equals(request.getPrincipal())) {
            return Uni.createFrom().nullItem();
        }
        return context.runBlocking(() -> admin.active()
                ? QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(FirstAdmin.USER))
                        .addRoles(Set.of(Roles.ADMIN)).build()
                : null);
    }
}
