package org.exposure.assessor.testsupport;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exposure.assessor.domain.Export;
import org.exposure.assessor.domain.Owner;
import org.exposure.assessor.domain.SupplierSubject;

/**
 * A supplier with a normal profile unless changed: Harbin Precision Parts Co, CN/Heilongjiang, incorporated
 * 2015-03-10, a website, a commercial address, line of business chapters 84 and 85, no owners, no exports.
 * Each setter changes one fact, so that a test shows only what it is about.
 */
public final class SupplierBuilder implements SubjectBuilder {
    private String ref = "s-1";
    private String name = "Harbin Precision Parts Co";
    private String country = "CN";
    private String region = "Heilongjiang";
    private LocalDate incorporatedOn = LocalDate.of(2015, 3, 10);
    private String website = "https://harbin-precision.example.cn";
    private Boolean residentialAddress = false;
    private List<String> lineOfBusiness = List.of("84", "85");
    private final List<Owner> owners = new ArrayList<>();
    private final List<Export> exports = new ArrayList<>();

    private SupplierBuilder() {
    }

    public static SupplierBuilder supplier() {
        return new SupplierBuilder();
    }

    public SupplierBuilder ref(String v) { ref = v; return this; }
    public SupplierBuilder name(String v) { name = v; return this; }
    public SupplierBuilder country(String v) { country = v; return this; }
    public SupplierBuilder region(String v) { region = v; return this; }
    public SupplierBuilder incorporatedOn(LocalDate v) { incorporatedOn = v; return this; }
    public SupplierBuilder website(String v) { website = v; return this; }
    public SupplierBuilder residential(Boolean v) { residentialAddress = v; return this; }
    public SupplierBuilder lineOfBusiness(String... chapters) { lineOfBusiness = chapters == null ? null : List.of(chapters); return this; }
    public SupplierBuilder owners(Owner... os) { owners.addAll(List.of(os)); return this; }
    public SupplierBuilder exports(ExportBuilder... es) { Arrays.stream(es).map(ExportBuilder::build).forEach(exports::add); return this; }
    public SupplierBuilder exports(Export... es) { exports.addAll(List.of(es)); return this; }

    @Override
    public SupplierSubject build() {
        return new SupplierSubject(ref, name, List.of(), country, region, incorporatedOn, website,
                residentialAddress, lineOfBusiness, List.copyOf(owners), List.copyOf(exports));
    }
}
