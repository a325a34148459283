package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.match.Match;
import org.exposure.assessor.lists.match.MatchCandidate;
import org.exposure.assessor.lists.match.NameNormalizer;
import org.exposure.assessor.lists.match.MatchFeature;
import org.exposure.assessor.lists.match.MatchQuery;
import org.exposure.assessor.lists.match.NameIndex;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.rules.ListMatch;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

/**
 * The name index over every list version in force, rebuilt when a new version is imported. Queries never touch
 * the database; the index is replaced whole, so a query sees either the old lists or the new ones. A name matches
 * at or above {@code assessor.lists.match.threshold}; the index weighs tokens by their rarity over the lists in
 * force, so names that share only common words ("... Commercial Bank") do not match.
 */
@ApplicationScoped
public class ScreeningIndex {
    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** Keyed by the stored row's id: an entry id alone is not unique (the CSL repeats it once per list). */
    private record EntryInfo(String source, String entryId, String list, String versionId, boolean secondarySanctionsRisk) {
    }

    private record Loaded(NameIndex index, Map<String, EntryInfo> info, List<ListVersionEntity> versions) {
    }

    private final ObjectMapper mapper;
    private final double threshold;
    private final int candidateCap;
    private volatile Loaded loaded;

    ScreeningIndex(ObjectMapper mapper, AssessorConfig config) {
        this.mapper = mapper;
        this.threshold = config.lists().match().threshold();
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("assessor.lists.match.threshold must be in 0..1, is " + threshold);
        }
        this.candidateCap = config.lists().match().candidateCap();
        if (candidateCap < 1) {
            throw new IllegalArgumentException("assessor.lists.match.candidate-cap must be at least 1, is " + candidateCap);
        }
        this.loaded = new Loaded(build(List.of()), Map.of(), List.of());
    }

    // After the start-up import of assessor.lists.dir, which observes the same event at the default priority.
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        reload();
    }

    @Transactional
    public void reload() {
        long start = System.nanoTime();
        List<ListVersionEntity> versions = ListVersionEntity.list("inForce = true");
        Map<UUID, ListVersionEntity> byId = new HashMap<>();
        versions.forEach(v -> byId.put(v.id, v));
        List<MatchCandidate> candidates = new ArrayList<>();
        Map<String, EntryInfo> info = new HashMap<>();
        if (!versions.isEmpty()) {
            List<ListEntryEntity> entries = ListEntryEntity.list("versionId in ?1", byId.keySet());
            for (ListEntryEntity e : entries) {
                ListVersionEntity v = byId.get(e.versionId);
                candidates.add(new MatchCandidate(v.source, e.id.toString(), e.primaryName, aliases(e.aliasesJson),
                        e.entityType, countries(e.countriesJson), strings(e.programsJson)));
                info.put(e.id.toString(), new EntryInfo(v.source, e.entryId, e.listName, v.id.toString(), e.secondarySanctionsRisk));
            }
        }
        loaded = new Loaded(build(candidates), Map.copyOf(info), List.copyOf(versions));
        LOG.infof("Screening index: %d entries of %d list versions in %d ms", candidates.size(), versions.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private NameIndex build(List<MatchCandidate> candidates) {
        return NameIndex.build(candidates, new NameNormalizer(), threshold, candidateCap);
    }

    /** The list versions the index holds: every assessment records them. */
    public List<ListVersionEntity> versions() {
        return loaded.versions();
    }

    /** The configured threshold (assessor.lists.match.threshold). */
    public double threshold() {
        return threshold;
    }

    /** Matches of one name at or above the configured threshold, best first, as facts for the rules. */
    public List<ListMatch> screen(String path, String role, String name, String type, Set<String> countries) {
        return screen(path, role, name, type, countries, threshold);
    }

    /** Matches of one name at or above {@code threshold}, best first, as facts for the rules. */
    public List<ListMatch> screen(String path, String role, String name, String type, Set<String> countries,
                                  double threshold) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        Loaded now = loaded;
        List<ListMatch> out = new ArrayList<>();
        for (Match m : now.index().match(new MatchQuery(name, type, countries), threshold)) {
            EntryInfo i = now.info().get(m.entryId());
            List<Map<String, Object>> features = new ArrayList<>();
            for (MatchFeature f : m.features()) {
                Map<String, Object> fm = new java.util.LinkedHashMap<>();
                fm.put("feature", f.feature());
                fm.put("value", Math.round(f.value() * 1000) / 1000.0);
                fm.put("contribution", Math.round(f.contribution() * 1000) / 1000.0);
                if (f.detail() != null) {
                    fm.put("detail", f.detail());
                }
                features.add(fm);
            }
            out.add(new ListMatch(path, role, name, i.source(), i.list(), i.versionId(), i.entryId(), m.primaryName(),
                    m.matchedName(), m.score(), m.programs(), i.secondarySanctionsRisk(), features));
        }
        return out;
    }

    /** Alias names, leaving out those the list itself calls weak (OFAC "weak a.k.a."). */
    private List<String> aliases(String json) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode a : mapper.readTree(json)) {
                if (!a.path("weak").asBoolean(false) && a.hasNonNull("name")) {
                    names.add(a.get("name").asText());
                }
            }
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable aliases %s", json);
        }
        return names;
    }

    private Set<String> countries(String json) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : strings(json)) {
            if (c.length() == 2) {
                out.add(c.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private List<String> strings(String json) {
        try {
            return mapper.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }
}
