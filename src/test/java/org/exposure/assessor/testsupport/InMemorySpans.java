package org.exposure.assessor.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * An exporter that keeps finished spans in memory, which Quarkus's OpenTelemetry picks up as a CDI span exporter,
 * so that a test can read the spans instead of a collector. It only receives spans where the SDK is on
 * (TracingTest's profile); everywhere else tracing is off and it stays empty.
 */
public class InMemorySpans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
