package org.exposure.assessor.domain;

public enum SubjectType { BANK, SUPPLIER, GOODS }
