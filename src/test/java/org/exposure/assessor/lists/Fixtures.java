package org.exposure.assessor.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The list fixtures in src/test/resources (what each holds and where it was cut from: src/test/resources/README.md),
 * read from the project directory, which is the working directory of every test run, and a scratch folder under
 * target/. They are part of the checkout, so a test using them never depends on anything beside it.
 */
public final class Fixtures {
    /** The fixture lists in the layout of {@code assessor.lists.dir}: one directory per source id. */
    public static final Path LISTS = Path.of("src", "test", "resources", "lists");
    public static final Path SDN = LISTS.resolve("OFAC-SDN").resolve("sdn.csv");
    public static final Path ALT = LISTS.resolve("OFAC-SDN").resolve("alt.csv");
    public static final Path ADD = LISTS.resolve("OFAC-SDN").resolve("add.csv");
    public static final Path CSL = LISTS.resolve("US-CSL").resolve("consolidated.csv");
    public static final Path UN = LISTS.resolve("UN").resolve("consolidated.xml");
    public static final Path EU_FSF = LISTS.resolve("EU-FSF").resolve("fsf_2026-08-05.xml");
    public static final Path UK_SL = LISTS.resolve("UK-SL").resolve("UK-Sanctions-List.xml");
    /** Importer-only fixtures (a synthetic record each, or another format): outside {@link #LISTS}. */
    public static final Path EU_FSF_WITH_SYNTHETIC = Path.of("src", "test", "resources", "eu", "fsf_sample_jaggeman.xml");
    public static final Path UK_SL_WITH_SYNTHETIC = Path.of("src", "test", "resources", "uk", "fcdo_sample.xml");
    public static final Path UK_CONLIST = Path.of("src", "test", "resources", "uk", "ConList_cut.csv");
    /** OpenSanctions FtM files: outside {@link #LISTS}, so the service never imports them; FtmImporterTest reads them. */
    public static final Path FTM = Path.of("src", "test", "resources", "ftm");

    /** Counts of the fixtures, from src/test/resources/README.md (counted there with another CSV and XML reader). */
    public static final int SDN_ENTRIES = 305;
    public static final int ALT_ROWS = 368;
    public static final int ADD_ROWS = 407;
    /** Entries with at least one alias row, and with at least one address row that is not {@code -0-} throughout. */
    public static final int SDN_ENTRIES_WITH_ALT = 138;
    public static final int SDN_ENTRIES_WITH_ADDRESS = 244;
    public static final int CSL_ROWS = 245;
    public static final int UN_INDIVIDUALS = 124;
    public static final int UN_ENTITIES = 69;
    public static final int EU_FSF_ENTITIES = 5;
    public static final int UK_SL_DESIGNATIONS = 4;
    public static final int UK_CONLIST_GROUPS = 9;
    public static final int UK_CONLIST_ROWS = 95;

    private Fixtures() {
    }

    /** The records of the fixture sdn.csv (Latin-1), without line ends and without the 0x1A end-of-file line. */
    public static List<String> sdnLines() {
        try {
            List<String> lines = Files.readAllLines(SDN, StandardCharsets.ISO_8859_1);
            if (!lines.get(lines.size() - 1).equals("\u001a")) {
                throw new IllegalStateException(SDN + " no longer ends with the 0x1A line of the published file");
            }
            return lines.subList(0, lines.size() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first {@code rows} records of the fixture sdn.csv as OFAC publishes them (Latin-1, CRLF), followed by
     * {@code extraRows} (each a whole record without its line end), without the end-of-file marker.
     */
    public static byte[] sdnRows(int rows, String... extraRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String line : sdnLines().subList(0, rows)) {
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (String line : extraRows) {
            out.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    /** {@code rows} followed by the lone 0x1A byte OFAC ends its files with. */
    public static byte[] withEndMarker(byte[] rows) {
        byte[] out = java.util.Arrays.copyOf(rows, rows.length + 1);
        out[rows.length] = 0x1a;
        return out;
    }

    /** An OFAC file with {@code row} inserted before its last line, the lone 0x1A end-of-file marker. */
    public static byte[] withRowBeforeTheEndMarker(byte[] file, byte[] row) {
        if (file[file.length - 1] != 0x1a) {
            throw new IllegalArgumentException("the file does not end with the 0x1A marker");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + row.length);
        out.write(file, 0, file.length - 1);
        out.writeBytes(row);
        out.write(0x1a);
        return out.toByteArray();
    }

    public static byte[] bytes(Path fixture) {
        try {
            return Files.readAllBytes(fixture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file name under target/lists-test for a test's own files. */
    public static Path scratch(String name) {
        try {
            Path dir = Path.of("target", "lists-test");
            Files.createDirectories(dir);
            return dir.resolve(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
