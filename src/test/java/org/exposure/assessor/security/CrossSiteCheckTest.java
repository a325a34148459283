package org.exposure.assessor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CrossSiteCheckTest {
    private static final URI SELF = URI.create("https://assessor.example.org/api/v1/lists/UN");

    private static CrossSiteCheck.Request req(String method, String type, String origin, String site, boolean token) {
        return new CrossSiteCheck.Request(method, type, origin, site, SELF, token);
    }

    @Test
    @DisplayName("a no-preflight POST from another origin is refused, with or without a token")
    void otherOrigin() {
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null, ""}) {
            assertThat(CrossSiteCheck.refusal(req("POST", type, "https://evil.example", null, true), List.of()))
                    .as(type).hasValueSatisfying(r -> assertThat(r).contains("https://evil.example"));
        }
        assertThat(CrossSiteCheck.refusal(req("DELETE", null, "https://evil.example", "cross-site", false), List.of())).isPresent();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "null", null, true), List.of())).isPresent();
        // Sec-Fetch-Site alone: a browser whose Origin is unknown
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", null, "same-origin", true), List.of())).isPresent();
    }

    @Test
    @DisplayName("the own origin (default port or written out) or a configured one passes only with the token")
    void ownOrigin() {
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "https://assessor.example.org", null, true), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "https://ASSESSOR.example.org:443", null, true), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "https://assessor.example.org", null, false), List.of()))
                .hasValueSatisfying(r -> assertThat(r).contains("X-CSRF-Token"));
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "http://assessor.example.org", null, true), List.of())).isPresent();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", "https://assessor.example.org:8443", null, true), List.of())).isPresent();
        List<String> allowed = List.of("https://portal.example.org");
        assertThat(CrossSiteCheck.refusal(req("POST", "multipart/form-data", "https://portal.example.org", null, true), allowed)).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "multipart/form-data", "https://portal.example.org", null, false), allowed)).isPresent();
    }

    @Test
    @DisplayName("not concerned: safe methods, bodies that need a preflight, and clients without a browser's marks")
    void notConcerned() {
        assertThat(CrossSiteCheck.refusal(req("GET", null, "https://evil.example", "cross-site", false), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "application/json", "https://evil.example", "cross-site", false), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/csv", "https://evil.example", null, false), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "text/plain", null, null, false), List.of())).isEmpty();
        assertThat(CrossSiteCheck.refusal(req("POST", "multipart/form-data", null, null, false), List.of())).isEmpty();
    }
}
