package org.exposure.assessor.web;

import java.util.List;
import java.util.Map;

/**
 * The page and page size a paged list of the web interface is asked for (in its query), checked as a form's
 * fields are: a value out of range is said next to its field and the first page of the default size shown.
 */
final class Paging {
    /** The page sizes people may choose; the first is the default. */
    static final List<Integer> SIZES = List.of(25, 50, 100);
    /** Page numbers beyond this are refused: they would only make the database skip rows for nothing. */
    static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    static int size(String param, Map<String, String> errors) {
        if (param == null || param.isBlank()) {
            return SIZES.get(0);
        }
        try {
            int n = Integer.parseInt(param.strip());
            if (SIZES.contains(n)) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.put("size", "Choose one of " + SIZES + ".");
        return SIZES.get(0);
    }

    static int page(String param, Map<String, String> errors) {
        if (param == null || param.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(param.strip());
            if (n >= 0 && n <= MAX_PAGE) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.put("page", "The page number must be between 0 and " + MAX_PAGE + ".");
        return 0;
    }

    /** The page as people count it, from 1. */
    static int number(int page) {
        return page + 1;
    }

    /** The first row of the page, counted from 1 (0 when there is none). */
    static long first(int page, int size, long total) {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    /** The last row of the page, counted from 1. */
    static long last(int page, int size, long total) {
        return Math.min(total, (long) (page + 1) * size);
    }
}
