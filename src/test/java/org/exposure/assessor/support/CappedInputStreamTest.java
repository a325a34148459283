package org.exposure.assessor.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class CappedInputStreamTest {
    private static InputStream capped(int size, long max) {
        return new CappedInputStream(new ByteArrayInputStream(new byte[size]), max, m -> {
            throw new IOException("over " + m);
        });
    }

    @Test
    void exactlyTheLimitIsRead() throws IOException {
        assertThat(capped(100, 100).readAllBytes()).hasSize(100);
    }

    @Test
    void oneByteMoreFailsWithTheCallersException() {
        assertThatThrownBy(() -> capped(101, 100).readAllBytes()).isInstanceOf(IOException.class).hasMessage("over 100");
        assertThatThrownBy(() -> {
            try (InputStream in = capped(101, 100)) {
                while (in.read() >= 0) {
                    // byte by byte
                }
            }
        }).hasMessage("over 100");
    }

    @Test
    void skippedBytesCount() {
        assertThatThrownBy(() -> {
            try (InputStream in = capped(200, 100)) {
                in.skip(150);
            }
        }).hasMessage("over 100");
    }

    @Test
    void anOverflowThatDoesNotThrowStillStopsTheReader() {
        InputStream in = new CappedInputStream(new ByteArrayInputStream(new byte[10]), 5, m -> { });
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("more than 5 bytes");
    }
}
