package org.exposure.assessor.domain;

/** Who receives an export; {@code city}, of its address, is null when not given. */
public record Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned,
                        String city) {

    /** A consignee whose city is not stated. */
    public Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned) {
        this(name, country, region, kind, sanctioned, null);
    }
}
