package org.exposure.assessor.api;

import java.util.Map;
import java.util.TreeMap;

/** One scrape of /q/metrics (Prometheus text format), read by series name and labels. */
final class Scrape {
    private final String text;

    private Scrape(String text) {
        this.text = text;
    }

    /** Scrapes as the metrics user. */
    static Scrape now() {
        return new Scrape(Users.SCRAPER.given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /**
     * The value of the series {@code name} with exactly these labels; 0 when it is absent (a counter not yet
     * incremented with these labels is not exported).
     */
    double value(String name, String... labels) {
        Double v = find(name, labels);
        return v == null ? 0 : v;
    }

    /** Whether the series exists. */
    boolean has(String name, String... labels) {
        return find(name, labels) != null;
    }

    private Double find(String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            Map<String, String> have = new TreeMap<>();
            int brace = line.indexOf('{');
            int end = line.lastIndexOf('}');
            if (brace == name.length() && end > brace) {
                for (String pair : line.substring(brace + 1, end).split(",")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        have.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim().replace("\"", ""));
                    }
                }
            }
            if (have.equals(wanted)) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                return Double.parseDouble(value);
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
