package org.exposure.assessor.match;

import java.util.Map;

/**
 * How informative each token is: its inverse document frequency over the names of an index (primary names and
 * aliases, each distinct normalised name of an entry counted once).
 * <p>
 * {@code idf(t) = ln(1 + N / df(t))}, with {@code N} the number of names and {@code df(t)} the number of names
 * holding {@code t}; a token no name holds counts as held by one (it is at least as rare as the rarest). On the
 * SDN list with its aliases (30,485 names) "al" has 2.6, "bank" 4.4, "commercial" 6.0, "vladimir" 5.3, "putin" 9.6
 * and a token of one name 10.3. A token's {@linkplain #weight weight} in a name is {@code idf^2}, so that "bank" counts
 * about a fifth of a distinctive word and "al" a sixteenth; its {@linkplain #rarity rarity} is
 * {@code idf / ln(1 + N)} in 0..1 (1 for a token of one name).
 */
public final class TokenStats {

    private static final TokenStats UNIFORM = new TokenStats(Map.of(), 1);

    private final Map<String, Integer> documentFrequency;
    private final int names;
    private final double maxIdf;

    private TokenStats(Map<String, Integer> documentFrequency, int names) {
        this.documentFrequency = documentFrequency;
        this.names = Math.max(1, names);
        this.maxIdf = Math.log1p(this.names);
    }

    /** Statistics of an index of {@code names} names, {@code documentFrequency} giving per token how many hold it. */
    public static TokenStats of(Map<String, Integer> documentFrequency, int names) {
        return new TokenStats(Map.copyOf(documentFrequency), names);
    }

    /** Every token equally informative: for comparing two names without an index. */
    public static TokenStats uniform() {
        return UNIFORM;
    }

    public int names() {
        return names;
    }

    /** How many names hold the token (0 when none). */
    public int documentFrequency(String token) {
        return documentFrequency.getOrDefault(token, 0);
    }

    public double idf(String token) {
        return idfOf(documentFrequency(token));
    }

    double idfOf(int df) {
        return Math.log1p((double) names / Math.max(1, df));
    }

    /** {@code idf^2}: what a token counts in a name's coverage. */
    public double weight(String token) {
        return weightOf(documentFrequency(token));
    }

    double weightOf(int df) {
        double i = idfOf(df);
        return i * i;
    }

    /** {@code idf / ln(1 + N)}, in 0..1. */
    public double rarity(String token) {
        return rarityOf(documentFrequency(token));
    }

    double rarityOf(int df) {
        return idfOf(df) / maxIdf;
    }
}
