package org.exposure.assessor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The hash encoding exactly as docs/audit.md gives it, with the worked example there. */
class AuditHashTest {
    private static final ObjectMapper MAPPER = AuditHash.canonicalMapper(new ObjectMapper().findAndRegisterModules());

    @Test
    void theEncodingIsLengthPrefixedFields() {
        byte[] bytes = AuditHash.encode(1, Instant.parse("2026-12-02T07:00:00.123456789Z"), "système", "LIST_IMPORTED",
                "list-version", "v1", null, "{\"a\":1}", AuditHash.GENESIS);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("audit-v1\n"
                + "1:1\n"
                + "27:2026-12-02T07:00:00.123456Z\n"
                + "8:système\n"
                + "13:LIST_IMPORTED\n"
                + "12:list-version\n"
                + "2:v1\n"
                + "-1:\n"
                + "7:{\"a\":1}\n"
                + "64:" + AuditHash.GENESIS + "\n");
    }

    @Test
    void theDocumentedExampleHashesAsDocumented() {
        // docs/audit.md works this event through; its hash was also computed with sha256sum over the bytes.
        String hash = AuditHash.of(1, Instant.parse("2026-12-02T07:00:00.123456Z"), "admin", "LIST_IMPORTED",
                "list-version", "0193f1c2-0000-7000-8000-000000000001", null, "{\"entries\":3,\"source\":\"UN\"}",
                AuditHash.GENESIS);
        assertThat(hash).isEqualTo(DOCUMENTED);
    }

    static final String DOCUMENTED = "86cf8dde0dd7ef4e1828892a6fe37d932dcb762e6f72d1bd32095865a4095903";

    @Test
    void fieldsCannotBeShiftedIntoEachOther() {
        Instant t = Instant.parse("2026-12-02T07:00:00Z");
        assertThat(AuditHash.of(1, t, "ab", "c", "t", "i", null, "{}", AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, t, "a", "bc", "t", "i", null, "{}", AuditHash.GENESIS));
        assertThat(AuditHash.of(1, t, "a", "b", "t", "i", null, "{}", AuditHash.GENESIS))
                .isNotEqualTo(AuditHash.of(1, t, "a", "b", "t", "i", "{}", null, AuditHash.GENESIS));
    }

    @Test
    void canonicalJsonSortsKeysAtEveryDepthAndKeepsArrayOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", List.of("y", "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("source", "UN");
        outer.put("inner", inner);
        outer.put("at", Instant.parse("2026-12-02T07:00:00Z"));
        outer.put("none", null);
        assertThat(AuditHash.canonicalJson(MAPPER, outer))
                .isEqualTo("{\"at\":\"2026-12-02T07:00:00Z\",\"inner\":{\"a\":[\"y\",\"x\"],\"z\":1},\"none\":null,\"source\":\"UN\"}");
        assertThat(AuditHash.canonicalJson(MAPPER, null)).isNull();
    }

    record State(String versionId, int entries) {
    }

    @Test
    void recordsAreWrittenWithSortedProperties() {
        assertThat(AuditHash.canonicalJson(MAPPER, new State("v1", 3))).isEqualTo("{\"entries\":3,\"versionId\":\"v1\"}");
    }
}
