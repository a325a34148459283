package org.exposure.assessor.domain;

/** How far a bank reaches into international (US/EU) correspondent banking. */
public enum Exposure { LOW, MEDIUM, HIGH }
