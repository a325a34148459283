package org.exposure.assessor.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The temporary files the cleanup deletes: this service's own, left behind longer than the retention, and no others. */
class RetentionTempFilesTest {

    @Test
    void deletesOnlyOwnFilesOlderThanTheCutoff(@TempDir Path dir) throws IOException {
        Instant now = Instant.now();
        Path oldBatch = file(dir, "assessor-batch-123.body", now.minus(Duration.ofDays(2)));
        Path oldDownload = file(dir, "assessor-list-456.download", now.minus(Duration.ofDays(3)));
        Path youngBatch = file(dir, "assessor-batch-789.body", now.minus(Duration.ofHours(1)));
        Path foreign = file(dir, "someone-else.body", now.minus(Duration.ofDays(30)));
        Path oldDirectory = Files.createDirectory(dir.resolve("assessor-batch-dir.body"));

        int deleted = Retention.deleteTempFiles(dir, Retention.TEMP_FILES, now.minus(Duration.ofDays(1)));

        assertThat(deleted).isEqualTo(2);
        assertThat(oldBatch).doesNotExist();
        assertThat(oldDownload).doesNotExist();
        assertThat(youngBatch).exists();
        assertThat(foreign).exists();
        assertThat(oldDirectory).exists();
    }

    @Test
    void uploadedPartsDirectoryIsCleanedByAge(@TempDir Path dir) throws IOException {
        Instant now = Instant.now();
        Path left = file(dir, "3f2c9a1e-part", now.minus(Duration.ofDays(2)));
        Path current = file(dir, "77aa01bb-part", now);

        assertThat(Retention.deleteTempFiles(dir, Retention.UPLOADED_PARTS, now.minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(current).exists();
    }

    @Test
    void missingDirectoryIsNoError(@TempDir Path dir) {
        assertThat(Retention.deleteTempFiles(dir.resolve("absent"), Retention.TEMP_FILES, Instant.now())).isZero();
    }

    private static Path file(Path dir, String name, Instant modified) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "x");
        Files.setLastModifiedTime(f, FileTime.from(modified));
        return f;
    }
}
