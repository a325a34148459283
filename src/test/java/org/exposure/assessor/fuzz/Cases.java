package org.exposure.assessor.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Inputs as files: a finding is written to target/fuzz-findings/ in the same form the regression corpus
 * (src/test/resources/fuzz/corpus/) is read in, so that a finding becomes a regression test by copying its file.
 * The body is base64 (it is any bytes); {@code preview} is the body's start as text, for the reader only.
 */
final class Cases {
    static final Path FINDINGS = Path.of("target", "fuzz-findings");
    static final Path CORPUS = Path.of("src", "test", "resources", "fuzz", "corpus");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Cases() {
    }

    static Path write(Probe.Verdict verdict, long seed, long iteration) {
        FuzzInput in = verdict.input();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("target", in.target());
        o.put("path", in.path());
        ObjectNode headers = o.putObject("headers");
        in.headers().forEach(headers::put);
        o.put("chunked", in.chunked());
        o.put("body", Base64.getEncoder().encodeToString(in.body()));
        o.put("how", in.how());
        in.mustRefuse().forEach(o.putArray("mustRefuse")::add);
        o.put("seed", seed);
        o.put("iteration", iteration);
        o.put("status", verdict.answer().status());
        verdict.violations().forEach(o.putArray("violations")::add);
        String preview = new String(in.body(), 0, Math.min(in.body().length, 400), StandardCharsets.UTF_8);
        o.put("preview", escape(preview));
        o.put("answer", escape(verdict.answer().text().substring(0, Math.min(verdict.answer().text().length(), 600))));
        try {
            Files.createDirectories(FINDINGS);
            Path file = FINDINGS.resolve(in.target() + "-" + seed + "-" + iteration + ".json");
            MAPPER.writeValue(file.toFile(), o);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Control and invisible characters as escapes, so a preview prints on one line and shows what is there. */
    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.SURROGATE) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    static FuzzInput read(Path file) {
        try {
            JsonNode o = MAPPER.readTree(file.toFile());
            Map<String, String> headers = new LinkedHashMap<>();
            o.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            List<String> mustRefuse = new ArrayList<>();
            o.path("mustRefuse").forEach(r -> mustRefuse.add(r.asText()));
            return new FuzzInput(o.path("target").asText(), o.path("path").asText(), headers,
                    Base64.getDecoder().decode(o.path("body").asText()), o.path("chunked").asBoolean(),
                    o.path("how").asText(), mustRefuse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> corpus() {
        if (!Files.isDirectory(CORPUS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(CORPUS)) {
            return new ArrayList<>(files.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
