package org.exposure.assessor.domain;

import java.math.BigDecimal;

public record Export(
        String hsCode,
        String dualUseCode,
        String destinationCountry,
        String destinationRegion,
        Consignee consignee,
        String borderCrossing,
        BigDecimal valueUsd,
        Boolean endUseStatement,
        Boolean noReexportClause) {
}
