package org.exposure.assessor.domain;

/** Something the assessor noticed about the input that does not stop the assessment (e.g. an HS code unknown to HS 2022). */
public record Warning(String code, String field, String message) {
}
