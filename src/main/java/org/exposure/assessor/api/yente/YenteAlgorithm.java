package org.exposure.assessor.api.yente;

import java.util.List;
import java.util.Locale;

/**
 * yente's {@code algorithm} parameter. Every name yente has offered is accepted, so that a client configured for one
 * keeps working, and each is answered by this service's matcher: yente's name-only algorithms screen the names (and
 * the type) only, all others the names with the countries, dates of birth, nationalities and identifiers given.
 */
enum YenteAlgorithm {
    BEST("best", true),
    LOGIC_V2("logic-v2", true),
    LOGIC_V1("logic-v1", true),
    OFAC("ofac", true),
    OFAC_249("ofac-249", true),
    REGRESSION_V1("regression-v1", true),
    REGRESSION_V2("regression-v2", true),
    REGRESSION_V3("regression-v3", true),
    ER_UNSTABLE("er-unstable", true),
    NAME_BASED("name-based", false),
    NAME_QUALIFIED("name-qualified", false);

    /** The name of this service's matcher in the answer: every yente algorithm is answered by it. */
    static final String MATCHER = "assessor-name-matcher";

    final String yenteName;
    /** Whether countries, dates of birth, nationalities and identifiers take part, or the names only. */
    final boolean qualified;

    YenteAlgorithm(String yenteName, boolean qualified) {
        this.yenteName = yenteName;
        this.qualified = qualified;
    }

    /** The algorithm of that name (case and surrounding spaces ignored), or null when yente has none of it. */
    static YenteAlgorithm of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (YenteAlgorithm a : values()) {
            if (a.yenteName.equals(n)) {
                return a;
            }
        }
        return null;
    }

    static List<String> names() {
        return java.util.Arrays.stream(values()).map(a -> a.yenteName).toList();
    }
}
