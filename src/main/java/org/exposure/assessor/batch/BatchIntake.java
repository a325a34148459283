package org.exposure.assessor.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.intake.FieldError;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Receives a job's body and stores it chunk by chunk as it arrives, so that memory holds one chunk whatever the size
 * of the file. Rows are not validated here (a bad row must not stop the job; the workers report it), but a body that
 * cannot be split into rows at all (not UTF-8, a CSV header that is not the layout's, a CSV record that never ends)
 * is refused whole and nothing of it stays stored.
 */
@ApplicationScoped
public class BatchIntake {
    private static final Logger LOG = Logger.getLogger(BatchIntake.class);
    /** Chunks written per transaction during an upload. */
    private static final int CHUNKS_PER_WRITE = 4;
    /** A chunk is cut earlier than chunk-size rows when its text grows past this, to bound a worker's memory. */
    private static final int MAX_CHUNK_CHARS = 8 * 1024 * 1024;


    private final BatchStore store;
    private final AssessorConfig config;
    private final ObjectMapper mapper;

    BatchIntake(BatchStore store, AssessorConfig config, ObjectMapper mapper) {
        this.store = store;
        this.config = config;
        this.mapper = mapper;
    }

    /** The body cannot be read as rows; {@code errors} say where and why. */
    public static final class RejectedUpload extends Exception {
        private final List<FieldError> errors;

        RejectedUpload(String message, List<FieldError> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Stores the body as a new job of {@code createdBy} and queues it; returns the job's id. */
    public UUID receive(InputStream body, BatchFormat format, String createdBy) throws RejectedUpload, IOException {
        Reader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 64 * 1024);
        CsvLayout layout = null;
        CSVParser csv = null;
        LimitedReader limited = null;
        if (format == BatchFormat.CSV) {
            // The header is checked before the job exists: a wrong layout is the caller's mistake, not a job that fails.
            limited = new LimitedReader(reader, config.jobs().maxRowLength());
            csv = CSVFormat.RFC4180.builder().get().parse(limited);
            layout = csvHeader(csv);
        }
        UUID jobId = store.createJob(format, createdBy);
        try {
            long seq = store.jobSeq(jobId);
            Chunker chunker = new Chunker(jobId, seq,
                    layout == null ? null : ChunkRow.header(mapper.writeValueAsString(layout.header())).text());
            if (format == BatchFormat.CSV) {
                readCsv(csv, limited, chunker);
            } else {
                readJsonLines(reader, chunker);
            }
            chunker.finish();
            store.markQueued(jobId, chunker.rows, chunker.chunkNo);
            LOG.infof("Batch job %s received: %d rows in %d chunks (%s)", jobId, chunker.rows, chunker.chunkNo, format);
            return jobId;
        } catch (RejectedUpload | IOException | RuntimeException e) {
            try {
                store.delete(jobId);
            } catch (RuntimeException cleanup) {
                // The database went away under the upload: the caller hears the first failure (a 503), and the job,
                // still RECEIVING, is failed by housekeeping once assessor.jobs.abandoned-upload has passed.
                e.addSuppressed(cleanup);
            }
            if (e instanceof CharacterCodingException) {
                throw new RejectedUpload("the body is not UTF-8 text", List.of(new FieldError("(body)", "is not UTF-8 text")));
            }
            throw e;
        }
    }

    private CsvLayout csvHeader(CSVParser csv) throws RejectedUpload {
        CSVRecord header;
        try {
            var it = csv.iterator();
            if (!it.hasNext()) {
                throw new RejectedUpload("the CSV body is empty", List.of(new FieldError("header",
                        "is missing: the first row names the columns, e.g. " + String.join(",", CsvLayout.COLUMNS))));
            }
            header = it.next();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new RejectedUpload("the CSV header cannot be read", List.of(new FieldError("header", "cannot be read: " + rootMessage(e))));
        }
        List<FieldError> errors = new ArrayList<>();
        CsvLayout layout = CsvLayout.of(header.toList(), errors);
        if (layout == null) {
            throw new RejectedUpload("the CSV header is not the batch layout", errors);
        }
        return layout;
    }

    private void readCsv(CSVParser csv, LimitedReader limited, Chunker chunker) throws RejectedUpload, IOException {
        long lineAfterPrevious = csv.getCurrentLineNumber();
        var it = csv.iterator();
        while (true) {
            CSVRecord record;
            try {
                if (!it.hasNext()) {
                    break;
                }
                record = it.next();
            } catch (java.io.UncheckedIOException | IllegalStateException e) {
                // commons-csv cannot find where a broken record ends (an unbalanced quote), so nothing after it is a row.
                long line = lineAfterPrevious + 1;
                throw new RejectedUpload("the CSV cannot be read from line " + line, List.of(new FieldError("line " + line,
                        "cannot be read as CSV: " + rootMessage(e))));
            }
            long line = lineAfterPrevious + 1;
            lineAfterPrevious = csv.getCurrentLineNumber();
            limited.recordEnded();
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            chunker.add(new ChunkRow(line, ChunkRow.Kind.CSV, mapper.writeValueAsString(record.toList())));
        }
    }

    private void readJsonLines(Reader reader, Chunker chunker) throws IOException {
        int max = config.jobs().maxRowLength();
        char[] buf = new char[64 * 1024];
        StringBuilder line = new StringBuilder(1024);
        long lineNo = 0;
        boolean overlong = false;
        boolean open = false;
        int n;
        while ((n = reader.read(buf)) != -1) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] != '\n') {
                    continue;
                }
                overlong = append(line, buf, start, i - start, max, overlong);
                endLine(++lineNo, line, overlong, max, chunker);
                line.setLength(0);
                overlong = false;
                open = false;
                start = i + 1;
            }
            if (start < n) {
                overlong = append(line, buf, start, n - start, max, overlong);
                open = true;
            }
        }
        if (open) {
            endLine(++lineNo, line, overlong, max, chunker);
        }
    }

    /** Appends to the line unless it has grown past {@code max}; returns whether it has. */
    private static boolean append(StringBuilder line, char[] buf, int from, int len, int max, boolean overlong) {
        if (overlong) {
            return true;
        }
        if (line.length() + len > max) {
            line.setLength(0);
            return true;
        }
        line.append(buf, from, len);
        return false;
    }

    private static void endLine(long lineNo, StringBuilder line, boolean overlong, int max, Chunker chunker) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        if (overlong) {
            chunker.add(new ChunkRow(lineNo, ChunkRow.Kind.ERROR, "is longer than " + max + " characters"));
        } else if (!line.toString().isBlank()) {
            chunker.add(new ChunkRow(lineNo, ChunkRow.Kind.JSON, line.toString()));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Groups rows into chunks and writes them a few at a time. */
    private final class Chunker {
        private final UUID jobId;
        private final long seq;
        private final List<BatchStore.Chunk> pending = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private long firstLine = -1;
        private int rowsInChunk;
        long rows;
        int chunkNo;

        private final String preamble;

        Chunker(UUID jobId, long seq, String preamble) {
            this.jobId = jobId;
            this.seq = seq;
            this.preamble = preamble;
        }

        void add(ChunkRow row) {
            if (firstLine < 0) {
                firstLine = row.line();
                if (preamble != null) {
                    text.append(preamble);
                }
            }
            row.appendTo(text);
            rowsInChunk++;
            rows++;
            if (rowsInChunk >= config.jobs().chunkSize() || text.length() >= MAX_CHUNK_CHARS) {
                cut();
            }
        }

        private void cut() {
            if (rowsInChunk == 0) {
                return;
            }
            pending.add(new BatchStore.Chunk(jobId, chunkNo++, firstLine, rowsInChunk, text.toString()));
            text.setLength(0);
            rowsInChunk = 0;
            firstLine = -1;
            if (pending.size() >= CHUNKS_PER_WRITE) {
                flush();
            }
        }

        private void flush() {
            if (!pending.isEmpty()) {
                store.appendChunks(jobId, seq, pending, rows, chunkNo);
                pending.clear();
            }
        }

        void finish() {
            cut();
            flush();
        }
    }

    /**
     * Fails a read once one CSV record grows past the limit (an unbalanced quote makes the rest of the file one
     * record), instead of buffering a whole broken file. The parser reads ahead, so the bound is approximate.
     */
    private static final class LimitedReader extends Reader {
        private static final int READ_AHEAD = 64 * 1024;
        private final Reader in;
        private final int limit;
        private long sinceRecord;

        LimitedReader(Reader in, int limit) {
            this.in = in;
            this.limit = limit;
        }

        void recordEnded() {
            sinceRecord = 0;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                sinceRecord += n;
                if (sinceRecord > (long) limit + READ_AHEAD) {
                    throw new IOException("a record is longer than " + limit + " characters (an unclosed quote?)");
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
