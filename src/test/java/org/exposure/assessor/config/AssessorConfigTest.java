package org.exposure.assessor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * The settings' defaults and ranges, read by SmallRye Config with Bean Validation as Quarkus reads them at
 * start-up: a value out of range stops the start, naming its key.
 */
class AssessorConfigTest {
    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    private static AssessorConfig read(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(AssessorConfig.class)
                .withConverter(MemorySize.class, 100, new MemorySizeConverter())
                .withValidator(new BeanValidationConfigValidator() {
                    @Override
                    public Validator getValidator() {
                        return VALIDATION.getValidator();
                    }
                })
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(AssessorConfig.class);
    }

    @Test
    @DisplayName("with nothing set, every setting has its one default")
    void defaults() {
        AssessorConfig c = read(Map.of());
        assertThat(c.lists().match().threshold()).isEqualTo(0.86);
        assertThat(c.lists().match().candidateCap()).isEqualTo(25);
        assertThat(c.lists().sources()).containsExactly("OFAC-SDN", "US-CSL", "UN", "EU-FSF", "UK-SL");
        assertThat(c.lists().required()).isTrue();
        assertThat(c.lists().maxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(c.lists().maxDrop()).isEqualTo(0.10);
        assertThat(c.lists().refreshInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.lists().maxFileSize().asLongValue()).isEqualTo(1L << 30);
        assertThat(c.lists().maxCompressionRatio()).isEqualTo(100);
        assertThat(c.lists().maxXmlDepth()).isEqualTo(64);
        assertThat(c.lists().maxRecordSize().asLongValue()).isEqualTo(16L << 20);
        assertThat(org.exposure.assessor.lists.InputLimits.of(c.lists()))
                .isEqualTo(org.exposure.assessor.lists.InputLimits.DEFAULT);
        assertThat(c.lists().download().enabled()).isTrue();
        assertThat(c.lists().download().every()).isEqualTo(Duration.ofDays(1));
        assertThat(c.lists().download().retry()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.batch().maxSize()).isEqualTo(1000);
        assertThat(c.page().maxSize()).isEqualTo(200);
        assertThat(c.jobs().workers()).isEqualTo(2);
        assertThat(c.jobs().chunkSize()).isEqualTo(1000);
        assertThat(c.jobs().pollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.webhooks().enabled()).isTrue();
        assertThat(c.webhooks().retryDelays()).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1));
        assertThat(c.webhooks().retryJitter()).isEqualTo(0.2);
        assertThat(c.webhooks().maxAttempts()).isEqualTo(12);
        assertThat(c.webhooks().maxAge()).isEqualTo(Duration.ofDays(1));
        assertThat(c.webhooks().pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.webhooks().timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "assessor.lists.match.threshold, 1.2",
            "assessor.lists.match.threshold, -0.1",
            "assessor.lists.match.candidate-cap, 0",
            "assessor.lists.max-drop, 1.5",
            "assessor.lists.max-compression-ratio, 1",
            "assessor.lists.max-xml-depth, 3",
            "assessor.lists.max-xml-depth, 10001",
            "assessor.lists.refresh-interval, PT0S",
            "assessor.lists.max-age, -P1D",
            "assessor.lists.download.every, PT0.5S",
            "assessor.lists.download.retry, PT0S",
            "assessor.batch.max-size, 0",
            "assessor.page.max-size, -1",
            "assessor.jobs.workers, 0",
            "assessor.jobs.chunk-size, 0",
            "assessor.jobs.max-row-length, 0",
            "assessor.jobs.poll-interval, PT0S",
            "assessor.webhooks.max-attempts, 0",
            "assessor.webhooks.retry-jitter, 1.5",
            "assessor.webhooks.poll-interval, PT0S",
            "assessor.webhooks.senders, 0",
            "assessor.webhooks.max-age, PT0.5S",
            "assessor.webhooks.timeout, PT0S",
    })
    @DisplayName("a value out of range stops start-up with the key named")
    void outOfRange(String key, String value) {
        assertThatThrownBy(() -> read(Map.of(key, value))).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining(key);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "assessor.lists.match.threshold, 0",
            "assessor.lists.match.threshold, 1",
            "assessor.lists.match.candidate-cap, 1",
            "assessor.lists.max-drop, 0",
            "assessor.lists.max-compression-ratio, 2",
            "assessor.lists.max-xml-depth, 4",
            "assessor.lists.max-xml-depth, 10000",
            "assessor.lists.refresh-interval, PT0.001S",
            "assessor.jobs.workers, 1",
            "assessor.webhooks.max-attempts, 1",
            "assessor.webhooks.retry-jitter, 0",
            "assessor.webhooks.retry-jitter, 1",
    })
    @DisplayName("the edges of each range are accepted")
    void edges(String key, String value) {
        read(Map.of(key, value));
    }
}
