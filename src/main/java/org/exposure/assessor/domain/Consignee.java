package org.exposure.assessor.domain;

import java.util.List;

/**
 * Who receives an export; {@code city}, of its address, is null when not given; {@code identifiers} (INN, OGRN, USCC,
 * LEI, registration numbers...) may be empty.
 */
public record Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned,
                        String city, List<PartyIdentifier> identifiers) {

    public Consignee {
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    /** A consignee given by no identifier. */
    public Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned, String city) {
        this(name, country, region, kind, sanctioned, city, List.of());
    }

    /** A consignee whose city is not stated. */
    public Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned) {
        this(name, country, region, kind, sanctioned, null);
    }
}
