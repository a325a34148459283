package org.exposure.assessor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The fuzzer: mutated inputs to POST /api/v1/assessments, POST /api/v1/batches and POST /api/v1/lists/{source}
 * for a bounded time, each answer judged by {@link Probe}. Tagged {@value Fuzzing#TAG}: only {@code -Pfuzz} runs it
 * (see docs/fuzzing.md). Settings, as system properties:
 * <ul>
 * <li>{@code fuzz.seconds}: the time for the three targets together (default 30), split evenly;</li>
 * <li>{@code fuzz.seed}: the run's seed (default: from the clock), printed, so that a run can be repeated;</li>
 * <li>{@code fuzz.inputs}: at most this many inputs per target (default unlimited), to repeat a run exactly.</li>
 * </ul>
 * Targets run in this order so that the batch jobs one queues are finished before the list uploads start, and the
 * list uploads last, after which the fixture lists are put back in force.
 */
@QuarkusTest
@Tag(Fuzzing.TAG)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiFuzzTest {
    private static final long SECONDS = Long.getLong("fuzz.seconds", 30);
    private static final long SEED = Long.getLong("fuzz.seed", System.currentTimeMillis());
    private static final long MAX_INPUTS = Long.getLong("fuzz.inputs", Long.MAX_VALUE);
    private static final Inputs INPUTS = new Inputs();

    @TestHTTPResource("/")
    URL base;

    private Duration share() {
        return Duration.ofMillis(SECONDS * 1000 / 3);
    }

    private Fuzzing fuzz(String target, BiFunction<Inputs, Mutator, FuzzInput> make) throws Exception {
        URI uri = base.toURI();
        Fuzzing f = new Fuzzing(target, SEED, uri);
        System.out.printf("fuzz %s: seed %d (repeat with -Dfuzz.seed=%d), %d s%n", target, SEED, SEED,
                share().toSeconds());
        f.run(share(), MAX_INPUTS, make, INPUTS);
        return f;
    }

    @Test
    @Order(1)
    void assessments() throws Exception {
        // The unmutated seeds must be accepted, or the fuzzer would be mutating inputs that never got past intake.
        Probe probe = new Probe(base.toURI());
        for (String seed : INPUTS.seeds()) {
            Probe.Verdict v = probe.check(new FuzzInput("assessments", Inputs.ASSESSMENTS,
                    Map.of("Content-Type", "application/json"), seed.getBytes(StandardCharsets.UTF_8), false, "seed"));
            assertThat(v.answer().status()).as("seed %s: %s", seed, v.answer().text()).isEqualTo(201);
            assertThat(v.violations()).as("seed %s", seed).isEmpty();
        }
        Fuzzing f = fuzz("assessments", Inputs::assessment);
        System.out.print(f.summary());
        assertThat(f.clean()).as(f.summary()).isTrue();
    }

    @Test
    @Order(2)
    void batches() throws Exception {
        Probe probe = new Probe(base.toURI());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-ndjson");
        Probe.Verdict seed = probe.check(new FuzzInput("batches", Inputs.BATCHES, headers,
                String.join("\n", INPUTS.seeds()).getBytes(StandardCharsets.UTF_8), false, "seeds"));
        assertThat(seed.answer().status()).as(seed.answer().text()).isEqualTo(202);
        assertThat(seed.violations()).isEmpty();

        Fuzzing f = fuzz("batches", Inputs::batch);
        boolean finished = f.awaitJobs(Duration.ofSeconds(Math.max(60, SECONDS)));
        System.out.print(f.summary());
        assertThat(finished).as("every job the fuzzer queued finished in time").isTrue();
        assertThat(f.clean()).as(f.summary()).isTrue();
    }

    @Test
    @Order(3)
    void lists() throws Exception {
        Fuzzing f;
        try {
            f = fuzz("lists", Inputs::list);
        } finally {
            ListFixtures.restore();
        }
        System.out.print(f.summary());
        assertThat(f.clean()).as(f.summary()).isTrue();
    }
}
