package org.exposure.assessor.domain;

import java.math.BigDecimal;
import java.util.List;

public record BankSubject(
        String ref,
        String name,
        List<String> aliases,
        String country,
        String region,
        Exposure internationalExposure,
        Boolean usCorrespondentAccess,
        Boolean connectedToSpfs,
        BigDecimal russiaPaymentShare,
        List<Correspondent> correspondents,
        List<Payment> payments) implements Subject {

    @Override
    public SubjectType type() {
        return SubjectType.BANK;
    }
}
