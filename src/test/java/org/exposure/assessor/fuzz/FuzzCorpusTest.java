package org.exposure.assessor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.exposure.assessor.lists.ListFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The fuzzer's findings, kept as regression tests: every case in src/test/resources/fuzz/corpus/ (a file written to
 * target/fuzz-findings/ by a fuzz run, copied there once the bug was fixed) is sent again and judged by the same
 * properties as in the fuzz run ({@link Probe}). Part of the default suite.
 */
@QuarkusTest
class FuzzCorpusTest {
    @TestHTTPResource("/")
    URL base;

    static List<Path> cases() {
        return Cases.corpus();
    }

    @Test
    void theCorpusIsThere() {
        assertThat(cases()).as("cases in %s", Cases.CORPUS).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aCaseStillGetsAGoodAnswer(Path file) throws Exception {
        FuzzInput in = Cases.read(file);
        Fuzzing run = new Fuzzing(in.target(), 0, base.toURI());
        Probe.Verdict v = run.probe.check(in);
        assertThat(v.violations()).as("%s (%s): %d %s", file.getFileName(), in.how(), v.answer().status(),
                v.answer().text()).isEmpty();
        if (in.target().equals("batches") && v.answer().status() == 202) {
            // The job runs in the background; the tests after this one count assessments, so it must be done first.
            run.jobs.add(Fuzzing.jobId(v.answer()));
            assertThat(run.awaitJobs(Duration.ofSeconds(60))).as("job of %s finished", file.getFileName()).isTrue();
            assertThat(run.jobFailures).isEmpty();
        }
    }

    @AfterAll
    static void fixtureListsInForce() {
        // A list case that was accepted is held, not in force; restoring anyway leaves no doubt for the next test.
        ListFixtures.restore();
    }
}
