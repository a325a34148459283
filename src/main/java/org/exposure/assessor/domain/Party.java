package org.exposure.assessor.domain;

import java.util.List;

/**
 * A named party such as the end user of goods. {@code sanctioned} is the submitter's own statement that the
 * party is blocked, besides any list match. {@code sector}, when stated, is where it operates in the Russian economy
 * (it decided whether a blocked counterparty counted as the military-industrial base before 12 Jun 2024).
 * {@code identifiers} (INN, OGRN, USCC, LEI, BIC...) may be empty.
 */
public record Party(String name, String country, String region, Boolean sanctioned, Sector sector, String city,
                    List<PartyIdentifier> identifiers) {

    public Party {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A party given by no identifier. */
    public Party(String name, String country, String region, Boolean sanctioned, Sector sector, String city) {
        this(name, country, region, sanctioned, sector, city, List.of());
    }

    /** A party whose sector is not stated. */
    public Party(String name, String country, String region, Boolean sanctioned) {
        this(name, country, region, sanctioned, null, null);
    }

    /** A party whose city is not stated. */
    public Party(String name, String country, String region, Boolean sanctioned, Sector sector) {
        this(name, country, region, sanctioned, sector, null);
    }

    public boolean hasName() {
        return name != null && !name.isBlank();
    }
}
