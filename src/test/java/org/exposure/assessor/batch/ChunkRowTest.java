package org.exposure.assessor.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkRowTest {

    @Test
    @DisplayName("rows written one after another are read back the same, in order, a tab inside a payload included")
    void roundTrip() {
        List<ChunkRow> rows = List.of(
                ChunkRow.header("[\"ref\",\"type\"]"),
                new ChunkRow(2, ChunkRow.Kind.CSV, "[\"r1\",\"GOODS\"]"),
                new ChunkRow(3, ChunkRow.Kind.JSON, "{\"type\":\t\"GOODS\"}"),
                new ChunkRow(12_345_678_901L, ChunkRow.Kind.ERROR, "is longer than 10 characters"));
        StringBuilder text = new StringBuilder();
        rows.forEach(r -> r.appendTo(text));

        assertThat(text.toString()).startsWith("0\tH\t[\"ref\",\"type\"]\n2\tC\t");
        assertThat(ChunkRow.parseAll(text.toString())).containsExactlyElementsOf(rows);
    }

    @Test
    @DisplayName("empty lines between rows are not rows")
    void emptyLines() {
        assertThat(ChunkRow.parseAll("\n1\tJ\t{}\n\n2\tJ\t[]\n")).extracting(ChunkRow::line).containsExactly(1L, 2L);
        assertThat(ChunkRow.parseAll("")).isEmpty();
    }

    @Test
    @DisplayName("a payload with a line break cannot be written: it would become two rows")
    void payloadIsOneLine() {
        assertThatThrownBy(() -> new ChunkRow(1, ChunkRow.Kind.ERROR, "a\nb")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1\tJ{}", "1J\t{}", "x\tJ\t{}", "1\tZ\t{}", "1\t"})
    @DisplayName("a stored row that is not \"line TAB kind TAB payload\" is an error, never a row read wrongly")
    void malformed(String row) {
        assertThatThrownBy(() -> ChunkRow.parseAll(row)).isInstanceOf(RuntimeException.class);
    }
}
