package org.exposure.assessor.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void version7WithTheCurrentTimeAndUnique() throws InterruptedException {
        long before = System.currentTimeMillis();
        UUID first = TimeOrderedIds.next();
        Thread.sleep(3);
        UUID later = TimeOrderedIds.next();
        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(first.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
        // Ids of a later millisecond sort after earlier ones, which is what keeps index inserts at the edge.
        assertThat(Long.compareUnsigned(later.getMostSignificantBits(), first.getMostSignificantBits())).isPositive();
        Set<UUID> many = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(TimeOrderedIds.next());
        }
        assertThat(many).hasSize(100_000);
    }
}
