package org.exposure.assessor.match;

/**
 * Token similarities of a query with a candidate; {@code i} indexes the query's tokens, {@code j} the candidate's.
 * The index answers from the similarities its lookup already computed; elsewhere they are computed afresh.
 */
interface PairSims {

    /** Computes every similarity afresh. */
    PairSims DIRECT = PairSims::direct;

    double sim(NameSide q, int i, NameSide c, int j);

    /**
     * {@link TokenSimilarity#token} of token {@code i} of {@code q} and token {@code j} of {@code c}, using their
     * known facts.
     */
    static double direct(NameSide q, int i, NameSide c, int j) {
        String a = q.tokens[i];
        String b = c.tokens[j];
        if (a.equals(b)) {
            return 1.0;
        }
        if (q.digit[i] || c.digit[j]) {
            return 0.0;
        }
        return TokenSimilarity.similar(a, q.folded[i], b, c.folded[j], q.abjad || c.abjad);
    }
}
