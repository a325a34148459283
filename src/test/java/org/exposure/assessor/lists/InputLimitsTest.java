package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.exposure.assessor.lists.csl.CslImporter;
import org.exposure.assessor.lists.opensanctions.FtmImporter;
import org.exposure.assessor.lists.un.UnConsolidatedImporter;
import org.junit.jupiter.api.Test;

/** The limits of {@link InputLimits} in the readers: size as sent, decompressed, ratio, XML depth, record size. */
class InputLimitsTest {
    private static final InputLimits SMALL = new InputLimits(64 * 1024, 100, 16, 4096);

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(plain);
        }
        return out.toByteArray();
    }

    private static ImportException failure(ThrowingRead read) {
        try {
            read.run();
        } catch (ImportException e) {
            return e;
        }
        throw new AssertionError("no ImportException");
    }

    interface ThrowingRead {
        void run() throws ImportException;
    }

    @Test
    void aStreamIsReadUpToTheLimitAndNoFurther() throws ImportException {
        byte[] exactly = new byte[64 * 1024];
        assertThat(Inputs.readAll(new ByteArrayInputStream(exactly), "X", SMALL)).hasSize(64 * 1024);
        ImportException e = failure(() -> Inputs.readAll(new ByteArrayInputStream(new byte[64 * 1024 + 1]), "X", SMALL));
        assertThat(e.limit()).contains(InputLimits.MAX_FILE_SIZE);
        assertThat(e.getMessage()).isEqualTo("X: the file is larger than 64 KiB (assessor.lists.max-file-size), file rejected");
        // The part a source names keeps the limit.
        assertThat(e.inPart("alt").limit()).contains(InputLimits.MAX_FILE_SIZE);
        assertThat(e.inPart("alt").part()).contains("alt");
    }

    @Test
    void aGzipOfZerosStopsAtTheRatioAndAnIncompressibleOneAtTheSize() throws IOException {
        // 8 MiB of zeros compress to about 8 KiB: past 1 MiB decompressed the ratio is far beyond 100.
        byte[] zeros = gzip(new byte[8 << 20]);
        InputLimits roomy = new InputLimits(1L << 30, 100, 64, 1 << 20);
        ImportException ratio = failure(() -> Inputs.gunzip(zeros, "X", roomy));
        assertThat(ratio.limit()).contains(InputLimits.MAX_COMPRESSION_RATIO);
        assertThat(ratio.getMessage()).contains("more than 100 times its size");

        byte[] noise = new byte[100 * 1024];
        new Random(7).nextBytes(noise);
        byte[] gzippedNoise = gzip(noise);
        ImportException size = failure(() -> Inputs.gunzip(gzippedNoise, "X", SMALL));
        assertThat(size.limit()).contains(InputLimits.MAX_FILE_SIZE);
        assertThat(size.getMessage()).contains("decompresses to more than 64 KiB");
        // Within both limits it is the file as it was.
        assertThat(failureOrNull(() -> assertThat(Inputs.gunzip(gzippedNoise, "X", roomy)).isEqualTo(noise))).isNull();
    }

    private static ImportException failureOrNull(ThrowingRead read) {
        try {
            read.run();
            return null;
        } catch (ImportException e) {
            return e;
        }
    }

    @Test
    void theCslReaderAppliesTheLimitToTheDecompressedFile() throws IOException {
        byte[] csv = Fixtures.bytes(Fixtures.CSL);
        byte[] gzipped = gzip(csv);
        InputLimits belowTheFile = new InputLimits(csv.length - 1, 100, 64, 1 << 20);
        ImportException e = failure(() -> new CslImporter(belowTheFile).importFrom(new ByteArrayInputStream(gzipped)));
        assertThat(e.limit()).contains(InputLimits.MAX_FILE_SIZE);
        InputLimits theFile = new InputLimits(csv.length, 100, 64, 1 << 20);
        assertThat(failureOrNull(() -> new CslImporter(theFile).importFrom(new ByteArrayInputStream(gzipped)))).isNull();
    }

    private static byte[] unWithNesting(int depth) {
        String xml = "<?xml version=\"1.0\"?><CONSOLIDATED_LIST dateGenerated=\"2026-01-01T00:00:00Z\"><INDIVIDUALS>"
                + "<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>IVAN</FIRST_NAME>" + "<X>".repeat(depth) + "</X>".repeat(depth)
                + "</INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void xmlNestedBeyondTheDepthIsRejectedWithoutExhaustingTheStack() {
        // Root 1, INDIVIDUALS 2, INDIVIDUAL 3: 13 X elements reach depth 16, 14 pass it.
        List<String> seen = new ArrayList<>();
        XmlRecords.Handler handler = new XmlRecords.Handler() {
            @Override
            public void root(String localName, Map<String, String> attributes) {
            }

            @Override
            public void record(XmlRecords.Node node) {
                seen.add(node.name());
            }
        };
        assertThat(failureOrNull(() -> XmlRecords.read(unWithNesting(13), "UN", 2, SMALL, handler))).isNull();
        assertThat(seen).containsExactly("INDIVIDUAL");
        ImportException e = failure(() -> XmlRecords.read(unWithNesting(14), "UN", 2, SMALL, handler));
        assertThat(e.getMessage()).isEqualTo("UN: elements nested deeper than 16 levels (assessor.lists.max-xml-depth), file rejected");
        // 200,000 levels, as a hostile file: the same answer, not a StackOverflowError.
        ImportException deep = failure(() -> new UnConsolidatedImporter(InputLimits.DEFAULT)
                .importFrom(new ByteArrayInputStream(unWithNesting(200_000))));
        assertThat(deep.getMessage()).contains("nested deeper than 64 levels");
    }

    @Test
    void anXmlRecordWithTooMuchTextIsRejected() {
        String xml = "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>" + "A".repeat(5000)
                + "</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>";
        ImportException e = failure(() -> new UnConsolidatedImporter(SMALL)
                .importFrom(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.limit()).contains(InputLimits.MAX_RECORD_SIZE);
        assertThat(e.getMessage()).contains("holds more than 4096 characters of text");
    }

    private static String entity(String id, String name) {
        return "{\"id\":\"" + id + "\",\"schema\":\"Person\",\"caption\":\"" + name + "\",\"properties\":{\"name\":[\""
                + name + "\"]},\"datasets\":[\"t\"]}";
    }

    @Test
    void aJsonLineLongerThanTheRecordSizeIsRejectedAndLineEndsAreAllRead() throws ImportException {
        String longLine = entity("long", "X".repeat(5000));
        String file = entity("a", "ANNA PETROVA") + "\n" + longLine + "\n";
        ImportException e = failure(() -> new FtmImporter(SMALL)
                .importFrom(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.limit()).contains(InputLimits.MAX_RECORD_SIZE);
        assertThat(e.getMessage()).contains("line 2 is longer than 4096 characters");

        // LF, CR LF and CR end lines alike, as BufferedReader.readLine has them.
        for (String end : new String[] {"\n", "\r\n", "\r"}) {
            String lines = entity("a", "ANNA PETROVA") + end + end + entity("b", "BORIS IVANOV") + end;
            ImportResult r = new FtmImporter(SMALL).importFrom(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.entries()).extracting(ListEntry::id).as(end.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly("a", "b");
        }
        // And the file's size as streamed.
        StringBuilder many = new StringBuilder();
        for (int i = 0; many.length() <= 64 * 1024; i++) {
            many.append(entity("p" + i, "PERSON NUMBER " + i)).append('\n');
        }
        ImportException big = failure(() -> new FtmImporter(SMALL)
                .importFrom(new ByteArrayInputStream(many.toString().getBytes(StandardCharsets.UTF_8))));
        assertThat(big.limit()).contains(InputLimits.MAX_FILE_SIZE);
    }
}
