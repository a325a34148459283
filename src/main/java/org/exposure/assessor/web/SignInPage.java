package org.exposure.assessor.web;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out of the web interface. The password is checked by Quarkus's form authentication
 * ({@code POST /j_security_check}, against the same users as the API), which keeps the user in an encrypted,
 * HttpOnly, SameSite=Strict cookie; this page only shows the form and, after sign-in, sends the user back to the
 * page they were going to.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {
    private final String credentialCookie;
    private final String locationCookie;
    private final Pages pages;

    SignInPage(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String credentialCookie,
               @ConfigProperty(name = "quarkus.http.auth.form.location-cookie") String locationCookie, Pages pages) {
        this.credentialCookie = credentialCookie;
        this.locationCookie = locationCookie;
        this.pages = pages;
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance login(boolean failed, boolean signedOut);
    }

    @GET
    @Path("login")
    @PermitAll
    public Response login(@QueryParam("next") String next, @QueryParam("error") String error, @QueryParam("out") String out,
                          @Context HttpServerRequest request) {
        Response.ResponseBuilder page = Response.ok(Templates.login(error != null, out != null).render())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                // The sign-in form must not be framed by another site (clickjacking).
                .header("X-Frame-Options", "DENY").header("Cache-Control", "no-store");
        if (next != null) {
            // Quarkus sends the user after sign-in to the URL in this cookie; it accepts only this service's URLs.
            String target = request.scheme() + "://" + request.authority() + WebPaths.safeNext(next);
            page.cookie(new NewCookie.Builder(locationCookie).value(target).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).build());
        }
        return page.build();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(@FormParam(Pages.CSRF_FIELD) String token) {
        pages.checkForm(token);
        return Response.seeOther(URI.create(WebPaths.LOGIN + "?out=1"))
                .cookie(new NewCookie.Builder(credentialCookie).value("").path("/").maxAge(0).httpOnly(true)
                        .sameSite(NewCookie.SameSite.STRICT).build())
                .build();
    }
}
