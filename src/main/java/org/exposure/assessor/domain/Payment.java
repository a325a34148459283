package org.exposure.assessor.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public record Payment(Party counterparty, List<String> hsCodes, String destinationCountry, BigDecimal amountUsd, LocalDate date) {
}
