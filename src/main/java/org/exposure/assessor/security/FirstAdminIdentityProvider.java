package org.exposure.assessor.security;

import java.util.Set;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks HTTP Basic credentials against the first administrator, on installations where it is the way in. It is
 * asked before the embedded users' realm (which would refuse the user) and answers nothing, so that the realm
 * decides, for any other user name or when inactive.
 */
@ApplicationScoped
public class FirstAdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private final FirstAdmin admin;

    FirstAdminIdentityProvider(FirstAdmin admin) {
        this.admin = admin;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Before the embedded users' realm (default priority), which fails rather than passes on a user it lacks. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 100;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!admin.active() || !FirstAdmin.USER.equals(request.getUsername())) {
            return Uni.createFrom().nullItem();
        }
        String password = new String(request.getPassword().getPassword());
        // bcrypt takes tens of milliseconds: never on the event loop.
        return context.runBlocking(() -> {
            if (!admin.matches(password)) {
                throw new AuthenticationFailedException("wrong password");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(FirstAdmin.USER))
                    .addRoles(Set.of(Roles.ADMIN)).build();
        });
    }
}
