package org.exposure.assessor.domain;

/** A correspondent bank; {@code city}, of its address, is null when not given. */
public record Correspondent(String name, String country, String bic, Boolean sanctioned, String city) {

    /** A correspondent whose city is not stated. */
    public Correspondent(String name, String country, String bic, Boolean sanctioned) {
        this(name, country, bic, sanctioned, null);
    }
}
