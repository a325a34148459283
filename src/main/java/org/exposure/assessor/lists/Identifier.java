package org.exposure.assessor.lists;

import java.util.Objects;

/**
 * An identifier the list gives for an entry: SWIFT/BIC, registration number, passport, IMO number, ...
 *
 * @param type    the list's own name for it, e.g. "SWIFT/BIC", "Tax ID No.", "registrationNumber"
 * @param value   the identifier
 * @param country issuing country (ISO alpha-2 where derivable, else as written), or null
 */
public record Identifier(String type, String value, String country) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }
}
