package org.exposure.assessor.domain;

import java.util.Objects;

/**
 * An identifier a party is given by in a subject: a BIC, IMO, INN, OGRN, USCC, LEI, registration, passport,
 * national id or tax number, or another.
 *
 * @param kind  its kind, upper case ({@code BIC}, {@code INN}, ...)
 * @param value the identifier in its kind's canonical form (upper case, without spaces or separators)
 */
public record PartyIdentifier(String kind, String value) {
    public PartyIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
