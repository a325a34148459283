package org.exposure.assessor.match;

import java.util.Arrays;

/**
 * Per-thread working memory of a query in the {@link CandidateIndex}: the credits the names collect, and their
 * ranking. Reset after each query.
 * <p>
 * A common token credits thousands of names, each at a place of its own in memory. All that a query keeps of one
 * name (its two collected weights, the current slot's credits and the slot's stamp) and the name's inverse weight
 * are therefore kept side by side, {@value #STRIDE} ints a name in one array ({@link #state}; floats by their
 * bits), so that crediting or ranking a name touches one cache line rather than one per array.
 */
final class QueryScratch {
    /** Ints per name in {@link #state}. */
    static final int STRIDE = 8;
    /**
     * Per name: the query-side weight of the query tokens matched (times similarity evidence).
     */
    static final int WEIGHT = 0;
    /**
     * Per name: the name-side weight of its tokens matched: a rare query token matching a common word covers little
     * of the name holding it.
     */
    static final int OWN_WEIGHT = 1;
    /** Per name: what the current slot has credited it so far, on either side (see {@link #stamp}). */
    private static final int CREDIT = 2;
    private static final int OWN_CREDIT = 3;
    /** Per name: the {@link #stamp} its {@link #CREDIT} and {@link #OWN_CREDIT} belong to. */
    private static final int KEY = 4;
    /** Per name: 1 / the name's total token weight (constant, the index's). */
    private static final int INVERSE_WEIGHT = 5;
    /** Per name: where its token ids begin and end in {@link #nameTokens} (constant). */
    private static final int TOKENS_FROM = 6;
    private static final int TOKENS_TO = 7;

    final int[] state;
    /** Every name's token ids, one name after the other (see {@link #TOKENS_FROM}). */
    private final int[] nameTokens;
    /** Per query slot, the neighbours the lookup took from the index's memo rather than computing them; or null. */
    private CandidateIndex.Neighbours[] slotNeighbours = new CandidateIndex.Neighbours[8];
    private int slotNeighbourCount;
    final int[] touchedNames;
    int touchedNameCount;
    final int[] gramCount;
    final int[] touchedSpellings;
    int touchedSpellingCount;
    final SimCache sims = new SimCache();
    /**
     * Identifies the current (query, slot): a name gets the best of the credits one query token gives it, not their
     * sum, as one query token pairs with one name token when scored. Summing let a name holding several spellings of
     * a common word (or one credited by a token and its variants) outrank the exact name and push it out of the
     * scored candidates. A query visits each slot once, so a new stamp per {@link #slot(int)} tells them apart.
     */
    private int stamp;
    /** Per dictionary token, the {@link #markTokens} mark of the last neighbour search that reached it. */
    final int[] tokenMark;
    private int mark;
    int slot;

    QueryScratch(float[] nameInverseWeight, NameSide[] nameSide, int spellings, int tokens) {
        tokenMark = new int[tokens];
        int names = nameInverseWeight.length;
        state = new int[names * STRIDE];
        int ids = 0;
        for (NameSide side : nameSide) {
            ids += side.ids.length;
        }
        nameTokens = new int[ids];
        int at = 0;
        for (int n = 0; n < names; n++) {
            state[n * STRIDE + INVERSE_WEIGHT] = Float.floatToRawIntBits(nameInverseWeight[n]);
            state[n * STRIDE + TOKENS_FROM] = at;
            System.arraycopy(nameSide[n].ids, 0, nameTokens, at, nameSide[n].ids.length);
            at += nameSide[n].ids.length;
            state[n * STRIDE + TOKENS_TO] = at;
        }
        touchedNames = new int[names];
        gramCount = new int[spellings];
        touchedSpellings = new int[spellings];
    }

    /** The collected query-side weight of name {@code n}. */
    float nameWeight(int n) {
        return Float.intBitsToFloat(state[n * STRIDE + WEIGHT]);
    }

    /** The collected name-side weight of name {@code n}. */
    float nameOwnWeight(int n) {
        return Float.intBitsToFloat(state[n * STRIDE + OWN_WEIGHT]);
    }

    /** Starts crediting for query slot {@code slot}: every name's best credit so far is forgotten. */
    void slot(int slot) {
        this.slot = slot;
        if (++stamp == 0) { // wrapped round: no name may keep a key equal to a stamp still to come
            for (int k = KEY; k < state.length; k += STRIDE) {
                state[k] = 0;
            }
            stamp = 1;
        }
    }

    /** A new mark for {@link #tokenMark}: no token holds it yet. */
    int markTokens() {
        if (++mark == 0) {
            Arrays.fill(tokenMark, 0);
            mark = 1;
        }
        return mark;
    }

    /** Forgets the names credited and the similarities cached by the query just done. */
    void reset() {
        for (int k = 0; k < touchedNameCount; k++) {
            int at = touchedNames[k] * STRIDE;
            state[at + WEIGHT] = 0;
            state[at + OWN_WEIGHT] = 0;
        }
        touchedNameCount = 0;
        sims.clear();
        Arrays.fill(slotNeighbours, 0, slotNeighbourCount, null);
        slotNeighbourCount = 0;
    }

    /** Records that the similarities of query slot {@code slot} with the index's tokens are {@code nb}'s. */
    void neighbours(int slot, CandidateIndex.Neighbours nb) {
        if (slot >= slotNeighbours.length) {
            slotNeighbours = Arrays.copyOf(slotNeighbours, Math.max(slot + 1, 2 * slotNeighbours.length));
        }
        slotNeighbours[slot] = nb;
        slotNeighbourCount = Math.max(slotNeighbourCount, slot + 1);
    }

    /** The similarity of query slot {@code slot} with dictionary token {@code t} from its recorded neighbours, or -1. */
    float neighbourSim(int slot, int t) {
        CandidateIndex.Neighbours nb = slot < slotNeighbourCount ? slotNeighbours[slot] : null;
        return nb == null ? -1 : nb.sim(t);
    }

    /**
     * As {@link #credit}, but only the names already put forward: those of {@code posting} (the names holding
     * {@code token}).
     */
    void creditFound(int[] posting, int token, double weight, double own) {
        float w = (float) weight;
        float o = (float) own;
        int[] st = state;
        if (touchedNameCount < posting.length) {
            int[] ids = nameTokens;
            for (int k = 0; k < touchedNameCount; k++) {
                int at = touchedNames[k] * STRIDE;
                for (int x = st[at + TOKENS_FROM], end = st[at + TOKENS_TO]; x < end; x++) {
                    if (ids[x] == token) {
                        add(st, at, w, o);
                        break;
                    }
                }
            }
        } else {
            for (int n : posting) {
                int at = n * STRIDE;
                if (Float.intBitsToFloat(st[at + WEIGHT]) != 0) {
                    add(st, at, w, o);
                }
            }
        }
    }

    private static void add(int[] st, int at, float w, float o) {
        st[at + WEIGHT] = Float.floatToRawIntBits(Float.intBitsToFloat(st[at + WEIGHT]) + w);
        st[at + OWN_WEIGHT] = Float.floatToRawIntBits(Float.intBitsToFloat(st[at + OWN_WEIGHT]) + o);
    }

    /** Credits {@code names} (those holding a token): {@code weight} on the query's side, {@code own} on the name's. */
    void credit(int[] names, double weight, double own) {
        float w = (float) weight;
        float o = (float) own;
        int key = stamp;
        int[] st = state;
        int wBits = Float.floatToRawIntBits(w);
        int oBits = Float.floatToRawIntBits(o);
        for (int n : names) {
            int at = n * STRIDE;
            float nw = Float.intBitsToFloat(st[at + WEIGHT]);
            if (nw == 0) {
                touchedNames[touchedNameCount++] = n;
            }
            float no = Float.intBitsToFloat(st[at + OWN_WEIGHT]);
            if (st[at + KEY] != key) {
                st[at + KEY] = key;
                st[at + CREDIT] = wBits;
                st[at + OWN_CREDIT] = oBits;
                st[at + WEIGHT] = Float.floatToRawIntBits(nw + w);
                st[at + OWN_WEIGHT] = Float.floatToRawIntBits(no + o);
            } else {
                float c = Float.intBitsToFloat(st[at + CREDIT]);
                if (w > c) {
                    st[at + WEIGHT] = Float.floatToRawIntBits(nw + (w - c));
                    st[at + CREDIT] = wBits;
                }
                float oc = Float.intBitsToFloat(st[at + OWN_CREDIT]);
                if (o > oc) {
                    st[at + OWN_WEIGHT] = Float.floatToRawIntBits(no + (o - oc));
                    st[at + OWN_CREDIT] = oBits;
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
    long[] top(int cap, double queryWeight) {
        float inverseQuery = (float) (1.0 / queryWeight);
        int[] st = state;
        int n = touchedNameCount;
        int k = Math.min(cap, n);
        long[] heap = new long[k]; // min-heap of the best k so far
        int size = 0;
        for (int i = 0; i < n; i++) {
            int name = touchedNames[i];
            int at = name * STRIDE;
            float a = Math.min(1f, Float.intBitsToFloat(st[at + WEIGHT]) * inverseQuery);
            float b = Math.min(1f, Float.intBitsToFloat(st[at + OWN_WEIGHT])
                    * Float.intBitsToFloat(st[at + INVERSE_WEIGHT]));
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
