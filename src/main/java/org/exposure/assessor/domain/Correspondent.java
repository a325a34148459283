package org.exposure.assessor.domain;

import java.util.List;

/**
 * A correspondent bank of an assessed bank, by name, by BIC or by other identifiers (at least one of them).
 *
 * @param identifiers identifiers besides the BIC; may be empty
 * @param city        the city of its address; null when not given
 */
public record Correspondent(String name, String country, String bic, Boolean sanctioned,
                            List<PartyIdentifier> identifiers, String city) {

    public Correspondent {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A correspondent with no identifier besides its BIC and no city. */
    public Correspondent(String name, String country, String bic, Boolean sanctioned) {
        this(name, country, bic, sanctioned, List.of(), null);
    }
}
