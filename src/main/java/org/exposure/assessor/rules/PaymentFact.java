package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.domain.Party;
import org.exposure.assessor.domain.Payment;

/** One payment the assessed bank facilitated, at path payments[i], with its HS codes looked up in the CHPL. */
public final class PaymentFact {
    private final Payment payment;
    private final String path;
    private final List<ChplEntry> chpl;
    /** CHPL code to the HS 2017 code the client gave for it, for the entries found through the HS 2017 table. */
    private final Map<String, String> hs2017;
    private final String destinationLabel;
    private final String counterpartyCountryLabel;
    private final List<CriticalItemLine> criticalItems;
    private final boolean toRussia;
    private final LocalDate effectiveDate;
    private final LawDates law;

    /** An HS code of the payment and the item-list entry it falls under. */
    public record CriticalItemLine(String hsCode, CriticalItem item) {
        public String label() {
            return "HS " + Hs2022Codes.dotted(hsCode) + " (" + item.category()
                    + (item.code().equals(hsCode) ? "" : ", under " + item.codeText()) + ")";
        }
    }

    PaymentFact(Payment payment, int index, LocalDate assessedOn, ReferenceData ref) {
        this.payment = payment;
        this.path = "payments[" + index + "]";
        List<ChplEntry> entries = new java.util.ArrayList<>();
        Map<String, String> given = new LinkedHashMap<>();
        for (String code : payment.hsCodes()) {
            // An HS 2017 code HS 2022 lacks is looked up under its HS 2022 codes, and named with them.
            List<String> hs2022 = ref.hs2022Codes(code);
            ChplEntry e = Hs2022Codes.chpl(hs2022, ref);
            if (e != null) {
                entries.add(e);
                if (Hs2022Codes.correlated(code, hs2022)) {
                    given.putIfAbsent(e.hsCode(), code);
                }
            }
        }
        this.chpl = List.copyOf(entries);
        this.hs2017 = Map.copyOf(given);
        Party cp = payment.counterparty();
        this.destinationLabel = payment.destinationCountry() == null ? "an undeclared destination" : ref.countryLabel(payment.destinationCountry());
        this.counterpartyCountryLabel = cp == null || cp.country() == null ? "an undeclared country" : ref.countryLabel(cp.country());
        this.criticalItems = payment.hsCodes().stream()
                .flatMap(h -> java.util.Optional.ofNullable(Hs2022Codes.criticalItem(ref.hs2022Codes(h), ref))
                        .map(i -> new CriticalItemLine(h, i)).stream()).toList();
        this.toRussia = "RU".equals(payment.destinationCountry()) || (cp != null && "RU".equals(cp.country()));
        this.effectiveDate = payment.date() != null ? payment.date() : assessedOn;
        this.law = ref.lawDates();
    }

    /** The payment's HS codes that are on OFAC's §11(a)(ii) item list, with their entries. */
    public List<CriticalItemLine> getCriticalItems() {
        return criticalItems;
    }

    /** Some of the payment's HS codes are on the §11(a)(ii) item list. */
    public boolean isOnItemList() {
        return !criticalItems.isEmpty();
    }

    /** Goods bound for the Russian Federation, or a counterparty there. Belarus alone is not Russia. */
    public boolean isToRussia() {
        return toRussia;
    }


    /** Whether the change of the law {@code lawDateId} (rules/reference/law-dates.csv) applies on the payment's date. */
    public boolean inForce(String lawDateId) {
        return law.inForce(lawDateId, effectiveDate);
    }

    public LocalDate lawDate(String lawDateId) {
        return law.of(lawDateId);
    }

    /** "on 2024-02-14", or "undated, so judged under the law of the assessment date 2026-12-02". */
    public String getDateText() {
        return payment.date() != null ? "on " + payment.date()
                : "undated, so judged under the law of the assessment date " + effectiveDate;
    }

    public String getPath() {
        return path;
    }

    /** Where the counterparty is in the subject, as the screening of parties names it: payments[i].counterparty. */
    public String getCounterpartyPath() {
        return path + ".counterparty";
    }

    public Party getCounterparty() {
        return payment.counterparty();
    }

    public String getCounterpartyName() {
        return payment.counterparty() == null || payment.counterparty().name() == null ? "(unnamed)" : payment.counterparty().name();
    }

    public String getCounterpartyCountryLabel() {
        return counterpartyCountryLabel;
    }

    /** The counterparty's sector as stated, e.g. "manufacturing"; null when not stated. */
    public String getCounterpartySector() {
        Party cp = payment.counterparty();
        return cp == null || cp.sector() == null ? null : cp.sector().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** The stated sector was one of the five of the military-industrial base before 12 Jun 2024; null when unknown. */
    public Boolean getCounterpartyInMibSector() {
        Party cp = payment.counterparty();
        return cp == null || cp.sector() == null ? null : cp.sector().isMilitaryIndustrialBase();
    }

    public boolean isCounterpartySanctioned() {
        return payment.counterparty() != null && Boolean.TRUE.equals(payment.counterparty().sanctioned());
    }

    public List<String> getHsCodes() {
        return payment.hsCodes();
    }

    /** The payment's HS codes that are on the CHPL, with their tiers. */
    public List<ChplEntry> getChplEntries() {
        return chpl;
    }

    /**
     * A CHPL entry's code as the explanations name it: "HS 8542.31", or "HS 2017 8548.90, 8548.00 in HS 2022" when
     * the payment gave the HS 2017 code it was found under.
     */
    public String hsCodeText(ChplEntry entry) {
        String given = hs2017.get(entry.hsCode());
        return given == null ? "HS " + Hs2022Codes.dotted(entry.hsCode())
                : Hs2022Codes.text(given, List.of(entry.hsCode()), entry);
    }

    public boolean isChpl() {
        return !chpl.isEmpty();
    }

    public String getDestinationCountry() {
        return payment.destinationCountry();
    }

    public String getDestinationLabel() {
        return destinationLabel;
    }

    /** Goes to Russia, or is with a party there. A payment that touches Belarus only is not Russia-related. */
    public boolean isRussiaRelated() {
        return toRussia;
    }

    public BigDecimal getAmountUsd() {
        return payment.amountUsd();
    }

    public LocalDate getDate() {
        return payment.date();
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", path);
        Party cp = payment.counterparty();
        if (cp != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("name", cp.name());
            if (cp.country() != null) {
                c.put("country", cp.country());
            }
            if (cp.sanctioned() != null) {
                c.put("sanctioned", cp.sanctioned());
            }
            if (cp.sector() != null) {
                c.put("sector", cp.sector().name());
            }
            e.put("counterparty", c);
        }
        if (!payment.hsCodes().isEmpty()) {
            e.put("hsCodes", payment.hsCodes());
        }
        if (!criticalItems.isEmpty()) {
            e.put("criticalItems", criticalItems.stream().map(c -> Map.of("hsCode", c.hsCode(), "item", c.item().code(),
                    "category", c.item().category())).toList());
        }
        if (!chpl.isEmpty()) {
            e.put("chpl", chpl.stream().map(c -> Map.of("hsCode", c.hsCode(), "tier", c.tier(), "label", c.label())).toList());
        }
        if (payment.destinationCountry() != null) {
            e.put("destinationCountry", payment.destinationCountry());
        }
        if (payment.amountUsd() != null) {
            e.put("amountUsd", payment.amountUsd());
        }
        if (payment.date() != null) {
            e.put("date", payment.date().toString());
        }
        return e;
    }
}
