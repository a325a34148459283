package org.exposure.assessor.match;

import java.util.List;

/**
 * A name after {@link NameNormalizer}: Latin ASCII lower-case tokens without legal-form and title words.
 *
 * @param original   the name as given
 * @param tokens     the name's tokens in their original order
 * @param legalForms groups of the legal forms removed (e.g. {@code JSC} for "PJSC" or "OAO"), in order found
 * @param abjad      whether the name was (partly) written in a script that leaves out vowels (Arabic, Hebrew,
 *                   Syriac, Thaana): such names are also compared by consonant skeleton
 * @param folded     the tokens with spelling variants folded ({@link TokenSimilarity#fold}), computed when null
 */
public record NormalizedName(String original, List<String> tokens, List<String> legalForms, boolean abjad,
                             List<String> folded) {

    public NormalizedName {
        tokens = List.copyOf(tokens);
        legalForms = List.copyOf(legalForms);
        folded = folded == null ? tokens.stream().map(TokenSimilarity::fold).toList() : List.copyOf(folded);
    }

    public NormalizedName(String original, List<String> tokens, List<String> legalForms, boolean abjad) {
        this(original, tokens, legalForms, abjad, null);
    }

    /** Tokens joined by single spaces. */
    public String text() {
        return String.join(" ", tokens);
    }

    public boolean isEmpty() {
        return tokens.isEmpty();
    }
}
