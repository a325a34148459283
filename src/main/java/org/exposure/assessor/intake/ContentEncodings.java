package org.exposure.assessor.intake;

import java.util.List;
import java.util.Locale;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * The service reads request bodies as sent: it does not decompress them (quarkus.http.enable-decompression is
 * off, so that a small gzip body cannot unfold past the body limits). A body declared as encoded would otherwise
 * be read as if it were plain: gzip bytes as JSON, or a plain body with a wrong header silently accepted. Any
 * Content-Encoding but {@code identity} is refused with 415 before anything is read.
 */
public class ContentEncodings {
    @ServerRequestFilter(preMatching = true, priority = 1)
    public Response refuseEncoded(ContainerRequestContext request) {
        List<String> encodings = request.getHeaders().get("Content-Encoding");
        if (encodings == null) {
            return null;
        }
        for (String header : encodings) {
            for (String coding : header.split(",")) {
                String c = coding.strip().toLowerCase(Locale.ROOT);
                if (!c.isEmpty() && !c.equals("identity")) {
                    return ProblemMappers.respond(Problem.of(ProblemType.CONTENT_ENCODING,
                            "the body is declared as Content-Encoding " + quote(coding.strip())
                                    + "; this service reads bodies uncompressed only: send the body as it is, without Content-Encoding",
                            request.getUriInfo().getRequestUri().getRawPath(),
                            List.of(new FieldError("Content-Encoding", "must be absent or identity"))));
                }
            }
        }
        return null;
    }

    /** At most 40 printable ASCII characters of the client's header, quoted. */
    private static String quote(String value) {
        String shown = value.replaceAll("[^\\x20-\\x7E]", "?");
        return "\"" + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown) + "\"";
    }
}
