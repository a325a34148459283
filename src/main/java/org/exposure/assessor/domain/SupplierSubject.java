package org.exposure.assessor.domain;

import java.time.LocalDate;
import java.util.List;

public record SupplierSubject(
        String ref,
        String name,
        List<String> aliases,
        String country,
        String region,
        LocalDate incorporatedOn,
        String website,
        Boolean residentialAddress,
        List<String> lineOfBusiness,
        List<Owner> owners,
        List<Export> exports) implements Subject {

    @Override
    public SubjectType type() {
        return SubjectType.SUPPLIER;
    }
}
