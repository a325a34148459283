package org.exposure.assessor.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Which paths are the web interface's pages, and the few of them open without a user. */
final class WebPaths {
    static final String LOGIN = "/login";
    /** Where the sign-in form posts: Quarkus's form authentication. */
    static final String SIGN_IN_POST = "/j_security_check";

    private WebPaths() {
    }

    /** A page of the web interface: not the API, not Quarkus's own endpoints, not a static asset. */
    static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/")
                || path.startsWith("/static/") || path.equals(SIGN_IN_POST) || path.equals("/favicon.ico"));
    }

    /** The sign-in page itself. */
    static boolean isOpen(String path) {
        return path.equals(LOGIN);
    }

    /** Where to come back to after signing in: a path on this service only, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || !isPage(next.split("\\?", 2)[0])
                || next.startsWith(LOGIN)) {
            return "/";
        }
        return next;
    }

    static String relative(URI uri) {
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
