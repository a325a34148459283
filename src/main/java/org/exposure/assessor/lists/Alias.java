package org.exposure.assessor.lists;

import java.util.Objects;

/**
 * Another name of a list entry.
 *
 * @param name the alias as the list writes it
 * @param kind aka / fka / nka (AKA where the list does not say)
 * @param weak the list itself rates the alias as weak or of low quality (OFAC "weak a.k.a.", UN quality "Low",
 *             FtM {@code weakAlias})
 */
public record Alias(String name, AliasKind kind, boolean weak) {
    public Alias {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    public static Alias aka(String name) {
        return new Alias(name, AliasKind.AKA, false);
    }
}
