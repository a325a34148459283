package org.exposure.assessor.lists.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.exposure.assessor.config.AssessorConfig.Lists.Download;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.OneFileSource;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** What the start-up check of assessor.lists.download rejects (the service then refuses to start). */
class ListDownloadsConfigTest {
    private final ListSources importers = new ListSources();

    record Source(Optional<URI> url, Optional<URI> altUrl, Optional<URI> addUrl, Optional<Duration> every)
            implements Download.Source {
        Source(URI url, Optional<URI> altUrl, Optional<URI> addUrl, Optional<Duration> every) {
            this(Optional.of(url), altUrl, addUrl, every);
        }

        static Source of(String url) {
            return new Source(URI.create(url), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    record Config(Duration every, Map<String, Download.Source> sources) implements Download {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration retry() {
            return Duration.ofMinutes(1);
        }

        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(20);
        }

        @Override
        public Duration timeout() {
            return Duration.ofMinutes(5);
        }

        @Override
        public MemorySize maxSize() {
            return new MemorySize(java.math.BigInteger.valueOf(512L << 20));
        }
    }

    private static Config config(Duration every, Map<String, Download.Source> sources) {
        return new Config(every == null ? Duration.ofDays(1) : every, new LinkedHashMap<>(sources));
    }

    @Test
    void aCompleteConfigurationPasses() {
        Source sdn = new Source(URI.create("https://lists.example.org/sdn.csv"),
                Optional.of(URI.create("https://lists.example.org/alt.csv")),
                Optional.of(URI.create("http://lists.example.org/add.csv")), Optional.of(Duration.ofHours(1)));
        assertThat(ListDownloads.configProblems(config(Duration.ofHours(6), Map.of("OFAC-SDN", sdn,
                "UN", Source.of("https://lists.example.org/un.xml"))), importers)).isEmpty();
        assertThat(ListDownloads.configProblems(config(null, Map.of()), importers)).isEmpty();
    }

    @Test
    void aMisspeltSourceAnAltFileOutsideOfacAndANonHttpUrlAreNamed() {
        Source unWithAlt = new Source(URI.create("https://lists.example.org/un.xml"),
                Optional.of(URI.create("https://lists.example.org/alt.csv")), Optional.empty(), Optional.empty());
        Map<String, Download.Source> sources = new LinkedHashMap<>();
        sources.put("OFAC-SDM", Source.of("https://lists.example.org/sdn.csv"));
        sources.put("UN", unWithAlt);
        sources.put("US-CSL", Source.of("file:///etc/passwd"));
        sources.put("OPENSANCTIONS", new Source(URI.create("https://lists.example.org/ftm.json"), Optional.empty(),
                Optional.empty(), Optional.of(Duration.ZERO)));
        assertThat(ListDownloads.configProblems(config(Duration.ofMinutes(-1), sources), importers)).containsExactly(
                "assessor.lists.download.every must be positive, not PT-1M",
                "assessor.lists.download.\"OFAC-SDM\": no list source OFAC-SDM; known sources: OFAC-SDN, US-CSL, UN, EU-FSF, UK-SL, OPENSANCTIONS",
                "assessor.lists.download.\"UN\".alt-url: UN is published as one file; only OFAC-SDN has alt.csv",
                "assessor.lists.download.\"US-CSL\".url must be an http or https URL with a host, not file:///etc/passwd",
                "assessor.lists.download.\"OPENSANCTIONS\".every must be positive, not PT0S");
    }

    @Test
    void aSourceMayTakeOnlyItsOwnIntervalButNotAnAltFileWithoutItsSdnFile() {
        // Only an interval: the publisher's own URLs are used, at that interval.
        Source unEveryHour = new Source(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Duration.ofHours(1)));
        Source altAlone = new Source(Optional.empty(), Optional.of(URI.create("https://lists.example.org/alt.csv")),
                Optional.empty(), Optional.empty());
        assertThat(ListDownloads.configProblems(config(null, Map.of("UN", unEveryHour)), importers)).isEmpty();
        assertThat(ListDownloads.configProblems(config(null, Map.of("OFAC-SDN", altAlone)), importers)).containsExactly(
                "assessor.lists.download.\"OFAC-SDN\".url must be set when alt-url or add-url is");
    }

    @Test
    void theKeyOfEachPartsUrl() {
        assertThat(ListDownloads.urlKey("OFAC-SDN", "sdn")).isEqualTo("assessor.lists.download.\"OFAC-SDN\".url");
        assertThat(ListDownloads.urlKey("OFAC-SDN", "alt")).isEqualTo("assessor.lists.download.\"OFAC-SDN\".alt-url");
        assertThat(ListDownloads.urlKey("OFAC-SDN", "add")).isEqualTo("assessor.lists.download.\"OFAC-SDN\".add-url");
        assertThat(ListDownloads.urlKey("UN", OneFileSource.PART)).isEqualTo("assessor.lists.download.\"UN\".url");
    }
}
