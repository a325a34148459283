package org.exposure.assessor.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * What can be checked of docker/ without a Docker engine: exact base images, no default password, a memory limit
 * and heap settings, a readiness health check. The files are read as text (the build has no YAML parser).
 */
class DockerFilesTest {
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path COMPOSE = Path.of("docker/docker-compose.yml");

    @Test
    void baseImageIsAnExactRelease() throws IOException {
        List<String> from = Files.readAllLines(DOCKERFILE).stream().filter(l -> l.startsWith("FROM ")).toList();
        assertThat(from).hasSize(1);
        // eclipse-temurin:<major>.<minor>.<patch>_<build>-..., never "17-jre" or "latest".
        assertThat(from.get(0)).matches("FROM eclipse-temurin:\\d+\\.\\d+\\.\\d+_\\d+-jre-\\w+(@sha256:[0-9a-f]{64})?");
    }

    @Test
    void composeImagesArePinned() throws IOException {
        Matcher m = Pattern.compile("(?m)^\\s+image:\\s*(\\S+)").matcher(Files.readString(COMPOSE));
        int images = 0;
        while (m.find()) {
            images++;
            String image = m.group(1);
            assertThat(image).as(image).doesNotEndWith(":latest").matches(".+:\\d+\\.\\d+(\\.\\d+)?(-\\w+)?(@sha256:[0-9a-f]{64})?");
        }
        assertThat(images).isEqualTo(2);
    }

    @Test
    void noDefaultPassword() throws IOException {
        String compose = Files.readString(COMPOSE);
        List<String> passwordLines = compose.lines().filter(l -> l.contains("PASSWORD:")).toList();
        assertThat(passwordLines).hasSize(2).allSatisfy(l ->
                assertThat(l).contains("${ASSESSOR_DB_PASSWORD:?").doesNotContain(":-"));
        assertThat(Files.readString(DOCKERFILE)).doesNotContainPattern("(?i)ENV\\s+\\S*PASSWORD");
    }

    @Test
    void memoryBoundedAndReadinessChecked() throws IOException {
        String compose = Files.readString(COMPOSE);
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(compose).containsPattern("(?m)^\\s+mem_limit: \\d+[gm]$");
        assertThat(compose).containsPattern("tmpfs:\\s*\\n\\s*- /tmp:size=\\d+[gm]");
        assertThat(dockerfile).contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(dockerfile).containsPattern("HEALTHCHECK[^\\n]*\\\\\\n\\s*CMD curl -fsS http://127.0.0.1:8080/q/health/ready");
        assertThat(compose).contains("http://127.0.0.1:8080/q/health/ready");
        assertThat(compose).contains("ASSESSOR_LISTS_DOWNLOAD_ENABLED");
    }
}
