package org.exposure.assessor.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a stored chunk, as the intake writes it and the workers read it back: {@code line TAB kind TAB payload},
 * one per text line. The line number is the row's line in the upload (0 for the CSV header that starts each chunk of
 * a CSV job, so that a chunk can be read alone). A payload never holds a line break: a JSON row is one line of the
 * upload, a CSV record is stored as its values in a JSON array, an error as its message.
 */
record ChunkRow(long line, Kind kind, String payload) {

    enum Kind {
        /** A JSON Lines row: the subject's JSON text. */
        JSON('J'),
        /** A CSV record: its values as a JSON array of strings. */
        CSV('C'),
        /** A row the intake could not take (too long): the message for the client. */
        ERROR('E'),
        /** The CSV header: its column names as a JSON array of strings. */
        HEADER('H'),
        /**
         * A stored subject to assess again after a list change: {@code {"supersedes": <assessment id>, "subject":
         * <the subject as stored>}}.
         */
        RESCREEN('S');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        static Kind of(char code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalStateException("a stored chunk row has an unknown kind '" + code + "'");
        }
    }

    ChunkRow {
        if (payload.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a chunk row's payload must be one line");
        }
    }

    static ChunkRow rescreen(long line, String payloadJson) {
        return new ChunkRow(line, Kind.RESCREEN, payloadJson);
    }

    static ChunkRow header(String columnsJson) {
        return new ChunkRow(0, Kind.HEADER, columnsJson);
    }

    void appendTo(StringBuilder text) {
        text.append(line).append('\t').append(kind.code).append('\t').append(payload).append('\n');
    }

    String text() {
        StringBuilder text = new StringBuilder(payload.length() + 16);
        appendTo(text);
        return text.toString();
    }

    /** The rows of a stored chunk, in order. */
    static List<ChunkRow> parseAll(String chunk) {
        List<ChunkRow> rows = new ArrayList<>();
        int start = 0;
        while (start < chunk.length()) {
            int end = chunk.indexOf('\n', start);
            if (end < 0) {
                end = chunk.length();
            }
            if (end > start) {
                rows.add(parse(chunk, start, end));
            }
            start = end + 1;
        }
        return rows;
    }

    private static ChunkRow parse(String chunk, int start, int end) {
        int tab = chunk.indexOf('\t', start);
        if (tab < 0 || tab + 2 >= end || chunk.charAt(tab + 2) != '\t') {
            throw new IllegalStateException("a stored chunk row is not \"line TAB kind TAB payload\"");
        }
        return new ChunkRow(Long.parseLong(chunk, start, tab, 10), Kind.of(chunk.charAt(tab + 1)),
                chunk.substring(tab + 3, end));
    }
}
