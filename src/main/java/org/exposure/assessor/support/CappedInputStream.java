package org.exposure.assessor.support;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that fails at the first byte read (or skipped) past a limit: for bodies and files whose length is not
 * announced, or not to be trusted, and that are read rather than held. What failing means is the caller's.
 */
public final class CappedInputStream extends FilterInputStream {
    /** Called once more than the limit has been read; throws what the caller answers with. */
    @FunctionalInterface
    public interface Overflow {
        void exceeded(long max) throws IOException;
    }

    private final long max;
    private final Overflow overflow;
    private long read;

    public CappedInputStream(InputStream in, long max, Overflow overflow) {
        super(in);
        this.max = max;
        this.overflow = overflow;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        if (skipped > 0) {
            count(skipped);
        }
        return skipped;
    }

    private void count(long n) throws IOException {
        read += n;
        if (read > max) {
            overflow.exceeded(max);
            // An overflow that does not throw must not let the reader go on past the limit.
            throw new IOException("more than " + max + " bytes");
        }
    }
}
