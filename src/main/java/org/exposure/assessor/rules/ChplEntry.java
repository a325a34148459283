package org.exposure.assessor.rules;

/** One code of the Common High Priority List: its tier ("1", "2", "3A", "3B", "4A", "4B") and a short label. */
public record ChplEntry(String hsCode, String tier, String label) {

    /** The tier's number without the letter: 3 for both "3A" and "3B". */
    public int tierNumber() {
        return Character.digit(tier.charAt(0), 10);
    }
}
