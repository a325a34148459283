package org.exposure.assessor.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The page and size a paged page is asked for: taken when allowed, else the default and the field's error. */
class PagingTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "null,    0, 25, ",
            "'',      0, 25, ",
            "3,       3, 25, ",
            "1000000, 1000000, 25, ",
            "1000001, 0, 25, page",
            "-1,      0, 25, page",
            "x,       0, 25, page"})
    void thePage(String page, int expected, int size, String error) {
        Map<String, String> errors = new HashMap<>();
        assertThat(Paging.page(page, errors)).isEqualTo(expected);
        assertThat(Paging.size(null, errors)).isEqualTo(size);
        assertThat(errors.keySet()).containsExactlyElementsOf(error == null ? java.util.List.of() : java.util.List.of(error));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {"50, 50, ", "100, 100, ", "30, 25, size", "big, 25, size", "null, 25, "})
    void theSize(String size, int expected, String error) {
        Map<String, String> errors = new HashMap<>();
        assertThat(Paging.size(size, errors)).isEqualTo(expected);
        assertThat(errors.containsKey("size")).isEqualTo(error != null);
    }

    @ParameterizedTest
    @CsvSource({"0, 25, 0, 0, 0", "0, 25, 7, 1, 7", "2, 25, 60, 51, 60", "1, 50, 200, 51, 100"})
    void theRowsOfAPage(int page, int size, long total, long first, long last) {
        assertThat(Paging.first(page, size, total)).isEqualTo(first);
        assertThat(Paging.last(page, size, total)).isEqualTo(last);
        assertThat(Paging.number(page)).isEqualTo(page + 1);
    }
}
