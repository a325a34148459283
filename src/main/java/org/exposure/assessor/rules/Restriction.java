package org.exposure.assessor.rules;

/**
 * A destination under an export ban, as {@code rules/reference/restricted-destinations.csv} names it, with the law
 * that restricts it there.
 *
 * @param scope      a whole country, a restricted area (Crimea, an occupied city), or an oblast only partly occupied
 * @param label      "Russia (RU)", "Crimea (UA)", "Zaporizhzhia Oblast (UA)"
 * @param legalBasis the row's legal basis, which the explanation cites
 */
public record Restriction(Scope scope, String label, String legalBasis) {

    public enum Scope {
        COUNTRY, REGION, OBLAST
    }

    /** A verdict: the destination is restricted. An oblast named alone is only a reason to check the address. */
    public boolean isDefinite() {
        return scope != Scope.OBLAST;
    }
}
