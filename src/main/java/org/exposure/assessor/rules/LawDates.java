package org.exposure.assessor.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The dates from which the law changed ({@code rules/reference/law-dates.csv}), so that a rule judges a payment or a
 * shipment under the law in force on its own date. Every id the rules use must be in the file.
 */
public final class LawDates {
    public static final String EO_14114 = "eo14114";
    public static final String ITEM_DETERMINATION = "eo14024.11a2-items";
    public static final String MIB_ALL_BLOCKED = "mib.all-blocked";
    public static final String ART_12G = "eu.833.art12g";

    private final Map<String, LocalDate> dates;
    private LawDates(Map<String, LocalDate> dates) {
        this.dates = Map.copyOf(dates);
    }

    static LawDates load(ReferenceData.Rows read) {
        Map<String, LocalDate> dates = new HashMap<>();
        read.each(ReferenceData.LAW_DATES, (r, at) -> {
            try {
                dates.put(r.get("id"), LocalDate.parse(r.get("effective_from")));
            } catch (DateTimeException e) {
                throw new RulesetException(at + " effective_from must be a date (yyyy-mm-dd), got " + r.get("effective_from"));
            }
        });
        for (String id : new String[] {EO_14114, ITEM_DETERMINATION, MIB_ALL_BLOCKED, ART_12G}) {
            if (!dates.containsKey(id)) {
                throw new RulesetException(ReferenceData.LAW_DATES + " lacks the date " + id);
            }
        }
        return new LawDates(dates);
    }

    public LocalDate of(String id) {
        LocalDate date = dates.get(id);
        if (date == null) {
            throw new IllegalArgumentException("no law date " + id);
        }
        return date;
    }

    /** Whether the change {@code id} was in force on {@code day}. */
    public boolean inForce(String id, LocalDate day) {
        return !day.isBefore(of(id));
    }
}
