package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of two or three adjacent tokens of one name that may be a single token of the other name written together
 * ({@code makhlouf rami} / {@code ramimakhlouf}, {@code xi jin ping} / {@code xi jinping}, {@code abd allh} /
 * {@code abdullah}). {@link #find} is the one table of such pairs: the comparison scores each of them as an option
 * of the assignment, the optimistic bound counts every token one of them could pair as matched, so the two cannot
 * disagree on which runs exist.
 * <p>
 * A run is only tried when the names have different token counts, the shorter at most {@value #MAX_TOKENS}
 * tokens; where a token pairs poorly on its own (best single similarity under {@value #WEAK}) on both sides; with no
 * digit in the run; against a token of at least 4 letters of about the joined length whose first letter begins the
 * run (any letter in an abjad, where vowels are often not written).
 */
final class TokenRuns {

    /** Runs are tried only when the shorter name has at most this many tokens. */
    static final int MAX_TOKENS = 4;
    /** A token whose best single pair is under this may be part of a run (or the token a run pairs with). */
    static final double WEAK = 0.9;

    private TokenRuns() {
    }

    /**
     * Tokens {@code start} to {@code start + length - 1} of one side, joined, against token {@code other} of the
     * other side.
     *
     * @param side      0 when the run is of the query's tokens, 1 of the candidate's
     * @param straight  the run joined in order may be the other token
     * @param backwards the run of two joined in reverse order may be ({@code makhlouf rami} / {@code ramimakhlouf})
     */
    record Run(int side, int start, int length, int other, boolean straight, boolean backwards) {

        NameSide runSide(NameSide q, NameSide c) {
            return side == 0 ? q : c;
        }

        NameSide oneSide(NameSide q, NameSide c) {
            return side == 0 ? c : q;
        }

        /** The run's tokens joined by {@code separator}, in order. */
        String joined(NameSide runSide, String separator) {
            StringBuilder b = new StringBuilder();
            for (int k = start; k < start + length; k++) {
                if (k > start) {
                    b.append(separator);
                }
                b.append(runSide.tokens[k]);
            }
            return b.toString();
        }
    }

    /** Whether names of these token counts are ever compared by runs. */
    static boolean possible(int n, int m) {
        return n != m && Math.min(n, m) <= MAX_TOKENS;
    }

    /**
     * Every run that may pair, query runs first, then candidate runs, each by length, start and other token (the
     * assignment takes the first of equal options, so the order is part of the result). {@code bestQ} and
     * {@code bestC} are each token's best single similarity.
     */
    static List<Run> find(NameSide q, double[] bestQ, NameSide c, double[] bestC) {
        if (!possible(q.size(), c.size())) {
            return List.of();
        }
        boolean[] weakQ = weak(bestQ);
        boolean[] weakC = weak(bestC);
        if (weakQ == null || weakC == null) {
            return List.of();
        }
        boolean abjad = q.abjad || c.abjad;
        List<Run> out = new ArrayList<>();
        add(q, weakQ, c, weakC, 0, abjad, out);
        add(c, weakC, q, weakQ, 1, abjad, out);
        return out;
    }

    /** The similarity of a run with its other token: the better of its ways, 0 when neither reaches a match. */
    static double similarity(Run r, NameSide q, NameSide c) {
        NameSide runSide = r.runSide(q, c);
        NameSide oneSide = r.oneSide(q, c);
        boolean abjad = q.abjad || c.abjad;
        String one = oneSide.tokens[r.other()];
        String oneFolded = oneSide.folded[r.other()];
        double s = 0;
        if (r.straight()) {
            String joined = r.joined(runSide, "");
            s = TokenSimilarity.similar(joined, TokenSimilarity.fold(joined), one, oneFolded, abjad);
        }
        if (r.backwards()) {
            String reversed = runSide.tokens[r.start() + 1] + runSide.tokens[r.start()];
            s = Math.max(s, TokenSimilarity.similar(reversed, TokenSimilarity.fold(reversed), one, oneFolded, abjad));
        }
        return s;
    }

    /** Per token whether it is weak, or null when none is. */
    private static boolean[] weak(double[] best) {
        boolean[] weak = new boolean[best.length];
        boolean any = false;
        for (int i = 0; i < best.length; i++) {
            weak[i] = best[i] < WEAK;
            any |= weak[i];
        }
        return any ? weak : null;
    }

    private static void add(NameSide runSide, boolean[] runWeak, NameSide oneSide, boolean[] oneWeak, int side,
                            boolean abjad, List<Run> out) {
        int n = runSide.size();
        for (int len = 2; len <= 3; len++) {
            for (int start = 0; start + len <= n; start++) {
                int joinedLength = 0;
                boolean digits = false;
                boolean weak = false;
                for (int k = start; k < start + len; k++) {
                    joinedLength += runSide.tokens[k].length();
                    digits |= runSide.digit[k];
                    weak |= runWeak[k];
                }
                if (digits || !weak) {
                    continue;
                }
                for (int j = 0; j < oneSide.size(); j++) {
                    String one = oneSide.tokens[j];
                    int shorter = Math.min(joinedLength, one.length());
                    int longer = Math.max(joinedLength, one.length());
                    if (!oneWeak[j] || one.length() < 4
                            || (!abjad && TokenSimilarity.bound(shorter, longer) < TokenSimilarity.MIN_TOKEN)) {
                        continue;
                    }
                    char first = one.charAt(0);
                    boolean straight = abjad || runSide.tokens[start].charAt(0) == first;
                    boolean backwards = len == 2 && (abjad || runSide.tokens[start + 1].charAt(0) == first);
                    if (straight || backwards) {
                        out.add(new Run(side, start, len, j, straight, backwards));
                    }
                }
            }
        }
    }
}
