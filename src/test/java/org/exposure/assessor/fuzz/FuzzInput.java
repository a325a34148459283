package org.exposure.assessor.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request the fuzzer sends: where, with which headers, which body bytes, and whether the body goes without a
 * length (chunked), because the service reads a chunked body along another path than one of declared length.
 * {@code how} lists the mutations that made it, for the person who reads a finding; {@code mustRefuse} why the
 * service must refuse it ({@link Refusals}), empty when it may accept it.
 */
public record FuzzInput(String target, String path, Map<String, String> headers, byte[] body, boolean chunked,
        String how, List<String> mustRefuse) {

    public FuzzInput {
        headers = new LinkedHashMap<>(headers);
        mustRefuse = List.copyOf(mustRefuse);
    }

    public FuzzInput(String target, String path, Map<String, String> headers, byte[] body, boolean chunked,
            String how) {
        this(target, path, headers, body, chunked, how, List.of());
    }

    /** The request's Content-Type, or null when it is sent without one. */
    public String contentType() {
        return headers.get("Content-Type");
    }
}
