package org.exposure.assessor.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.exposure.assessor.config.AssessorConfig;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The index takes the matcher's settings from the configuration (their ranges are AssessorConfigTest's: a value out
 * of range stops start-up before the index is made).
 */
class ScreeningIndexConfigTest {

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
