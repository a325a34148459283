package org.exposure.assessor.intake;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonStreamContext;
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

    /** The path of the value a parser stood at, under {@code prefix}: owners[0].sharePercent. */
    static String of(String prefix, JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.add(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                parts.add("[" + c.getCurrentIndex() + "]");
            }
        }
        StringBuilder out = new StringBuilder(prefix == null ? "" : prefix);
        for (int i = parts.size() - 1; i >= 0; i--) {
            String part = parts.get(i);
            if (!part.startsWith("[") && out.length() > 0) {
                out.append('.');
            }
            out.append(part);
        }
        return out.toString();
    }
}
