package org.exposure.assessor.screening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.ListsChanged;
import org.exposure.assessor.match.Match;
import org.exposure.assessor.match.MatchAttributes;
import org.exposure.assessor.match.MatchCandidate;
import org.exposure.assessor.match.MatchFeature;
import org.exposure.assessor.match.MatchIdentifier;
import org.exposure.assessor.match.MatchQuery;
import org.exposure.assessor.match.NameIndex;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.screening.IndexBuilder.EntryInfo;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * The name index over every list version in force, rebuilt when the versions in force change. Queries never touch
 * the database; the index is replaced whole, so a query sees either the old lists or the new ones. A name matches
 * at or above {@code assessor.lists.match.threshold}; the index weighs tokens by their rarity over the lists in
 * force, so names that share only common words ("... Commercial Bank") do not match.
 * <p>
 * The index always converges on exactly the versions the database has in force: rebuilds run one at a time and
 * each reads what is in force when it starts, so the last one after an import sees that import; and every
 * {@code assessor.lists.refresh-interval} each instance compares the ids in force with those it holds and rebuilds
 * when they differ, which picks up imports made by other instances sharing the database. An assessment takes one
 * {@link Snapshot} and reports the versions of that snapshot, so the versions it names are the ones it was screened
 * against.
 */
@ApplicationScoped
public class ScreeningIndex {
    private static final Logger LOG = Logger.getLogger(ScreeningIndex.class);

    /** The index over one set of versions in force, as one immutable value. */
    public static final class Snapshot {
        private final NameIndex index;
        private final Map<String, EntryInfo> info;
        private final List<ListVersionEntity> versions;
        private final Set<UUID> ids;

        private Snapshot(NameIndex index, Map<String, EntryInfo> info, List<ListVersionEntity> versions) {
            this.index = index;
            this.info = info;
            this.versions = versions;
            Set<UUID> s = new HashSet<>();
            versions.forEach(v -> s.add(v.id));
            this.ids = Set.copyOf(s);
        }

        /** The list versions this index holds, by source. */
        public List<ListVersionEntity> versions() {
            return versions;
        }

        /** Their ids. */
        public Set<UUID> ids() {
            return ids;
        }

        /** Whether no list at all is in force in this snapshot. */
        public boolean empty() {
            return versions.isEmpty();
        }
    }

    private final IndexBuilder builder;
    private final double threshold;
    private final int candidateCap;
    private final Duration refreshInterval;
    private final ListStore store;
    private final Object rebuilding = new Object();
    private volatile Snapshot loaded;
    private volatile boolean started;
    private ScheduledExecutorService refresher;

    ScreeningIndex(IndexBuilder builder, AssessorConfig config, ListStore store) {
        this.builder = builder;
        this.store = store;
        // Their ranges are checked with the configuration, at start-up (AssessorConfig).
        this.threshold = config.lists().match().threshold();
        this.candidateCap = config.lists().match().candidateCap();
        this.refreshInterval = config.lists().refreshInterval();
        this.loaded = new Snapshot(builder.empty(threshold, candidateCap), Map.of(), List.of());
    }

    /**
     * Builds the first index and starts the poll: a step of the start-up, after the import of
     * {@code assessor.lists.dir}, so that the first index holds what it put in force.
     */
    public void start() {
        // Before the build: an import that commits meanwhile then rebuilds after it, instead of waiting for the poll.
        started = true;
        reload();
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "screening-index-refresh");
            t.setDaemon(true);
            return t;
        });
        refresher.scheduleWithFixedDelay(this::refreshIfChanged, refreshInterval.toMillis(), refreshInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Rebuilds the index once a transaction that changed the versions in force has committed, synchronously, in the
     * committing thread: the commit (and so the {@code ListStore} call that made it) returns only once the index
     * screens against the new versions. An upload's response, a confirmation's, and a test that imports and then
     * screens at once rely on that, as they relied on calling the index themselves. Before {@link #start} nothing is
     * rebuilt: the start-up import of several sources is followed by one build over all of them.
     */
    void onListsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ListsChanged event) {
        if (started) {
            reload();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    /** One poll: rebuilds when the ids in force in the database differ from those held. Never throws. */
    void refreshIfChanged() {
        try {
            Set<UUID> inForce = ids(versionsInForce());
            if (!inForce.equals(loaded.ids())) {
                LOG.infof("Screening index: the versions in force changed (%d held, %d in force); rebuilding",
                        loaded.ids().size(), inForce.size());
                reload();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Screening index: could not compare the versions in force (%s); retrying in %s", e.getMessage(),
                    refreshInterval);
        }
    }

    /**
     * The versions in force, read in a transaction of their own: the poll's thread has none, and after a commit
     * (where {@link #onListsChanged} runs) the committed one can no longer be used.
     */
    private List<ListVersionEntity> versionsInForce() {
        return QuarkusTransaction.requiringNew().call(store::inForce);
    }

    private static Set<UUID> ids(List<ListVersionEntity> versions) {
        Set<UUID> ids = new HashSet<>();
        versions.forEach(v -> ids.add(v.id));
        return ids;
    }

    /**
     * Rebuilds the index from the versions in force now, unless it already holds exactly those. Rebuilds run one
     * at a time: a caller waits for the one under way, then reads the database afresh, so a rebuild that started
     * before an import committed can never be the last one to be installed after it.
     */
    public void reload() {
        synchronized (rebuilding) {
            long start = System.nanoTime();
            List<ListVersionEntity> versions = versionsInForce();
            if (ids(versions).equals(loaded.ids())) {
                return;
            }
            IndexBuilder.Built built = builder.build(versions, threshold, candidateCap);
            loaded = new Snapshot(built.index(), built.info(), List.copyOf(versions));
            LOG.infof("Screening index: %d entries of %d list versions in %d ms (rows read in %d ms, index built in %d ms%s)",
                    built.info().size(), versions.size(), (System.nanoTime() - start) / 1_000_000, built.readMillis(),
                    built.indexMillis(), built.prepared() ? ", begun at the start-up event" : "");
        }
    }

    /** The index as it is now: an assessment screens all its names against one snapshot. */
    public Snapshot snapshot() {
        return loaded;
    }

    /**
     * An index over exactly the list versions {@code versionIds}, whatever is in force now, or empty when one of them
     * is no longer stored: to screen a stored assessment's subject again against the lists it was screened against.
     * The index in force when it holds exactly those versions; otherwise one built for the purpose (seconds for the
     * full lists) and kept for the next few such calls, since a replay of many assessments asks for the same few
     * sets of versions. A version's entries never change once stored, so an index over the same ids scores alike.
     */
    public Optional<Snapshot> snapshotOf(Set<UUID> versionIds) {
        Snapshot now = loaded;
        if (now.ids().equals(versionIds)) {
            return Optional.of(now);
        }
        synchronized (others) {
            Snapshot kept = others.get(versionIds);
            if (kept != null) {
                return Optional.of(kept);
            }
            List<ListVersionEntity> versions = QuarkusTransaction.requiringNew().call(() -> store.byIds(versionIds));
            if (versions.size() != versionIds.size()) {
                return Optional.empty();
            }
            IndexBuilder.Built built = builder.build(versions, threshold, candidateCap);
            Snapshot snapshot = new Snapshot(built.index(), built.info(), List.copyOf(versions));
            others.put(Set.copyOf(versionIds), snapshot);
            return Optional.of(snapshot);
        }
    }

    /** The last few indexes built by {@link #snapshotOf} for versions not (or no longer) in force. */
    private final Map<Set<UUID>, Snapshot> others = new java.util.LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Set<UUID>, Snapshot> eldest) {
            return size() > 2;
        }
    };

    /** The list versions the index holds now. */
    public List<ListVersionEntity> versions() {
        return loaded.versions();
    }

    /** The configured threshold (assessor.lists.match.threshold). */
    public double threshold() {
        return threshold;
    }

    /**
     * An index over some entries of one source as they are in force in {@code now} (entries it does not hold are
     * left out), scoring every name exactly as {@code now}'s index would score it against them: to ask of many
     * stored names which come close to a few changed entries without screening each against every list.
     */
    public NearIndex near(Snapshot now, String source, Collection<String> entryIds, double threshold) {
        List<MatchCandidate> candidates = new ArrayList<>();
        for (ListVersionEntity v : now.versions()) {
            if (v.source.equals(source)) {
                candidates.addAll(builder.read(v, entryIds));
            }
        }
        return new NearIndex(NameIndex.subIndex(candidates, builder.normalizer(), now.index.stats(), threshold,
                candidateCap), candidates.size());
    }

    /** Matches of one name at or above {@code threshold}, best first, as facts for the rules. */
    public List<ListMatch> screen(Snapshot now, String path, String role, String name, String type,
                                  Set<String> countries, double threshold) {
        return screen(now, path, role, name, type, countries, List.of(), Facts.NONE, threshold);
    }

    /** Matches of one name at or above {@code threshold}, best first, weighing what else is known of the party. */
    public List<ListMatch> screen(Snapshot now, String path, String role, String name, String type,
                                  Set<String> countries, Facts facts, double threshold) {
        return screen(now, path, role, name, type, countries, List.of(), facts, threshold);
    }

    /**
     * Matches of one party at or above {@code threshold}, best first, as facts for the rules: by its name and its
     * identifiers, or by its identifiers alone when it has no name (the match's query name then says which), weighing
     * what else is known of it.
     */
    public List<ListMatch> screen(Snapshot now, String path, String role, String name, String type,
                                  Set<String> countries, List<MatchIdentifier> identifiers, Facts facts,
                                  double threshold) {
        boolean named = name != null && !name.isBlank();
        if (!named && identifiers.isEmpty()) {
            return List.of();
        }
        String shown = named ? name : identifiers.stream().map(i -> i.kind() + " " + i.value())
                .collect(java.util.stream.Collectors.joining(", "));
        List<ListMatch> out = new ArrayList<>();
        MatchAttributes known = facts == null ? MatchAttributes.NONE : facts.attributes();
        if (!identifiers.isEmpty()) {
            List<MatchIdentifier> all = new ArrayList<>(identifiers);
            all.addAll(known.identifiers());
            known = new MatchAttributes(all, known.birthDates(), known.nationalities(), known.cities());
        }
        MatchQuery query = new MatchQuery(named ? name : "", type, countries, known);
        for (Match m : now.index.match(query, threshold)) {
            EntryInfo i = now.info.get(m.entryId());
            out.add(new ListMatch(path, role, shown, i.source(), i.list(), i.versionId(), i.entryId(), m.primaryName(),
                    m.matchedName(), m.score(), m.programs(), i.secondarySanctionsRisk(), features(m)));
        }
        return out;
    }

    /**
     * What a caller knows of a party besides its name, type and countries, in this layer's terms (the API does not
     * see the matcher): identifiers by kind ({@code BIC}, {@code IMO}, ... as {@code MatchIdentifier} names them),
     * dates of birth as ISO dates or their prefixes, nationalities and cities.
     */
    public record Facts(Map<String, Set<String>> identifiers, Set<String> birthDates, Set<String> nationalities,
                        Set<String> cities) {
        public static final Facts NONE = new Facts(Map.of(), Set.of(), Set.of(), Set.of());

        public Facts {
            identifiers = identifiers == null ? Map.of() : identifiers;
            birthDates = birthDates == null ? Set.of() : birthDates;
            nationalities = nationalities == null ? Set.of() : nationalities;
            cities = cities == null ? Set.of() : cities;
        }

        /** Whether it says nothing (not a bean getter, so that it is no JSON property). */
        public boolean nothing() {
            return identifiers.isEmpty() && birthDates.isEmpty() && nationalities.isEmpty() && cities.isEmpty();
        }

        MatchAttributes attributes() {
            List<MatchIdentifier> ids = new ArrayList<>();
            identifiers.forEach((kind, values) -> values.forEach(v -> ids.add(new MatchIdentifier(kind, v))));
            return new MatchAttributes(ids, birthDates, nationalities, cities);
        }
    }

    /** One line of a hit's explanation, as the matcher gave it. */
    public record Feature(String feature, double value, double contribution, String detail) {
    }

    /**
     * A match with the list entry it names.
     *
     * @param rowId the entry's row id (the stored entry of that version), for reading the rest of the entry
     * @param type  the entry's type: INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT or UNKNOWN
     */
    public record Hit(String source, String list, String entryId, String versionId, UUID rowId, String primaryName,
                      String matchedName, String type, double score, List<Feature> features) {
    }

    /**
     * Every match of one name at or above {@code threshold}, best first, one per entry, with the type, countries and
     * facts known: for callers that filter by list or page the matches themselves. The index scores every candidate
     * it puts forward whatever the limit, so asking for all costs no more than asking for ten.
     */
    public List<Hit> search(Snapshot now, String name, String type, Set<String> countries, Facts facts,
                            double threshold) {
        MatchAttributes known = facts == null ? MatchAttributes.NONE : facts.attributes();
        if ((name == null || name.isBlank()) && known.identifiers().isEmpty()) {
            return List.of();
        }
        // A query with identifiers and no name is answered by the entries holding them.
        MatchQuery query = new MatchQuery(name == null ? "" : name, type, countries, known);
        List<Hit> out = new ArrayList<>();
        for (Match m : now.index.search(query, threshold, Integer.MAX_VALUE).matches()) {
            EntryInfo i = now.info.get(m.entryId());
            List<Feature> features = m.features().stream()
                    .map(f -> new Feature(f.feature(), f.value(), f.contribution(), f.detail())).toList();
            out.add(new Hit(i.source(), i.list(), i.entryId(), i.versionId(), UUID.fromString(m.entryId()),
                    m.primaryName(), m.matchedName(), m.type(), m.score(), features));
        }
        return out;
    }

    /** How a match's score was made up, one map per feature, rounded as the evidence shows it. */
    static List<Map<String, Object>> features(Match m) {
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
        return features;
    }
}
