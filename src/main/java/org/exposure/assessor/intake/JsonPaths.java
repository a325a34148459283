package org.exposure.assessor.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Renders Jackson's reference path as subjects[3].owners[0].sharePercent. */
final class JsonPaths {
    private JsonPaths() {
    }

    static String of(String prefix, List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder(prefix == null ? "" : prefix);
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
