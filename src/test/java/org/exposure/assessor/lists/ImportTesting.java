package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** What the tests of the importers share: making small files, and checking that one is rejected whole. */
public final class ImportTesting {
    /** An importer's way of reading one file, from a path or a stream. */
    @FunctionalInterface
    public interface Reader<T> {
        ImportResult read(T in) throws ImportException;
    }

    private ImportTesting() {
    }

    /**
     * Asserts that {@code content} is rejected whole, read from a file ({@code scratch} under target/) and from a
     * stream: the file's exception names the list ({@code list}) and both say {@code message}.
     */
    public static void assertRejected(String scratch, byte[] content, Reader<Path> fromFile,
                                      Reader<InputStream> fromStream, String list, String message) throws IOException {
        Path file = Fixtures.scratch(scratch);
        Files.write(file, content);
        assertThatThrownBy(() -> fromFile.read(file)).isInstanceOf(ImportException.class)
                .hasMessageContaining(list).hasMessageContaining(message);
        assertThatThrownBy(() -> fromStream.read(new ByteArrayInputStream(content)))
                .isInstanceOf(ImportException.class).hasMessageContaining(message);
    }

    /** Files by part name, from alternating names and contents. */
    public static Map<String, byte[]> parts(Object... nameThenBytes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            out.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return out;
    }

    public static Map<String, InputStream> streams(Map<String, byte[]> files) {
        Map<String, InputStream> out = new LinkedHashMap<>();
        files.forEach((part, bytes) -> out.put(part, new ByteArrayInputStream(bytes)));
        return out;
    }

    public static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] gzip(String s) throws IOException {
        return gzip(utf8(s));
    }

    public static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
