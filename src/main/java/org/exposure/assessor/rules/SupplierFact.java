package org.exposure.assessor.rules;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.exposure.assessor.domain.SupplierSubject;

/** The supplier itself, as the SUP rules see it; its exports are GoodsLine facts of the same session. */
public final class SupplierFact {
    private final SupplierSubject supplier;
    private final Set<String> lineOfBusiness;
    private final boolean transshipmentCountry;
    private final LocalDate newEntitySince;
    private final String countryLabel;

    SupplierFact(SupplierSubject supplier, ReferenceData ref) {
        this.supplier = supplier;
        this.lineOfBusiness = Set.copyOf(supplier.lineOfBusiness() == null ? List.of() : supplier.lineOfBusiness());
        this.transshipmentCountry = ref.isTransshipmentCountry(supplier.country());
        this.newEntitySince = ref.date(Parameters.NEW_ENTITY_SINCE);
        this.countryLabel = supplier.country() == null ? "an undeclared country" : ref.countryLabel(supplier.country());
    }

    public String getName() {
        return supplier.name();
    }

    public String getCountry() {
        return supplier.country();
    }

    public String getCountryLabel() {
        return countryLabel;
    }

    public String getRegion() {
        return supplier.region();
    }

    public LocalDate getIncorporatedOn() {
        return supplier.incorporatedOn();
    }

    /** The date from which a supplier counts as new (parameter sup.new-entity.since, 2022-02-24). */
    public LocalDate getNewEntitySince() {
        return newEntitySince;
    }

    public boolean isIncorporatedSinceCutoff() {
        return supplier.incorporatedOn() != null && !supplier.incorporatedOn().isBefore(newEntitySince);
    }

    public String getWebsite() {
        return supplier.website();
    }

    public boolean isWithoutWebsite() {
        return supplier.website() == null || supplier.website().isBlank();
    }

    public boolean isResidentialAddress() {
        return Boolean.TRUE.equals(supplier.residentialAddress());
    }

    public Set<String> getLineOfBusiness() {
        return lineOfBusiness;
    }

    public boolean isLineOfBusinessDeclared() {
        return !lineOfBusiness.isEmpty();
    }

    public boolean isTransshipmentCountry() {
        return transshipmentCountry;
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", "subject");
        e.put("name", supplier.name());
        if (supplier.country() != null) {
            e.put("country", supplier.country());
        }
        if (supplier.incorporatedOn() != null) {
            e.put("incorporatedOn", supplier.incorporatedOn().toString());
        }
        e.put("website", supplier.website());
        if (supplier.residentialAddress() != null) {
            e.put("residentialAddress", supplier.residentialAddress());
        }
        if (!lineOfBusiness.isEmpty()) {
            e.put("lineOfBusiness", List.copyOf(new TreeSet<>(lineOfBusiness)));
        }
        return e;
    }
}
