package org.exposure.assessor.match;

/**
 * One line of a match's explanation.
 *
 * @param feature      what was compared, e.g. {@code name}, {@code token:putin~poutine}, {@code country}
 * @param value        the feature's own value (a similarity in 0..1, or 1/0/-1 for agree / unknown / disagree)
 * @param contribution what it added to (or, negative, took from) the final score; 0 for purely informative lines
 * @param detail       human-readable detail, e.g. which tokens or countries
 */
public record MatchFeature(String feature, double value, double contribution, String detail) {
}
