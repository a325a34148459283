package org.exposure.assessor.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.security.CrossSiteCheck;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The gate of the web interface's pages: a visitor without a user is sent to the sign-in page (and back to where
 * they were going afterwards), and a page's form may be posted only from the service's own pages. The sign-in
 * cookie is SameSite=Strict, so another site's form arrives without it; the Origin check and each form's token
 * (checked by the page that receives it) hold even for a browser that ignores SameSite.
 */
public class WebGate {
    private final CurrentIdentityAssociation identities;
    private final List<String> allowedOrigins;

    WebGate(CurrentIdentityAssociation identities, AssessorConfig config) {
        this.identities = identities;
        this.allowedOrigins = config.security().allowedOrigins().orElse(List.of());
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!WebPaths.isPage(path) || WebPaths.isOpen(path)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().onItemOrFailure().transform((identity, failure) -> {
            if (failure != null || identity == null || identity.isAnonymous()) {
                return signIn(request);
            }
            return crossSite(request).orElse(null);
        });
    }

    private static Response signIn(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String next = "GET".equals(request.getMethod()) ? WebPaths.relative(uri) : "/";
        return Response.seeOther(URI.create(WebPaths.LOGIN + "?next=" + WebPaths.encode(next))).build();
    }

    private Optional<Response> crossSite(ContainerRequestContext request) {
        // The form's own token is checked by the page; here only where the request comes from.
        CrossSiteCheck.Request r = new CrossSiteCheck.Request(request.getMethod(),
                request.getHeaderString(HttpHeaders.CONTENT_TYPE), request.getHeaderString("Origin"),
                request.getHeaderString("Sec-Fetch-Site"), request.getUriInfo().getRequestUri(), true);
        return CrossSiteCheck.refusal(r, allowedOrigins).map(reason -> Response.status(403)
                .type("text/plain;charset=UTF-8").entity("Refused: " + reason + ".").build());
    }
}
