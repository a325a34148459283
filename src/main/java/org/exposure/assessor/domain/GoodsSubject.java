package org.exposure.assessor.domain;

import java.time.LocalDate;
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
        Boolean noReexportClause,
        LocalDate date) implements Subject {

    /** Goods without a date of their own: judged under the law of the assessment's date. */
    public GoodsSubject(String ref, String name, List<String> aliases, String country, String region, String hsCode,
                        String dualUseCode, String description, String originCountry, String destinationCountry,
                        String destinationRegion, Party endUser, Boolean noReexportClause) {
        this(ref, name, aliases, country, region, hsCode, dualUseCode, description, originCountry, destinationCountry,
                destinationRegion, endUser, noReexportClause, null);
    }

    @Override
    public SubjectType type() {
        return SubjectType.GOODS;
    }
}
