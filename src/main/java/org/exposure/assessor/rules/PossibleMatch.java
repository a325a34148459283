package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A match of a party other than the subject (an owner, a counterparty, a correspondent, a consignee, an end user)
 * scored under the confirmation score ({@code list.match.confirmed-score} in reference/parameters.csv) and not
 * confirmed by a reviewer: the party may be the listed one, or may merely have a similar name. The rules that treat
 * a listed party as blocked do not see it; LIST-POSSIBLE-PARTY and the OWN-*-POSSIBLE rules report it instead, at a
 * severity below what a confirmed match would give, until a reviewer confirms or dismisses it.
 */
public record PossibleMatch(ListMatch match, BigDecimal confirmedScore) {

    public String getPath() {
        return match.path();
    }

    public String getRole() {
        return match.role();
    }

    public boolean isSdn() {
        return match.isSdn();
    }

    public boolean isRussiaEo14024() {
        return match.isRussiaEo14024();
    }

    public String getLabel() {
        return match.getLabel();
    }

    /** "OFAC-SDN entry 123 (X), score 0.91 (confirmed from 0.95)" */
    public String getDescription() {
        return match.getLabel() + ", score " + match.getScoreText() + " (confirmed from " + OwnershipFact.plain(confirmedScore) + ")";
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = match.evidence();
        e.put("confirmedScore", confirmedScore);
        return e;
    }
}
