package org.exposure.assessor.domain;

import java.math.BigDecimal;
import java.util.List;

/** A direct owner of a company; its own owners nest, so that chains of any depth can be described. */
public record Owner(String name, String country, BigDecimal sharePercent, Boolean sanctioned, List<Owner> owners) {
}
