package org.exposure.assessor.intake;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.security.Authentication;
import org.exposure.assessor.security.CrossSiteCheck;
import org.exposure.assessor.security.CsrfTokens;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The gate of /api/v1, before a resource is even chosen: every request there needs a user (so that an unknown path
 * tells nothing to a caller without credentials, and a wrong password or a bad token is a 401 problem like any
 * other), and a browser's cross-site request that needs no preflight must come from the service's own origin with
 * the user's X-CSRF-Token (see CrossSiteCheck). Which roles may call an endpoint is the endpoint's own declaration.
 */
public class AccessFilter {
    private static final String API = "/api/v1";
    private static final Logger LOG = Logger.getLogger(AccessFilter.class);

    private final CurrentIdentityAssociation identities;
    private final Authentication authentication;
    private final CsrfTokens tokens;
    private final List<String> allowedOrigins;

    AccessFilter(CurrentIdentityAssociation identities, Authentication authentication, CsrfTokens tokens, AssessorConfig config) {
        this.identities = identities;
        this.authentication = authentication;
        this.tokens = tokens;
        this.allowedOrigins = config.security().allowedOrigins().orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!(path.equals(API) || path.startsWith(API + "/"))) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null) {
                LOG.debugf("authentication failed on %s: %s", path, failure.toString());
                return ProblemMappers.unauthorized(authentication, path, true);
            }
            if (identity == null || identity.isAnonymous()) {
                return ProblemMappers.unauthorized(authentication, path, false);
            }
            return crossSite(request, identity, path).orElse(null);
        });
    }

    private Optional<Response> crossSite(ContainerRequestContext request, SecurityIdentity identity, String path) {
        URI self = request.getUriInfo().getRequestUri();
        String user = identity.getPrincipal().getName();
        CrossSiteCheck.Request r = new CrossSiteCheck.Request(request.getMethod(),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getHeaderString("Origin"),
                request.getHeaderString("Sec-Fetch-Site"), self,
                tokens.valid(user, request.getHeaderString(CsrfTokens.HEADER)));
        return CrossSiteCheck.refusal(r, allowedOrigins)
                .map(reason -> ProblemMappers.respond(Problem.of(ProblemType.CROSS_SITE, reason, path, List.of())));
    }
}
