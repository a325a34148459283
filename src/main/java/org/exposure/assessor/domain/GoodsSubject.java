package org.exposure.assessor.domain;

import java.util.List;

public record GoodsSubject(
        String ref,
        String name,
        List<String> aliases,
        String country,
        String region,
        String hsCode,
        String dualUseCode,
        String description,
        String originCountry,
        String destinationCountry,
        String destinationRegion,
        Party endUser,
        Boolean noReexportClause) implements Subject {

    @Override
    public SubjectType type() {
        return SubjectType.GOODS;
    }
}
