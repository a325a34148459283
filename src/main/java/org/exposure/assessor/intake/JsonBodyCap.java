package org.exposure.assessor.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.exposure.assessor.support.CappedInputStream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * {@link JsonBodyLimit} refuses a JSON body by its declared Content-Length; a chunked body declares none, so the
 * same limit is counted here as the body is read into JSON. Bodies read as streams (list files) are not JSON
 * documents held in memory and keep quarkus.http.limits.max-body-size.
 */
@Provider
public class JsonBodyCap implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        boolean json = type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
        if (json && !InputStream.class.isAssignableFrom(context.getType())) {
            context.setInputStream(new CappedInputStream(context.getInputStream(), JsonBodyLimit.MAX_JSON_BODY,
                    max -> {
                        throw tooLarge(max);
                    }));
        }
        try {
            return context.proceed();
        } catch (NumberFormatException e) {
            throw unreadableNumber();
        } catch (java.io.CharConversionException e) {
            // A body in a Unicode encoding Jackson detected (UTF-32, say) with a code point that cannot be.
            throw ProblemException.validation(List.of(new FieldError("(body)",
                    "is not valid text: a character that no Unicode encoding has; send UTF-8")));
        }
    }

    /**
     * Jackson reads a decimal into a BigDecimal as it parses, and a number whose exponent overflows an int
     * ({@code 1e2147483648}) fails there, before any field is known, with a NumberFormatException.
     */
    static ProblemException unreadableNumber() {
        return ProblemException.validation(List.of(unreadableNumberError()));
    }

    static FieldError unreadableNumberError() {
        return new FieldError("(body)", "holds a number whose exponent is too large or too small to be read");
    }

    static ProblemException tooLarge(long max) {
        return new ProblemException(ProblemType.BODY_TOO_LARGE, "the body is longer than " + max
                + " bytes; a JSON request may be at most " + max + " bytes (send large batches to POST /api/v1/batches)",
                List.of(new FieldError("(body)", "at most " + max + " bytes")));
    }
}
