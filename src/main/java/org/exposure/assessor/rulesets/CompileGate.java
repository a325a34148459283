package org.exposure.assessor.rulesets;

import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * One compile of a candidate ruleset at a time on this instance: a compile is seconds of CPU on the cores that
 * serve assessments, so a second validation is turned away (and told when to come back) rather than queued.
 */
@ApplicationScoped
public class CompileGate {
    /** Seconds a turned-away client is asked to wait: about one compile. */
    public static final int RETRY_AFTER_SECONDS = 15;

    private final Semaphore permits = new Semaphore(1);

    /** Held while a compile runs; closing it lets the next one in. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /** A permit, or empty when a compile is running. */
    public Optional<Permit> tryEnter() {
        if (!permits.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Permit() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    permits.release();
                }
            }
        });
    }
}
