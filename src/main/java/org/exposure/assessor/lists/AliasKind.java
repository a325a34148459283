package org.exposure.assessor.lists;

/** What an alias is: also known as, formerly known as, now known as. */
public enum AliasKind {
    AKA, FKA, NKA;

    /** "aka", "a.k.a.", "f.k.a.", "NKA"... ; anything else (or null) is AKA. */
    public static AliasKind parse(String raw) {
        if (raw == null) {
            return AKA;
        }
        String s = raw.replace(".", "").trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "fka" -> FKA;
            case "nka" -> NKA;
            default -> AKA;
        };
    }
}
