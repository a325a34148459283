package org.exposure.assessor.batch;

/** How a job's body is written: one JSON subject per line, or the flat CSV layout of {@link CsvLayout}. */
public enum BatchFormat {
    JSONL, CSV
}
