package org.exposure.assessor.domain;

/**
 * A named party such as the end user of goods. {@code sanctioned} is the submitter's own statement that the
 * party is blocked; until list matching exists it is the only source of that fact.
 */
public record Party(String name, String country, String region, Boolean sanctioned) {
    public boolean hasName() {
        return name != null && !name.isBlank();
    }
}
