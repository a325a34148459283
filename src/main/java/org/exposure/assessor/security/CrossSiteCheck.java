package org.exposure.assessor.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a request may be one a browser sent on behalf of another site. A browser sends a POST of text/plain,
 * a form or multipart without asking first (no CORS preflight), with the Basic credentials it has cached for this
 * service, so such a request is accepted only from the service's own origin (or a configured one) and with the
 * user's X-CSRF-Token, which another site cannot read. A request without a browser's marks (no Origin, no
 * Sec-Fetch-Site: curl, a batch system) is not concerned; nor is a JSON body, which a browser sends cross-site only
 * after a preflight this service never grants.
 */
public final class CrossSiteCheck {
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> NO_PREFLIGHT_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private CrossSiteCheck() {
    }

    /** What a request says about itself, as far as this check needs it. */
    public record Request(String method, String contentType, String origin, String secFetchSite, URI self,
                          boolean tokenValid) {
    }

    /** Why the request is refused, or empty when it may go on. */
    public static Optional<String> refusal(Request r, List<String> allowedOrigins) {
        if (!UNSAFE.contains(r.method().toUpperCase(Locale.ROOT)) || !noPreflight(r.contentType())) {
            return Optional.empty();
        }
        if (blank(r.origin()) && blank(r.secFetchSite())) {
            return Optional.empty();
        }
        String origin = blank(r.origin()) ? null : r.origin().strip();
        if (origin == null || !(sameOrigin(origin, r.self()) || allowedOrigins.stream().anyMatch(a -> sameOrigin(origin, a)))) {
            return Optional.of("a browser request of this kind (" + describe(r.contentType()) + ") is accepted only from this "
                    + "service's own origin" + (allowedOrigins.isEmpty() ? "" : " or assessor.security.allowed-origins")
                    + "; its Origin is " + (origin == null ? "absent" : origin));
        }
        if (!r.tokenValid()) {
            return Optional.of("a browser request of this kind (" + describe(r.contentType()) + ") needs the user's "
                    + CsrfTokens.HEADER + " header (GET /api/v1/session gives it)");
        }
        return Optional.empty();
    }

    /** Whether a browser may send a body of this type cross-site without a preflight. */
    static boolean noPreflight(String contentType) {
        if (blank(contentType)) {
            return true;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || NO_PREFLIGHT_TYPES.contains(type);
    }

    static boolean sameOrigin(String origin, String other) {
        try {
            return sameOrigin(origin, new URI(other.strip()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    static boolean sameOrigin(String origin, URI self) {
        if (self == null || self.getScheme() == null || self.getHost() == null) {
            return false;
        }
        URI o;
        try {
            o = new URI(origin);
        } catch (URISyntaxException e) {
            return false;
        }
        if (o.getScheme() == null || o.getHost() == null) {
            return false; // "null", an opaque origin
        }
        return o.getScheme().equalsIgnoreCase(self.getScheme()) && o.getHost().equalsIgnoreCase(self.getHost())
                && port(o) == port(self);
    }

    private static int port(URI u) {
        if (u.getPort() != -1) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String describe(String contentType) {
        return blank(contentType) ? "no Content-Type" : contentType.split(";", 2)[0].strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
