package org.exposure.assessor.match;

import java.util.ArrayList;
import java.util.List;

/**
 * The pairing of two names' tokens: options (every pair of single tokens, every {@linkplain TokenRuns run} against a
 * token) taken greedily, best first, each token used once, so that the order of the tokens does not matter. Then
 * each side's tokens are weighed by the information their pair evidences ({@link Side#weigh}).
 */
final class TokenAssignment {

    /** One name's side of the assignment. */
    static final class Side {
        final boolean[] used;
        /** The similarity of the pair the token is in. */
        final double[] sim;
        /** What the token's partner weighs (for a run, the run's total) and how rare it is. */
        final double[] partner;
        final double[] partnerRarity;
        /** Whether the token's pair has an initial (a one-letter token) on either side. */
        final boolean[] initial;
        /** Each token's weight in its name, and its matched weight. */
        final double[] den;
        final double[] num;
        double total;
        double matched;
        /** The rarity of the rarest matched token. */
        double rarity;

        Side(int size) {
            used = new boolean[size];
            sim = new double[size];
            partner = new double[size];
            partnerRarity = new double[size];
            initial = new boolean[size];
            den = new double[size];
            num = new double[size];
        }

        private void pair(int i, double similarity, double partnerWeight, double partnerRare, boolean withInitial) {
            used[i] = true;
            sim[i] = similarity;
            partner[i] = partnerWeight;
            partnerRarity[i] = partnerRare;
            initial[i] = withInitial;
        }

        /**
         * Fills each token's weight in its name and its matched weight. A pair counts with the information it
         * evidences: a token no list name holds (a misspelling) weighs what its partner weighs; a pair with an
         * initial counts only the smaller weight (an initial says little).
         */
        void weigh(NameSide s) {
            double rare = 0;
            for (int i = 0; i < s.size(); i++) {
                double w = s.weight[i];
                double r = s.rarity[i];
                if (used[i]) {
                    double e = NameSimilarity.evidence(sim[i]);
                    if (initial[i]) {
                        num[i] = e * Math.min(w, partner[i]);
                        r = Math.min(r, partnerRarity[i]);
                    } else if (s.unseen(i)) {
                        w = partner[i];
                        r = partnerRarity[i];
                        num[i] = e * w;
                    } else {
                        num[i] = e * w;
                    }
                    rare = Math.max(rare, r);
                }
                den[i] = w;
            }
            rarity = rare;
            double t = 0;
            double m = 0;
            for (int i = 0; i < s.size(); i++) {
                t += den[i];
                m += num[i];
            }
            total = t;
            matched = m;
        }

        double coverage() {
            return matched / total;
        }

        /** What token {@code i} weighs in its name, 0..1. */
        double share(int i) {
            return den[i] / total;
        }

        /** Whether a token with a digit is left unpaired. */
        boolean unmatchedNumber(NameSide s) {
            for (int i = 0; i < s.size(); i++) {
                if (!used[i] && s.digit[i]) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A pair taken: tokens {@code i} of the query and {@code j} of the candidate, or a run (then i, j unused). */
    record Step(int i, int j, TokenRuns.Run run) {
    }

    final Side query;
    final Side candidate;
    /** The pairs in the order taken; empty unless asked for. */
    final List<Step> steps;

    private TokenAssignment(int n, int m, boolean record) {
        query = new Side(n);
        candidate = new Side(m);
        steps = record ? new ArrayList<>(Math.max(n, m)) : List.of();
    }

    /**
     * Assigns the tokens of {@code q} and {@code c}: {@code sim[i * m + j]} the similarity of single tokens, {@code
     * runSims} that of each run. {@code record} keeps the pairs taken, for the explanation.
     */
    static TokenAssignment assign(NameSide q, NameSide c, double[] sim, List<TokenRuns.Run> runs, double[] runSims,
                                  boolean record) {
        int n = q.size();
        int m = c.size();
        TokenAssignment a = new TokenAssignment(n, m, record);
        Side sq = a.query;
        Side sc = a.candidate;
        int singles = n * m;
        while (true) {
            int best = -1;
            double bestSim = 0;
            for (int k = 0; k < singles; k++) {
                if (sim[k] > bestSim && !sq.used[k / m] && !sc.used[k % m]) {
                    best = k;
                    bestSim = sim[k];
                }
            }
            for (int k = 0; k < runs.size(); k++) {
                double s = runSims[k];
                if (s > bestSim && a.free(runs.get(k))) {
                    best = singles + k;
                    bestSim = s;
                }
            }
            if (best < 0) {
                break;
            }
            if (best < singles) {
                int i = best / m;
                int j = best % m;
                boolean initial = q.tokens[i].length() == 1 || c.tokens[j].length() == 1;
                sq.pair(i, bestSim, c.weight[j], c.rarity[j], initial);
                sc.pair(j, bestSim, q.weight[i], q.rarity[i], initial);
                if (record) {
                    a.steps.add(new Step(i, j, null));
                }
            } else {
                TokenRuns.Run r = runs.get(best - singles);
                NameSide runSide = r.runSide(q, c);
                NameSide oneSide = r.oneSide(q, c);
                Side runPairs = r.side() == 0 ? sq : sc;
                double runWeight = 0;
                double runRarity = 0;
                for (int k = r.start(); k < r.start() + r.length(); k++) {
                    // each joined token stands for itself
                    runPairs.pair(k, bestSim, runSide.weight[k], oneSide.rarity[r.other()], false);
                    runWeight += runSide.weight[k];
                    runRarity = Math.max(runRarity, runSide.rarity[k]);
                }
                (r.side() == 0 ? sc : sq).pair(r.other(), bestSim, runWeight, runRarity, false);
                if (record) {
                    a.steps.add(new Step(-1, -1, r));
                }
            }
        }
        a.query.weigh(q);
        a.candidate.weigh(c);
        return a;
    }

    private boolean free(TokenRuns.Run r) {
        Side runPairs = r.side() == 0 ? query : candidate;
        Side onePairs = r.side() == 0 ? candidate : query;
        if (onePairs.used[r.other()]) {
            return false;
        }
        for (int k = r.start(); k < r.start() + r.length(); k++) {
            if (runPairs.used[k]) {
                return false;
            }
        }
        return true;
    }
}
