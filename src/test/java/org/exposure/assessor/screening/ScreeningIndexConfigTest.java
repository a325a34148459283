package org.exposure.assessor.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.exposure.assessor.config.AssessorConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The matcher's settings are checked when the index is made, that is at start-up, naming the key. */
class ScreeningIndexConfigTest {

    @Test
    void thresholdOutside0To1StopsStartUp() {
        assertThatThrownBy(() -> index(1.2, 25)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assessor.lists.match.threshold").hasMessageContaining("1.2");
        assertThatThrownBy(() -> index(-0.1, 25)).hasMessageContaining("assessor.lists.match.threshold");
    }

    @Test
    void candidateCapBelowOneStopsStartUp() {
        assertThatThrownBy(() -> index(0.86, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assessor.lists.match.candidate-cap").hasMessageContaining("0");
    }

    @Test
    void aRefreshIntervalThatIsNotPositiveStopsStartUp() {
        assertThatThrownBy(() -> index(0.86, 25, java.time.Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("assessor.lists.refresh-interval");
    }

    @Test
    void validSettingsAreTaken() {
        ScreeningIndex index = index(0.9, 1);
        assertThat(index.threshold()).isEqualTo(0.9);
        assertThat(index.versions()).isEmpty();
    }

    private static ScreeningIndex index(double threshold, int cap) {
        return index(threshold, cap, java.time.Duration.ofSeconds(2));
    }

    private static ScreeningIndex index(double threshold, int cap, java.time.Duration refresh) {
        // No database is reached when the index is made: the data source and the store are never asked here.
        return new ScreeningIndex(new IndexBuilder(null, new ObjectMapper(), null, null),
                config(Map.of("threshold", threshold, "candidateCap", cap), refresh), null);
    }

    /** An AssessorConfig answering lists().match() from {@code match} and lists().refreshInterval(), nothing else. */
    private static AssessorConfig config(Map<String, Object> match, java.time.Duration refresh) {
        Object m = proxy(AssessorConfig.Lists.Match.class, match);
        Object lists = proxy(AssessorConfig.Lists.class, Map.of("match", m, "refreshInterval", refresh));
        return (AssessorConfig) proxy(AssessorConfig.class, Map.of("lists", lists));
    }

    private static Object proxy(Class<?> type, Map<String, Object> answers) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            if (!answers.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return answers.get(method.getName());
        });
    }
}
