package org.exposure.assessor.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work begun on another thread at start-up (the ruleset's compilation, the name normaliser). */
public final class Futures {
    private Futures() {
    }

    /**
     * The result, or the exception of the thread that made it as is: a start-up failure then reads as what went
     * wrong (a RulesetException naming file and line), not as a CompletionException wrapping it.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
