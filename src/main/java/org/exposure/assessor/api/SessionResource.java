package org.exposure.assessor.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.security.CsrfTokens;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session", description = "Who the caller is.")
public class SessionResource {
    private final SecurityIdentity identity;
    private final CsrfTokens tokens;

    SessionResource(SecurityIdentity identity, CsrfTokens tokens) {
        this.identity = identity;
        this.tokens = tokens;
    }

    @Schema(name = "Session")
    public record SessionView(
            @Schema(description = "The user's name (from the embedded users or the token).") String user,
            @Schema(description = "Every role the user has, the implied ones included, sorted.") List<String> roles,
            @Schema(description = "The value of the X-CSRF-Token header a browser must send with a text/plain, form or multipart request.")
            String csrfToken) {
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller", description = "Its name, its roles (with those they imply) and its X-CSRF-Token.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionView.class)))
    public SessionView session() {
        String user = identity.getPrincipal().getName();
        return new SessionView(user, identity.getRoles().stream().sorted().toList(), tokens.token(user));
    }
}
