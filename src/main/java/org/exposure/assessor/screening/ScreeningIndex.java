package org.exposure.assessor.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exposure.assessor.lists.match.Match;
import org.exposure.assessor.lists.match.MatchCandidate;
import org.exposure.assessor.lists.match.MatchFeature;
import org.exposure.assessor.lists.match.MatchQuery;
import org.exposure.assessor.lists.match.NameIndex;
import org.exposure.assessor.lists.match.NameNormalizer;
import org.exposure.assessor.lists.match.NameSimilarity;
import org.exposure.assessor.lists.match.NormalizedName;
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
 * the database; the index is replaced whole, so a query sees either the old lists or the new ones.
 */
@ApplicationScoped
public class ScreeningIndex {
    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** Keyed by the stored row's id: an entry id alone is not unique (the CSL repeats it once per list). */
    private record EntryInfo(String source, String entryId, String list, String versionId, boolean secondarySanctionsRisk) {
    }

    private record Loaded(NameIndex index, Map<String, EntryInfo> info, List<ListVersionEntity> versions,
                          Map<String, Integer> tokenFrequency) {
    }

    /** A distinctive token must be matched at least this well (Jaro-Winkler after the matcher's folding). */
    static final double DISTINCTIVE_TOKEN_SIMILARITY = 0.88;

    private final NameNormalizer normalizer = new NameNormalizer();

    private final ObjectMapper mapper;
    private volatile Loaded loaded = new Loaded(NameIndex.build(List.of()), Map.of(), List.of(), Map.of());

    ScreeningIndex(ObjectMapper mapper) {
        this.mapper = mapper;
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
        Map<String, Integer> frequency = new HashMap<>();
        for (MatchCandidate c : candidates) {
            for (String name : c.aliases().isEmpty() ? List.of(c.primaryName()) : concat(c.primaryName(), c.aliases())) {
                for (String token : new java.util.HashSet<>(normalizer.normalize(name).tokens())) {
                    frequency.merge(token, 1, Integer::sum);
                }
            }
        }
        loaded = new Loaded(NameIndex.build(candidates), Map.copyOf(info), List.copyOf(versions), Map.copyOf(frequency));
        LOG.infof("Screening index: %d entries of %d list versions in %d ms", candidates.size(), versions.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The list versions the index holds: every assessment records them. */
    public List<ListVersionEntity> versions() {
        return loaded.versions();
    }

    public double threshold() {
        return loaded.index().threshold();
    }

    /** Matches of one name at or above the threshold, best first, as facts for the rules. */
    public List<ListMatch> screen(String path, String role, String name, String type, Set<String> countries) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        Loaded now = loaded;
        List<ListMatch> out = new ArrayList<>();
        NormalizedName query = normalizer.normalize(name);
        for (Match m : now.index().match(new MatchQuery(name, type, countries))) {
            String distinctive = distinctiveTokenMissed(query, m, now.tokenFrequency());
            if (distinctive != null) {
                // Names made of common words ("... Commercial Bank") otherwise match each other.
                LOG.debugf("%s: dropped %s, its most distinctive token '%s' is not in the name", name, m.matchedName(), distinctive);
                continue;
            }
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

    /**
     * The rarest token of the matched list name (the one fewest list names share), when no token of the query
     * matches it; null when it is matched. A list name's rarest token is what tells it apart ("UNISTREAM" in
     * "UNISTREAM COMMERCIAL BANK"): a query that shares only the common words is not that entry.
     */
    private String distinctiveTokenMissed(NormalizedName query, Match m, Map<String, Integer> frequency) {
        List<String> tokens = normalizer.normalize(m.matchedName()).tokens();
        String rarest = null;
        int best = Integer.MAX_VALUE;
        for (String t : tokens) {
            int f = frequency.getOrDefault(t, 1);
            if (f < best) {
                best = f;
                rarest = t;
            }
        }
        if (rarest == null) {
            return null;
        }
        for (String q : query.tokens()) {
            if (NameSimilarity.token(q, rarest, query.abjad()) >= DISTINCTIVE_TOKEN_SIMILARITY) {
                return null;
            }
        }
        // Initials and run-together spellings: let the matcher's own judgement stand when the query is compact.
        String compact = String.join("", query.tokens());
        return compact.contains(rarest) ? null : rarest;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
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
