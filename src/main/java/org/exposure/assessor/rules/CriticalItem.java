package org.exposure.assessor.rules;

/**
 * An entry of OFAC's item list under EO 14024 §11(a)(ii): an HS heading (four digits) or subheading (six) and the
 * determination's category it belongs to.
 */
public record CriticalItem(String code, String category) {

    /** "8482" -> "HS 8482", "848210" -> "HS 8482.10". */
    public String codeText() {
        return "HS " + (code.length() == 4 ? code : Hs2022Codes.dotted(code));
    }

    /** "HS 8482 (bearings)". */
    public String label() {
        return codeText() + " (" + category + ")";
    }
}
