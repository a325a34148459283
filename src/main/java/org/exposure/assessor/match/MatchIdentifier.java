package org.exposure.assessor.match;

import java.util.Locale;
import java.util.Objects;

/**
 * An identifier of a party or a list entry, by kind, as the matcher compares it: two identifiers of the same kind
 * either agree (a strong sign of the same party, whatever the names) or conflict.
 *
 * @param kind  what it identifies by, in upper case: {@code BIC}, {@code IMO}, {@code INN}, {@code OGRN},
 *              {@code USCC}, {@code LEI}, {@code REGISTRATION}, {@code PASSPORT}, {@code NATIONAL_ID},
 *              {@code TAX_ID}, or {@code OTHER} for kinds the matcher does not know
 * @param value the identifier as the matcher compares it (canonical form of its kind: upper case, without spaces)
 */
public record MatchIdentifier(String kind, String value) {

    public MatchIdentifier {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        kind = kind.strip().toUpperCase(Locale.ROOT);
    }
}
