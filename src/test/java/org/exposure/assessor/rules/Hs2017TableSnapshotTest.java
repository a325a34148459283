package org.exposure.assessor.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exposure.assessor.lists.Snapshots;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped HS 2017 to HS 2022 table is exactly what {@link Hs2017Table} derives from the UN correlation. */
@Tag(Snapshots.TAG)
class Hs2017TableSnapshotTest {

    @Test
    @DisplayName("rules/reference/hs2017-to-hs2022.csv equals the table derived from the UN HS2017-HS2022 correlation")
    void shippedTableIsTheDerivedOne() throws IOException {
        String derived;
        try (Reader in = Files.newBufferedReader(Snapshots.require("hs/hs2017_hs2022_correlation.csv"), StandardCharsets.UTF_8)) {
            derived = Hs2017Table.derive(in);
        }
        String shipped = Files.readString(Path.of("rules/reference/hs2017-to-hs2022.csv"), StandardCharsets.UTF_8);
        assertThat(shipped).isEqualTo(derived);
        assertThat(shipped.lines().filter(l -> !l.startsWith("#")).skip(1).map(l -> l.split(",")[0]).distinct())
                .hasSize(143);
    }
}
