package org.exposure.assessor.api.yente;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.screening.ListsUnavailableException;
import org.exposure.assessor.screening.ScreeningIndex;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * yente's match endpoint ({@code POST /match/{dataset}}), under {@code /api/v1/yente}, so that a client of
 * OpenSanctions' yente pointed at {@code https://HOST/api/v1/yente} screens against the lists in force here: the
 * request and response in yente's shapes, each query screened by this service's matcher through the same index as
 * {@code GET /api/v1/screen}. What is mapped and what is not: docs/yente.md.
 */
@Path("/api/v1/yente/match/{dataset}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "yente", description = "OpenSanctions yente's match API, answered by this service's matcher over the lists in force.")
public class YenteMatchResource {
    /** The most queries of one request, as yente's own default batch limit. */
    static final int MAX_QUERIES = 100;
    /** yente's default and greatest {@code limit}. */
    static final int DEFAULT_LIMIT = 5;
    static final int MAX_LIMIT = 500;
    private static final String ALL = "ALL";

    private final ScreeningIndex index;
    private final ListCoverage coverage;
    private final ListStore store;
    private final YenteEntities entities;

    YenteMatchResource(ScreeningIndex index, ListCoverage coverage, ListStore store, ObjectMapper mapper) {
        this.index = index;
        this.coverage = coverage;
        this.store = store;
        this.entities = new YenteEntities(mapper);
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Operation(summary = "Match entities (yente's query by example)",
            description = "yente's POST /match/{dataset}: {\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": "
                    + "{\"name\": [...], \"birthDate\": [...], \"nationality\": [...]}}}}. Each query's names are screened "
                    + "against the lists in force (dataset default or sanctions: all of them; a list id such as OFAC-SDN: "
                    + "that one), best per entry, and answered in yente's shape. At most 100 queries.")
    @APIResponse(responseCode = "200", description = "yente's EntityMatchResponse: responses by query key, limit.")
    @APIResponse(responseCode = "400", description = "No queries, too many, a query without schema or name, a bad parameter.")
    @APIResponse(responseCode = "404", description = "No such dataset.")
    @APIResponse(responseCode = "503", description = "The lists of the dataset are not in force: nothing was screened.")
    public Response match(
            @Parameter(description = "default or sanctions (every list in force), or a list id: OFAC-SDN, UN, EU-FSF, "
                    + "UK-SL, US-CSL, OPENSANCTIONS.") @PathParam("dataset") String dataset,
            @Parameter(description = "Results per query, 1 to 500; 5 when absent.") @QueryParam("limit") String limit,
            @Parameter(description = "Score from 0 to 1 at or above which a result matches; the configured "
                    + "threshold (assessor.lists.match.threshold) when absent.") @QueryParam("threshold") String threshold,
            @Parameter(description = "Deprecated in yente: score below which results are left out; at most the threshold.")
            @QueryParam("cutoff") String cutoff,
            @Parameter(description = "Any of yente's algorithm names; all are answered by this service's matcher "
                    + "(name-based and name-qualified compare the names only).") @QueryParam("algorithm") String algorithm,
            @Parameter(description = "Only results in these datasets.") @QueryParam("include_dataset") List<String> includeDataset,
            @Parameter(description = "No results in these datasets.") @QueryParam("exclude_dataset") List<String> excludeDataset,
            @Parameter(description = "No results of these schemata.") @QueryParam("exclude_schema") List<String> excludeSchema,
            @Parameter(description = "Only results with one of these topics (every entry here has the topic sanction).")
            @QueryParam("topics") List<String> topics,
            @Parameter(description = "No results with these ids.") @QueryParam("exclude_entity_ids") List<String> excludeIds,
            @Parameter(description = "Not supported: a 400 when given (entries carry no change date here).")
            @QueryParam("changed_since") String changedSince,
            JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        int lim = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        double t = fraction("threshold", threshold, index.threshold(), errors);
        double cut = Math.min(fraction("cutoff", cutoff, t, errors), t);
        YenteAlgorithm algo = YenteAlgorithm.BEST;
        if (algorithm != null && !algorithm.isBlank()) {
            algo = YenteAlgorithm.of(algorithm);
            if (algo == null) {
                errors.add(new FieldError("algorithm", "must be one of " + YenteAlgorithm.names()));
            }
        }
        if (changedSince != null && !changedSince.isBlank()) {
            errors.add(new FieldError("changed_since", "is not supported: list entries carry no change date here"));
        }
        String source = source(dataset);
        Map<String, YenteExample> examples = examples(body, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }

        ScreeningIndex.Snapshot snapshot = index.snapshot();
        Map<String, ListVersionEntity> versions = new HashMap<>();
        snapshot.versions().forEach(v -> versions.put(v.id.toString(), v));
        if (snapshot.empty() || (!ALL.equals(source) && versions.values().stream().noneMatch(v -> v.source.equals(source)))) {
            // An empty answer would read as "no match"; without the lists it means nothing.
            throw new ListsUnavailableException(ALL.equals(source) ? coverage.missing(snapshot) : List.of(source));
        }
        Filters filters = new Filters(source, set(includeDataset), set(excludeDataset), set(excludeSchema), set(topics),
                set(excludeIds));

        Map<String, Object> responses = new LinkedHashMap<>();
        for (Map.Entry<String, YenteExample> e : examples.entrySet()) {
            responses.put(e.getKey(), respond(snapshot, versions, e.getValue(), algo, filters, lim, cut, t));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", responses);
        // yente has dropped "matcher"; it is kept for clients that still read it, and says which matcher answered.
        out.put("matcher", Map.of("name", YenteAlgorithm.MATCHER, "requested", algo.yenteName,
                "qualified", algo.qualified));
        out.put("limit", lim);
        return Response.ok(out).header("x-batch-size", String.valueOf(responses.size())).build();
    }

    /** What a request's query parameters keep of the results. */
    private record Filters(String source, Set<String> include, Set<String> exclude, Set<String> excludeSchema,
                           Set<String> topics, Set<String> excludeIds) {
        boolean keeps(ScreeningIndex.Hit hit, Map<String, Object> result) {
            if (!ALL.equals(source) && !source.equals(hit.source())) {
                return false;
            }
            @SuppressWarnings("unchecked")
            List<String> datasets = (List<String>) result.get("datasets");
            if (!include.isEmpty() && datasets.stream().noneMatch(d -> include.contains(d) || include.contains(hit.source()))) {
                return false;
            }
            if (datasets.stream().anyMatch(exclude::contains) || exclude.contains(hit.source())) {
                return false;
            }
            if (excludeSchema.contains(result.get("schema")) || excludeIds.contains(result.get("id"))
                    || excludeIds.contains(hit.entryId())) {
                return false;
            }
            return topics.isEmpty() || topics.contains("sanction");
        }
    }

    private Map<String, Object> respond(ScreeningIndex.Snapshot snapshot, Map<String, ListVersionEntity> versions,
                                        YenteExample ex, YenteAlgorithm algo, Filters filters, int limit, double cutoff,
                                        double threshold) {
        // Every name of the query is screened; an entry matched by several keeps its best score.
        Map<UUID, ScreeningIndex.Hit> best = new LinkedHashMap<>();
        Map<UUID, String> byName = new HashMap<>();
        for (String name : ex.names()) {
            for (ScreeningIndex.Hit h : index.search(snapshot, name, ex.type(), algo.qualified ? ex.countries() : Set.of(),
                    algo.qualified ? ex.facts() : ScreeningIndex.Facts.NONE, cutoff)) {
                ScreeningIndex.Hit prev = best.get(h.rowId());
                if (prev == null || h.score() > prev.score()) {
                    best.put(h.rowId(), h);
                    byName.put(h.rowId(), name);
                }
            }
        }
        List<ScreeningIndex.Hit> hits = new ArrayList<>(best.values());
        hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        // The entries' other fields are read for the results only, never for scoring: one query per example.
        Map<UUID, ListEntryEntity> rows = new HashMap<>();
        List<UUID> wanted = hits.stream().filter(h -> ALL.equals(filters.source()) || filters.source().equals(h.source()))
                .limit(Math.max(limit * 4L, 20)).map(ScreeningIndex.Hit::rowId).toList();
        store.entries(wanted).forEach(r -> rows.put(r.id, r));
        List<Map<String, Object>> results = new ArrayList<>();
        int total = 0;
        for (ScreeningIndex.Hit h : hits) {
            ListVersionEntity v = versions.get(h.versionId());
            Instant seen = v == null ? null : v.importedAt;
            ListEntryEntity row = rows.get(h.rowId());
            if (row == null && results.size() < limit && (ALL.equals(filters.source()) || filters.source().equals(h.source()))) {
                // Past the rows read ahead (most were filtered out): read this one.
                row = store.entries(List.of(h.rowId())).stream().findFirst().orElse(null);
            }
            Map<String, Object> r = entities.result(h, byName.get(h.rowId()), row, seen, threshold);
            if (!filters.keeps(h, r)) {
                continue;
            }
            total++;
            if (results.size() < limit) {
                results.add(r);
            }
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", ex.id());
        q.put("schema", ex.schema());
        q.put("properties", ex.properties());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", 200);
        m.put("results", results);
        m.put("total", Map.of("value", total, "relation", "eq"));
        m.put("query", q);
        return m;
    }

    /** The list source of a dataset, {@link #ALL} for every list; 404 for a dataset this service does not have. */
    private static String source(String dataset) {
        String d = dataset == null ? "" : dataset.strip();
        if (d.equalsIgnoreCase("default") || d.equalsIgnoreCase("sanctions")) {
            return ALL;
        }
        String upper = d.toUpperCase(Locale.ROOT);
        if (YenteEntities.DATASETS.containsKey(upper)) {
            return upper;
        }
        throw ProblemException.notFound("no dataset " + dataset + ": default, sanctions or one of "
                + new java.util.TreeSet<>(YenteEntities.DATASETS.keySet()));
    }

    private static Map<String, YenteExample> examples(JsonNode body, List<FieldError> errors) {
        Map<String, YenteExample> out = new LinkedHashMap<>();
        if (body == null || !body.isObject()) {
            errors.add(new FieldError("queries", "is required: {\"queries\": {\"q1\": {\"schema\": ..., \"properties\": ...}}}"));
            return out;
        }
        JsonNode queries = body.get("queries");
        if (queries == null || !queries.isObject() || queries.isEmpty()) {
            errors.add(new FieldError("queries", "is required: an object of at least one query by its key"));
            return out;
        }
        if (queries.size() > MAX_QUERIES) {
            errors.add(new FieldError("queries", "at most " + MAX_QUERIES + " queries per request (" + queries.size()
                    + " given); send more in several requests"));
            return out;
        }
        JsonNode config = body.get("config");
        if (config != null && config.isObject() && !config.isEmpty()) {
            // yente refuses a parameter its algorithm does not know; this matcher knows none of them.
            errors.add(new FieldError("config." + config.fieldNames().next(),
                    "is not a parameter of this matcher (it takes none)"));
        }
        queries.fields().forEachRemaining(e -> {
            YenteExample ex = YenteExample.read(e.getKey(), e.getValue(), errors);
            if (ex != null) {
                out.put(e.getKey(), ex);
            }
        });
        return out;
    }

    private static int integer(String field, String value, int absent, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max));
        return absent;
    }

    private static double fraction(String field, String value, double absent, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            double v = Double.parseDouble(value.strip());
            if (v >= 0 && v <= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(field, "must be a number from 0 to 1"));
        return absent;
    }

    private static Set<String> set(List<String> values) {
        Set<String> out = new java.util.HashSet<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> {
                out.add(v.strip());
                out.add(v.strip().toUpperCase(Locale.ROOT));
            });
        }
        return out;
    }
}
