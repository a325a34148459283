package org.exposure.assessor.match;

import java.util.Arrays;

/**
 * Per-thread working memory of a query in the {@link CandidateIndex}: the credits the names collect, and their
 * ranking. Reset after each query.
 */
final class QueryScratch {
    /** Per name, the query-side weight of the query tokens matched (times similarity evidence). */
    final float[] nameWeight;
    /** Per name, the name-side weight of its tokens matched: a rare query token matching a common word covers
     * little of the name holding it. */
    final float[] nameOwnWeight;
    final int[] touchedNames;
    int touchedNameCount;
    final int[] gramCount;
    final int[] touchedSpellings;
    int touchedSpellingCount;
    final SimCache sims = new SimCache();
    /**
     * What the current query slot has credited each name so far, keyed by (query number, slot): a name gets the
     * best of the credits one query token gives it, not their sum, as one query token pairs with one name token
     * when scored. Summing let a name holding several spellings of a common word (or one credited by a token
     * and its variants) outrank the exact name and push it out of the scored candidates.
     */
    final long[] creditKey;
    final float[] credit;
    final float[] ownCredit;
    long query;
    int slot;

    QueryScratch(int names, int spellings) {
        nameWeight = new float[names];
        nameOwnWeight = new float[names];
        ownCredit = new float[names];
        creditKey = new long[names];
        credit = new float[names];
        touchedNames = new int[names];
        gramCount = new int[spellings];
        touchedSpellings = new int[spellings];
    }

    /** Forgets the names credited and the similarities cached by the query just done. */
    void reset() {
        for (int k = 0; k < touchedNameCount; k++) {
            nameWeight[touchedNames[k]] = 0;
            nameOwnWeight[touchedNames[k]] = 0;
        }
        touchedNameCount = 0;
        sims.clear();
    }

    /**
     * As {@link #credit}, but only the names already put forward: those of {@code posting} (the names holding
     * {@code token}).
     */
    void creditFound(int[] posting, int token, NameSide[] nameSide, double weight, double own) {
        float w = (float) weight;
        float o = (float) own;
        if (touchedNameCount < posting.length) {
            for (int k = 0; k < touchedNameCount; k++) {
                int n = touchedNames[k];
                for (int id : nameSide[n].ids) {
                    if (id == token) {
                        nameWeight[n] += w;
                        nameOwnWeight[n] += o;
                        break;
                    }
                }
            }
        } else {
            for (int n : posting) {
                if (nameWeight[n] != 0) {
                    nameWeight[n] += w;
                    nameOwnWeight[n] += o;
                }
            }
        }
    }

    /** Credits {@code names} (those holding a token): {@code weight} on the query's side, {@code own} on the name's. */
    void credit(int[] names, double weight, double own) {
        float w = (float) weight;
        float o = (float) own;
        long key = query << 20 | slot;
        for (int n : names) {
            if (nameWeight[n] == 0) {
                touchedNames[touchedNameCount++] = n;
            }
            if (creditKey[n] != key) {
                creditKey[n] = key;
                credit[n] = w;
                ownCredit[n] = o;
                nameWeight[n] += w;
                nameOwnWeight[n] += o;
            } else {
                if (w > credit[n]) {
                    nameWeight[n] += w - credit[n];
                    credit[n] = w;
                }
                if (o > ownCredit[n]) {
                    nameOwnWeight[n] += o - ownCredit[n];
                    ownCredit[n] = o;
                }
            }
        }
    }

    /**
     * The {@code cap} names credited of highest estimated score, as (estimate bits, name) longs in ascending order.
     * A name's collected weight {@code w} (its matched query weight, roughly) gives coverages {@code w / query
     * weight} and {@code w / name weight}; the estimate is the better one times {@code 0.5 + 0.5 *} the other, so
     * that a name that is little more than the query's rare words ranks above a long name that merely holds one.
     */
    long[] top(int cap, double queryWeight, float[] nameInverseWeight) {
        float inverseQuery = (float) (1.0 / queryWeight);
        int n = touchedNameCount;
        int k = Math.min(cap, n);
        long[] heap = new long[k]; // min-heap of the best k so far
        int size = 0;
        for (int i = 0; i < n; i++) {
            int name = touchedNames[i];
            float a = Math.min(1f, nameWeight[name] * inverseQuery);
            float b = Math.min(1f, nameOwnWeight[name] * nameInverseWeight[name]);
            float estimate = Math.max(a, b) * (0.5f + 0.5f * Math.min(a, b));
            long key = ((long) Float.floatToIntBits(estimate) << 32) | name; // positive floats order like bits
            if (size < k) {
                heap[size] = key;
                int c = size++;
                while (c > 0 && heap[(c - 1) / 2] > heap[c]) {
                    long t = heap[c];
                    heap[c] = heap[(c - 1) / 2];
                    heap[(c - 1) / 2] = t;
                    c = (c - 1) / 2;
                }
            } else if (k > 0 && key > heap[0]) {
                heap[0] = key;
                int c = 0;
                while (true) {
                    int l = 2 * c + 1;
                    int r = l + 1;
                    int m = c;
                    if (l < k && heap[l] < heap[m]) {
                        m = l;
                    }
                    if (r < k && heap[r] < heap[m]) {
                        m = r;
                    }
                    if (m == c) {
                        break;
                    }
                    long t = heap[c];
                    heap[c] = heap[m];
                    heap[m] = t;
                    c = m;
                }
            }
        }
        Arrays.sort(heap);
        return heap;
    }
}
