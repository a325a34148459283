package org.exposure.assessor.match;

/**
 * Dates of birth as lists and clients give them: ISO 8601 dates or their prefixes ({@code 1952}, {@code 1952-10},
 * {@code 1952-10-07}). Two are compared at the precision both give, since a list that knows only the year says
 * nothing of the day.
 */
final class BirthDates {

    private BirthDates() {
    }

    /** The same at the precision both give: {@code 1952} and {@code 1952-10-07} are. */
    static boolean same(String a, String b) {
        int p = Math.min(precision(a), precision(b));
        return p > 0 && a.regionMatches(0, b, 0, p);
    }

    /**
     * Why two dates that are not {@link #same} are still too close to tell people apart, or null when they are not:
     * day and month swapped (07/10 read as 10/07), the same year, or a year apart (a year of birth computed from an
     * age, or the year of a date written in another calendar).
     */
    static String close(String a, String b) {
        int ya = year(a);
        int yb = year(b);
        if (ya < 0 || yb < 0) {
            return null;
        }
        if (ya == yb && a.length() == 10 && b.length() == 10 && a.substring(5, 7).equals(b.substring(8, 10))
                && a.substring(8, 10).equals(b.substring(5, 7))) {
            return "day and month swapped";
        }
        if (ya == yb) {
            return "same year";
        }
        return Math.abs(ya - yb) == 1 ? "a year apart" : null;
    }

    /** How many leading characters carry the date: 4 (year), 7 (month), 10 (day), or 0 for no date. */
    private static int precision(String d) {
        int n = d.length();
        return n >= 10 ? 10 : n >= 7 ? 7 : n >= 4 ? 4 : 0;
    }

    private static int year(String d) {
        if (d.length() < 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char ch = d.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            y = y * 10 + (ch - '0');
        }
        return y;
    }
}
