package org.exposure.assessor.lists;

/**
 * A malformed row that was skipped while the rest of the file was imported.
 *
 * @param rowNumber 1-based: for CSV the record number in its file (a header counts as row 1), for JSON lines the
 *                  line number, for XML the line on which the skipped element starts
 * @param reason    what is wrong, naming the file part (e.g. "alt.csv: ...") where an import reads several files
 */
public record RowProblem(long rowNumber, String reason) {
}
