package org.exposure.assessor.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves no tenant of its own: every request uses the tenant of {@code quarkus.oidc.*}. It exists because
 * Quarkus OIDC (3.33) refuses to start when {@code quarkus.oidc.auth-server-url} is unset, unless a tenant resolver
 * is registered, in which case the unconfigured default tenant is disabled instead. With it, an installation
 * without an OpenID Connect provider starts (users and Basic only), and one with a provider needs only the
 * provider's settings, not an extra switch.
 */
@ApplicationScoped
public class OidcWhenConfigured implements TenantConfigResolver {
    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        return Uni.createFrom().nullItem();
    }
}
