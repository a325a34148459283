package org.exposure.assessor.security;

import java.util.HashSet;
import java.util.Set;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds the roles a role implies (admin => reviewer => analyst) to every identity, whichever mechanism made it
 * (embedded users, the first administrator, a bearer token), so that a user or a token needs only its highest role
 * and every endpoint names the lowest role that may call it. The machine role implies nothing and is implied by
 * nothing: a batch system must never gain a person's rights, nor a person a batch system's view of its own jobs.
 */
@ApplicationScoped
public class ImpliedRoles implements SecurityIdentityAugmentor {

    /** The given roles with every role they imply. */
    public static Set<String> close(Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        if (all.contains(Roles.ADMIN)) {
            all.add(Roles.REVIEWER);
        }
        if (all.contains(Roles.REVIEWER)) {
            all.add(Roles.ANALYST);
        }
        return all;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> all = close(identity.getRoles());
        if (all.equals(identity.getRoles())) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(all).build());
    }
}
