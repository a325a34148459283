package org.exposure.assessor.domain;

public record Consignee(String name, String country, String region, ConsigneeKind kind, Boolean sanctioned) {
}
