package org.exposure.assessor.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * With tracing turned on as docs/operations.md says (the SDK enabled), a request is a server span that continues
 * the caller's trace. The spans go to an in-memory exporter (testsupport/InMemorySpans) instead of a collector;
 * a profile of its own, so the service restarts for it.
 */
@QuarkusTest
@TestProfile(TracingTest.Tracing.class)
class TracingTest {
    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.bsp.schedule.delay", "PT0.05S",
                    // No collector here: the OTLP exporter would only log failures.
                    "quarkus.otel.exporter.otlp.traces.endpoint", "http://127.0.0.1:1");
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    @DisplayName("a request with a traceparent becomes a SERVER span of that trace, named by its route")
    void requestIsAServerSpanOfTheCallersTrace() throws InterruptedException {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Users.ANALYST.given().header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/session").then().statusCode(200);

        SpanData span = awaitServerSpan(traceId);
        assertThat(span.getName()).contains("/api/v1/session");
        assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(span.getAttributes().asMap().entrySet().stream()
                .anyMatch(e -> e.getKey().getKey().contains("status_code") && "200".equals(String.valueOf(e.getValue()))))
                .as("the response status is recorded: %s", span.getAttributes()).isTrue();
    }

    private SpanData awaitServerSpan(String traceId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<SpanData> found = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId)).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no SERVER span of trace " + traceId + " among " + spans.getFinishedSpanItems());
    }
}
