package org.exposure.assessor.match;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The matcher's word tables (legal forms, titles, common words, surnames, nicknames) as shipped in its resources:
 * UTF-8 text, one entry per line, blank lines and lines starting with {@code #} being comments.
 */
final class ResourceLines {

    private ResourceLines() {
    }

    /** The lines of {@code resource}, stripped, without blank lines and comments; a missing resource is a bug. */
    static List<String> of(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = ResourceLines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
