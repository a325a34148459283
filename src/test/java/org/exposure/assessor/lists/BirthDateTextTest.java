package org.exposure.assessor.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BirthDateTextTest {

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("1952-10-07", List.of("1952-10-07")),
                Arguments.of("1952-10", List.of("1952-10")),
                Arguments.of("1952", List.of("1952")),
                Arguments.of("1952-10-07T00:00:00", List.of("1952-10-07")),
                Arguments.of("07 Oct 1952", List.of("1952-10-07")),
                Arguments.of("7 October 1952", List.of("1952-10-07")),
                Arguments.of("Oct 1952", List.of("1952-10")),
                Arguments.of("circa 1952", List.of("1952")),
                Arguments.of("1951 to 1953", List.of("1951", "1952", "1953")),
                Arguments.of("01 Jan 1960 to 31 Dec 1962", List.of("1960", "1961", "1962")),
                Arguments.of("1953-1958", List.of("1953", "1954", "1955", "1956", "1957", "1958")),
                Arguments.of("12/11/1967", List.of("1967-11-12")),
                Arguments.of("00/00/1967", List.of("1967")),
                Arguments.of("dd/09/1958", List.of("1958-09")),
                Arguments.of("dd/mm/1968", List.of("1968")),
                // a range too wide to tell anyone apart, an impossible date, a year out of range, no date
                Arguments.of("1900 to 1960", List.of()),
                Arguments.of("1962 to 1960", List.of()),
                Arguments.of("31 Feb 1960", List.of()),
                Arguments.of("1952-13-01", List.of()),
                Arguments.of("0001", List.of()),
                Arguments.of("unknown", List.of()),
                Arguments.of("Foo 1952", List.of()),
                Arguments.of("  ", List.of()),
                Arguments.of(null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void parses(String text, List<String> dates) {
        assertThat(BirthDateText.parse(text)).containsExactlyElementsOf(dates);
    }
}
