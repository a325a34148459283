package org.exposure.assessor.match;

import java.util.Arrays;

/** The character trigrams the candidate index looks spellings up by, and the map from a trigram to its spellings. */
final class Trigrams {

    /** Length of the character n-grams the candidate index is built on. */
    static final int GRAM = 3;

    /** The distinct n-grams ({@value #GRAM} characters) of a token padded with a space at either end. */
    static long[] grams(String token) {
        int padded = token.length() + 2;
        int n = padded - GRAM + 1;
        long[] out = new long[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            long g = 0;
            for (int k = i; k < i + GRAM; k++) {
                char c = k == 0 || k == padded - 1 ? ' ' : token.charAt(k - 1);
                g = g << 16 | c;
            }
            boolean seen = false;
            for (int k = 0; k < size && !seen; k++) {
                seen = out[k] == g;
            }
            if (!seen) {
                out[size++] = g;
            }
        }
        return size == n ? out : Arrays.copyOf(out, size);
    }

    /** n-gram to the spellings holding it, open addressing. */
    static final class GramMap {
        private final long[] keys;
        private final int[][] values;

        GramMap(int size) {
            int cap = Integer.highestOneBit(Math.max(4, size * 2)) * 2;
            keys = new long[cap];
            values = new int[cap][];
        }

        void put(long key, int[] value) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                if (values[i] == null) {
                    keys[i] = key;
                    values[i] = value;
                    return;
                }
            }
        }

        int[] get(long key) {
            int mask = keys.length - 1;
            for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
                int[] v = values[i];
                if (v == null || keys[i] == key) {
                    return v;
                }
            }
        }

        private static int hash(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 29));
        }
    }

    private Trigrams() {
    }
}
