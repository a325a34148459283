package org.exposure.assessor.support;

/**
 * Cells of the CSV files the service writes, made safe to open in a spreadsheet: a text that begins with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is taken for a formula by Excel, LibreOffice and Google
 * Sheets, so a client's ref such as {@code =HYPERLINK("http://x","y")} would run when a compliance officer opens the
 * results. Such a text gets a leading apostrophe, which the spreadsheet shows as text and does not evaluate (OWASP's
 * advice on CSV injection). Numbers, dates and ids the service writes itself are left as they are.
 */
public final class SpreadsheetSafe {
    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetSafe() {
    }

    /** The text, with an apostrophe in front when a spreadsheet would read it as a formula; null stays null. */
    public static String text(String value) {
        if (value == null || value.isEmpty() || TRIGGERS.indexOf(value.charAt(0)) < 0) {
            return value;
        }
        return "'" + value;
    }
}
