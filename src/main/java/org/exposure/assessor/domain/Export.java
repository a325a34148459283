package org.exposure.assessor.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

public record Export(
        String hsCode,
        String dualUseCode,
        String destinationCountry,
        String destinationRegion,
        Consignee consignee,
        String borderCrossing,
        BigDecimal valueUsd,
        Boolean endUseStatement,
        Boolean noReexportClause,
        LocalDate date) {

    /** An export without a date of its own: judged under the law of the assessment's date. */
    public Export(String hsCode, String dualUseCode, String destinationCountry, String destinationRegion,
                  Consignee consignee, String borderCrossing, BigDecimal valueUsd, Boolean endUseStatement,
                  Boolean noReexportClause) {
        this(hsCode, dualUseCode, destinationCountry, destinationRegion, consignee, borderCrossing, valueUsd,
                endUseStatement, noReexportClause, null);
    }
}
