package org.exposure.assessor.match;

import java.util.Arrays;

/**
 * Token similarities of one query: (distinct query token, dictionary token id) to similarity, open addressing.
 */
final class SimCache {
    private long[] keys = new long[1024];
    private float[] values = new float[1024];
    private int size;

    private static long key(int slot, int token) {
        return (((long) slot << 32) | (token & 0xffffffffL)) + 1; // 0 marks an empty cell
    }

    /** The cached similarity, or -1. */
    float get(int slot, int token) {
        long k = key(slot, token);
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == k) {
                return values[i];
            }
            if (at == 0) {
                return -1;
            }
        }
    }

    void put(int slot, int token, float value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        long k = key(slot, token);
        int mask = keys.length - 1;
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            long at = keys[i];
            if (at == k) {
                values[i] = value;
                return;
            }
            if (at == 0) {
                keys[i] = k;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    void clear() {
        if (size > 0) {
            if (keys.length > 1 << 16) {
                keys = new long[1024];
                values = new float[1024];
            } else {
                Arrays.fill(keys, 0);
            }
            size = 0;
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        float[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new float[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                long k = oldKeys[i] - 1;
                put((int) (k >>> 32), (int) k, oldValues[i]);
            }
        }
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
