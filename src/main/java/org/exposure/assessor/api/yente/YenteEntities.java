package org.exposure.assessor.api.yente;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.screening.ScreeningIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A matched list entry as a yente {@code ScoredEntityResponse}: an FtM entity (id, caption, schema, properties,
 * datasets...) with the score, whether it matches, and the score's parts as yente's {@code explanations} (and the
 * older {@code features}).
 */
final class YenteEntities {
    /**
     * This service's list ids to the names OpenSanctions gives the same lists, so that a client filtering on
     * {@code datasets} finds the names it knows. An OpenSanctions entity keeps its own datasets.
     */
    static final Map<String, String> DATASETS = Map.of(
            "OFAC-SDN", "us_ofac_sdn",
            "US-CSL", "us_trade_csl",
            "UN", "un_sc_sanctions",
            "EU-FSF", "eu_fsf",
            "UK-SL", "gb_fcdo_sanctions",
            "OPENSANCTIONS", "opensanctions");

    private final ObjectMapper mapper;

    YenteEntities(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The FtM schema of a list entry's type; an OpenSanctions entity keeps its own. */
    static String schema(String type) {
        return switch (type == null ? "UNKNOWN" : type) {
            case "INDIVIDUAL" -> "Person";
            case "ENTITY" -> "LegalEntity";
            case "VESSEL" -> "Vessel";
            case "AIRCRAFT" -> "Airplane";
            default -> "LegalEntity";
        };
    }

    /** The id yente shows: an OpenSanctions entity's own, otherwise the list's id and the entry's, as a slug. */
    static String id(String source, String entryId) {
        if ("OPENSANCTIONS".equals(source)) {
            return entryId;
        }
        return (source + "-" + entryId).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    }

    /** One result, in yente's field order. */
    Map<String, Object> result(ScreeningIndex.Hit hit, String queryName, ListEntryEntity entry, Instant seen,
                               double threshold) {
        ScreeningIndex.Hit m = hit;
        String schema = schema(m.type());
        Map<String, List<String>> props = new LinkedHashMap<>();
        List<String> datasets = new ArrayList<>();
        if (entry != null) {
            JsonNode original = read(entry.originalJson);
            if ("OPENSANCTIONS".equals(hit.source()) && original.path("schema").isTextual()) {
                schema = original.path("schema").asText();
            }
            props(entry, props);
            for (JsonNode d : read(entry.datasetsJson)) {
                datasets.add(d.asText());
            }
        } else {
            props.put("name", List.of(m.primaryName()));
        }
        if (datasets.isEmpty()) {
            datasets.add(DATASETS.getOrDefault(hit.source(), hit.source().toLowerCase(Locale.ROOT)));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id(hit.source(), hit.entryId()));
        r.put("caption", m.primaryName());
        r.put("schema", schema);
        r.put("properties", props);
        r.put("datasets", datasets);
        r.put("referents", List.of());
        // Every entry of a list in force is a sanctions target.
        r.put("target", true);
        r.put("first_seen", null);
        r.put("last_seen", seen == null ? null : LocalDateTime.ofInstant(seen.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC).toString());
        r.put("last_change", null);
        double score = Math.round(m.score() * 1000) / 1000.0;
        r.put("score", score);
        r.put("explanations", explanations(m, queryName));
        r.put("features", features(m));
        r.put("match", m.score() >= threshold);
        return r;
    }

    /** The entry's stored fields as FtM properties. */
    private void props(ListEntryEntity e, Map<String, List<String>> props) {
        props.put("name", List.of(e.primaryName));
        Set<String> alias = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        for (JsonNode a : read(e.aliasesJson)) {
            (a.path("weak").asBoolean(false) ? weak : alias).add(a.path("name").asText());
        }
        alias.remove(e.primaryName);
        put(props, "alias", alias);
        put(props, "weakAlias", weak);
        Set<String> countries = new LinkedHashSet<>();
        for (JsonNode c : read(e.countriesJson)) {
            String code = YenteExample.country(c.asText());
            // FtM writes countries as lower-case alpha-2; a country the list gives only as words stays out.
            if (code != null) {
                countries.add(code.toLowerCase(Locale.ROOT));
            }
        }
        put(props, "country", countries);
        Set<String> programs = new LinkedHashSet<>();
        read(e.programsJson).forEach(p -> programs.add(p.asText()));
        put(props, "program", programs);
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (JsonNode i : read(e.identifiersJson)) {
            ids.computeIfAbsent(identifierProperty(i.path("type").asText()), k -> new LinkedHashSet<>())
                    .add(i.path("value").asText());
        }
        ids.forEach((k, v) -> put(props, k, v));
        Set<String> notes = new LinkedHashSet<>();
        read(e.remarksJson).forEach(n -> notes.add(n.asText()));
        put(props, "notes", notes);
        put(props, "topics", Set.of("sanction"));
    }

    /** The FtM property for an identifier, from the list's own name for its kind. */
    static String identifierProperty(String listType) {
        String t = listType.toLowerCase(Locale.ROOT);
        if (t.contains("bic") || t.contains("swift")) {
            return "swiftBic";
        } else if (t.contains("imo")) {
            return "imoNumber";
        } else if (t.contains("inn")) {
            return "innCode";
        } else if (t.contains("ogrn")) {
            return "ogrnCode";
        } else if (t.contains("lei") || t.contains("legal entity number")) {
            return "leiCode";
        } else if (t.contains("passport")) {
            return "passportNumber";
        } else if (t.contains("tax") || t.contains("vat")) {
            return "taxNumber";
        } else if (t.contains("regist")) {
            return "registrationNumber";
        }
        return "idNumber";
    }

    private static void put(Map<String, List<String>> props, String key, Set<String> values) {
        List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).toList();
        if (!kept.isEmpty()) {
            props.computeIfAbsent(key, k -> new ArrayList<>()).addAll(kept);
        }
    }

    private JsonNode read(String json) {
        if (json == null) {
            return mapper.createArrayNode();
        }
        try {
            return mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a stored list entry holds unreadable JSON", e);
        }
    }

    /**
     * yente's {@code explanations}: one {@code FeatureResult} ({@code detail}, {@code score}, {@code query},
     * {@code candidate}) per line of the match's explanation. The name line names the query's name and the list
     * name it was compared with; each token line is {@code token_1}, {@code token_2}... in the explanation's order;
     * a feature that moved the score says by how much in its detail.
     */
    static Map<String, Object> explanations(ScreeningIndex.Hit m, String queryName) {
        Map<String, Object> out = new LinkedHashMap<>();
        int token = 0;
        for (ScreeningIndex.Feature f : m.features()) {
            String key = "token".equals(f.feature()) ? "token_" + (++token) : f.feature();
            Map<String, Object> fr = new LinkedHashMap<>();
            String detail = f.detail();
            if (!"name".equals(f.feature()) && f.contribution() != 0) {
                detail = (detail == null ? "" : detail + "; ") + String.format(Locale.ROOT, "%+.3f to the score",
                        f.contribution());
            }
            fr.put("detail", detail);
            fr.put("score", Math.round(f.value() * 1000) / 1000.0);
            boolean name = "name".equals(f.feature());
            fr.put("query", name ? queryName : null);
            fr.put("candidate", name ? m.matchedName() : null);
            out.put(key, fr);
        }
        return out;
    }

    /**
     * yente's former {@code features} (still read by older clients): feature name to its value, for the lines that
     * make up the score (the name, the coverage and every adjustment), the token lines left out: they are parts of
     * the name line.
     */
    static Map<String, Double> features(ScreeningIndex.Hit m) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ScreeningIndex.Feature f : m.features()) {
            if (!"token".equals(f.feature())) {
                out.put(f.feature(), Math.round(f.value() * 1000) / 1000.0);
            }
        }
        return out;
    }
}
