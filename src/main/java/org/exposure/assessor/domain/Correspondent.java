package org.exposure.assessor.domain;

public record Correspondent(String name, String country, String bic, Boolean sanctioned) {
}
