package org.exposure.assessor.domain;

import java.util.List;

/** An entity submitted for assessment, already validated and normalised (upper-case ISO codes, six-digit HS codes). */
public sealed interface Subject permits GoodsSubject, SupplierSubject, BankSubject {
    SubjectType type();
    String ref();
    String name();
    List<String> aliases();
    String country();
    String region();
}
