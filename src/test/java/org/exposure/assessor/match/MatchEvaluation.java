package org.exposure.assessor.match;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.exposure.assessor.testsupport.Matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Accuracy of the matcher on the name sets of the shared data snapshots ({@code namematch/} in the directory given
 * by {@code -Dsnapshots.dir}) and its false matches among the SDN entries, at one threshold and swept over
 * thresholds. Used by {@link MatchAccuracyTest} (Maven profile {@code snapshots}); also a command (no Quarkus), run
 * from the project root after {@code mvn test-compile}, with DIR the snapshots directory:
 * <pre>
 *   java -Dsnapshots.dir=DIR -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *       org.exposure.assessor.match.MatchEvaluation [threshold, default Matching.THRESHOLD]
 * </pre>
 * {@code -Deval.wrong=1} also lists every pair classified wrongly at the threshold; {@code -Deval.negatives=1} adds
 * the unlisted companies and banks of {@link NegativeNames} (screened against every list snapshot) to the table of
 * all figures it prints.
 * <p>
 * <b>How pairs are scored.</b> The SDN snapshot (sdn.csv, alt.csv, add.csv) is read with the project's
 * {@code OfacSdnImporter} and indexed as the screening index would index it; the list side of every pair
 * ({@code name_b}; the canonical name for the Putin variants) is added to that index as an entry of its own, and
 * the pair's score is the score that entry gets when the other name is screened against the whole index (0 when
 * the candidate index does not put it forward). Tokens are therefore weighted by their rarity on a real list,
 * as in production. A pair is a match when its score reaches the threshold.
 * <ul>
 *   <li>nomenklatura_logic_v2_cases: the rows that depend on names alone ({@code name_only=true}) are the target
 *       (at least 90% correct); the three rows that need other properties (first/last name, alias, IMO number)
 *       are reported apart.</li>
 *   <li>nomenklatura_putin_variants: each spelling screened against the canonical name (target: 90%); all
 *       ordered pairs of spellings are reported (pair scores with the SDN index's weights).</li>
 *   <li>nomenklatura_ofac_sls_scores: agreement with what OFAC's own search tool returned at its slider 80
 *       (a loose reference, not truth).</li>
 *   <li>nomenklatura_logic_v2_ranking: the share of triples where the better query scores strictly higher
 *       against the result than the worse one (names, nationality/jurisdiction and schema are used; birth dates
 *       and identifiers are not, so those triples tie).</li>
 *   <li>senzing_truthset_pairs (truth per whole record, not per name), watchman_compare_name_cases,
 *       watchman_cross_script_pairs: share correct, reported.</li>
 *   <li>watchman_jaro_winkler_cases: Spearman rank correlation of our pair score with Watchman's expected
 *       score (the file holds scores, not match flags).</li>
 *   <li>SDN false matches: (a) {@value #SDN_PAIRS} random pairs of different entries' primary names (seed
 *       {@value #SEED}), scored with the entries' types; (b) for every entry, the best-scoring other entry when its
 *       primary name is screened against an index of all primary names. The share at or above the threshold;
 *       for (b) also how many of those are the same name after normalisation (entries that share a name).</li>
 * </ul>
 */
public final class MatchEvaluation {

    static final int SDN_PAIRS = 200_000;
    static final long SEED = 42;

    static final String LOGIC_V2 = "nomenklatura_logic_v2_cases (name_only)";
    static final String LOGIC_V2_OTHER = "nomenklatura_logic_v2_cases (needs other properties)";
    static final String PUTIN = "nomenklatura_putin_variants (vs canonical)";
    static final String OFAC_SLS = "nomenklatura_ofac_sls_scores (agreement with OFAC's tool)";
    static final String SENZING = "senzing_truthset_pairs";
    static final String WATCHMAN_COMPARE = "watchman_compare_name_cases";
    static final String WATCHMAN_CROSS = "watchman_cross_script_pairs";
    static final String NON_LATIN = "non-latin-pairs (UN and UK entries' own-script names vs their Latin names)";

    /**
     * One pair of a name set: {@code query} is screened, {@code listName} is the listed name; the birth dates (ISO
     * 8601) each side gives, passed as {@link MatchAttributes#birthDates()}.
     */
    record Pair(String query, String listName, boolean expected, String type, Set<String> queryBirthDates,
                Set<String> listBirthDates) {

        Pair(String query, String listName, boolean expected, String type) {
            this(query, listName, expected, type, Set.of(), Set.of());
        }

        MatchQuery matchQuery() {
            return new MatchQuery(query, type, Set.of(), attributes(queryBirthDates));
        }

        private static MatchAttributes attributes(Set<String> birthDates) {
            return birthDates.isEmpty() ? MatchAttributes.NONE
                    : new MatchAttributes(List.of(), birthDates, Set.of(), Set.of());
        }
    }

    /** A pair with the score the listed name got. */
    record Scored(Pair pair, double score) {
        boolean correct(double threshold) {
            return (score >= threshold) == pair.expected();
        }
    }

    /** One name set's pairs, scored. */
    record SetResult(String set, boolean target, List<Scored> scored) {
        int correct(double threshold) {
            int n = 0;
            for (Scored s : scored) {
                if (s.correct(threshold)) {
                    n++;
                }
            }
            return n;
        }

        double share(double threshold) {
            return scored.isEmpty() ? 0 : (double) correct(threshold) / scored.size();
        }

        List<String> wrong(double threshold) {
            List<String> out = new ArrayList<>();
            for (Scored s : scored) {
                if (!s.correct(threshold)) {
                    Pair p = s.pair();
                    String dates = p.queryBirthDates().isEmpty() && p.listBirthDates().isEmpty() ? ""
                            : " (born " + p.queryBirthDates() + " / " + p.listBirthDates() + ")";
                    out.add(String.format(Locale.ROOT, "%s | %s%s: expected %s, score %.3f", p.query(),
                            p.listName(), dates, p.expected() ? "match" : "no match", s.score()));
                }
            }
            return out;
        }

        String line(double threshold) {
            return String.format(Locale.ROOT, "%s: %d/%d = %.1f%%", set, correct(threshold), scored.size(),
                    100 * share(threshold));
        }
    }

    /** Top other entry per SDN entry: its score, whether the two normalised names are the same, the pair. */
    record TopCandidates(double[] scores, boolean[] sameName, String[] pairs) {
        int above(double threshold) {
            int n = 0;
            for (double s : scores) {
                if (s >= threshold) {
                    n++;
                }
            }
            return n;
        }

        int sameNameAbove(double threshold) {
            int n = 0;
            for (int i = 0; i < scores.length; i++) {
                if (scores[i] >= threshold && sameName[i]) {
                    n++;
                }
            }
            return n;
        }
    }

    private final List<MatchCandidate> sdn;
    private final NameIndex sdnIndex;
    private final List<SetResult> sets = new ArrayList<>();
    private final double[] sdnPairScores;
    private final TopCandidates top;
    private final double[] putinAllPairScores;
    private final int rankingCorrect;
    private final int rankingTotal;
    private final double jaroWinklerSpearman;
    private final int jaroWinklerCases;

    private MatchEvaluation() throws IOException {
        sdn = SharedData.sdnImported();
        sdnIndex = Matching.index(sdn);

        Map<String, List<Pair>> bySet = new LinkedHashMap<>();
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_logic_v2_cases.csv")) {
            if (m.get("name_a").isBlank() || m.get("name_b").isBlank()) {
                continue; // identifier-only rows
            }
            String set = Boolean.parseBoolean(m.get("name_only")) ? LOGIC_V2 : LOGIC_V2_OTHER;
            bySet.computeIfAbsent(set, k -> new ArrayList<>()).add(new Pair(m.get("name_a"), m.get("name_b"),
                    Boolean.parseBoolean(m.get("expected_match")), SharedData.schemaType(m.get("schema"))));
        }
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_putin_variants.csv")) {
            bySet.computeIfAbsent(PUTIN, k -> new ArrayList<>())
                    .add(new Pair(m.get("name_b"), m.get("name_a"), true, "INDIVIDUAL"));
        }
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_ofac_sls_scores.csv")) {
            bySet.computeIfAbsent(OFAC_SLS, k -> new ArrayList<>())
                    .add(new Pair(m.get("name_a"), m.get("name_b"), Boolean.parseBoolean(m.get("expected_match")), null));
        }
        for (Map<String, String> m : SharedData.nameSet("senzing_truthset_pairs.csv")) {
            bySet.computeIfAbsent(SENZING, k -> new ArrayList<>()).add(new Pair(m.get("name_a"), m.get("name_b"),
                    Boolean.parseBoolean(m.get("expected_match")), senzingType(m.get("record_type_b")),
                    isoDate(m.get("dob_a")), isoDate(m.get("dob_b"))));
        }
        for (Map<String, String> m : SharedData.nameSet("watchman_compare_name_cases.csv")) {
            bySet.computeIfAbsent(WATCHMAN_COMPARE, k -> new ArrayList<>()).add(new Pair(m.get("name_a"),
                    m.get("name_b"), Boolean.parseBoolean(m.get("expected_match")), null));
        }
        for (Map<String, String> m : SharedData.nameSet("watchman_cross_script_pairs.csv")) {
            bySet.computeIfAbsent(WATCHMAN_CROSS, k -> new ArrayList<>()).add(new Pair(m.get("name_a"),
                    m.get("name_b"), Boolean.parseBoolean(m.get("expected_match")), null));
        }

        for (NonLatinPairs.Row r : NonLatinPairs.load()) {
            bySet.computeIfAbsent(NON_LATIN, k -> new ArrayList<>())
                    .add(new Pair(r.nonLatin(), r.latin(), true, r.type()));
        }

        // The list side of every pair becomes an entry of its own in an index that also holds the whole SDN list.
        Map<String, String> ids = new LinkedHashMap<>();
        List<MatchCandidate> withPairs = new ArrayList<>(sdn);
        for (List<Pair> pairs : bySet.values()) {
            for (Pair p : pairs) {
                String key = key(p);
                if (!ids.containsKey(key)) {
                    String id = "EVAL-" + ids.size();
                    ids.put(key, id);
                    withPairs.add(new MatchCandidate("EVAL", id, p.listName(), List.of(), p.type(), Set.of(), List.of(),
                            Pair.attributes(p.listBirthDates())));
                }
            }
        }
        NameIndex evalIndex = Matching.index(withPairs);
        for (Map.Entry<String, List<Pair>> e : bySet.entrySet()) {
            List<Scored> scored = new ArrayList<>();
            for (Pair p : e.getValue()) {
                String id = ids.get(key(p));
                double score = 0;
                for (Match m : evalIndex.search(p.matchQuery(), 0.0, Integer.MAX_VALUE).matches()) {
                    if (m.entryId().equals(id)) {
                        score = m.score();
                    }
                }
                scored.add(new Scored(p, score));
            }
            boolean target = e.getKey().equals(LOGIC_V2) || e.getKey().equals(PUTIN) || e.getKey().equals(NON_LATIN);
            sets.add(new SetResult(e.getKey(), target, scored));
        }

        putinAllPairScores = putinAllPairs();
        int[] ranking = ranking();
        rankingCorrect = ranking[0];
        rankingTotal = ranking[1];
        double[] jw = jaroWinkler();
        jaroWinklerSpearman = jw[0];
        jaroWinklerCases = (int) jw[1];
        sdnPairScores = sdnRandomPairs(SDN_PAIRS, SEED);
        top = sdnTopCandidates();
    }

    /** The listed side of a pair as an entry of its own: its name, type and birth dates. */
    private static String key(Pair p) {
        return p.listName() + "\u0000" + p.type() + "\u0000" + p.listBirthDates();
    }

    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            new DateTimeFormatterBuilder().appendPattern("M/d/").appendValueReduced(ChronoField.YEAR, 2, 2, 1927)
                    .toFormatter(Locale.ROOT),
            DateTimeFormatter.ofPattern("MMM d uuuu", Locale.ROOT),
            DateTimeFormatter.ofPattern("d-MMM-uuuu", Locale.ROOT),
            DateTimeFormatter.ISO_LOCAL_DATE);

    /**
     * A Senzing date of birth as an ISO 8601 date: the set writes them as US dates ({@code 3/1/1970}, {@code 3/1/70},
     * read month first, two-digit years from 1927 on), {@code Mar 1 1970}, {@code 1-Mar-1970} or ISO; empty when
     * blank or unreadable.
     */
    static Set<String> isoDate(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        String t = text.strip();
        for (DateTimeFormatter f : DATES) {
            try {
                return Set.of(LocalDate.parse(t, f).toString());
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        if (t.matches("\\d{4}(-\\d{2})?")) {
            return Set.of(t); // a year, or a year and month
        }
        return Set.of();
    }

    private static MatchEvaluation loaded;

    /** Loads and scores everything once (about 20 s). */
    static synchronized MatchEvaluation get() throws IOException {
        if (loaded == null) {
            loaded = new MatchEvaluation();
        }
        return loaded;
    }

    SetResult set(String name) {
        for (SetResult s : sets) {
            if (s.set().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(name);
    }

    List<SetResult> sets() {
        return sets;
    }

    double sdnRandomPairRate(double threshold) {
        return rateAtOrAbove(sdnPairScores, threshold);
    }

    TopCandidates topCandidates() {
        return top;
    }

    private static String senzingType(String recordType) {
        return "PERSON".equals(recordType) ? "INDIVIDUAL" : "ORGANIZATION".equals(recordType) ? "ENTITY" : null;
    }

    /** A pair score with the SDN index's token weights (no candidate retrieval). */
    private double pairScore(MatchQuery query, MatchCandidate candidate) {
        return sdnIndex.compare(query, candidate).score();
    }

    private double[] putinAllPairs() throws IOException {
        List<String> names = new ArrayList<>();
        List<Map<String, String>> rows = SharedData.nameSet("nomenklatura_putin_variants.csv");
        names.add(rows.get(0).get("name_a"));
        rows.forEach(r -> names.add(r.get("name_b")));
        MatchScorer scorer = new MatchScorer(new NameNormalizer(), sdnIndex.stats());
        NameNormalizer normalizer = scorer.normalizer();
        List<NameSide> sides = names.stream()
                .map(n -> NameSide.of(normalizer.normalize(n), sdnIndex.stats())).toList();
        double[] out = new double[names.size() * (names.size() - 1)];
        int k = 0;
        MatchQuery query = new MatchQuery("-", "INDIVIDUAL", Set.of());
        MatchCandidate candidate = new MatchCandidate("EVAL", "P", "-", List.of(), "INDIVIDUAL", Set.of(), List.of());
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i != j) {
                    out[k++] = scorer.scoreOnly(query, sides.get(i), candidate, sides.get(j), PairSims.DIRECT);
                }
            }
        }
        return out;
    }

    /** {correctly ranked, total} over the logic-v2 ranking triples. */
    private int[] ranking() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int ok = 0;
        int total = 0;
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_logic_v2_ranking.csv")) {
            String type = SharedData.schemaType(m.get("schema"));
            JsonNode better = json.readTree(m.get("better_query"));
            JsonNode worse = json.readTree(m.get("worse_query"));
            JsonNode result = json.readTree(m.get("result"));
            total++;
            if (!result.hasNonNull("name")) {
                continue;
            }
            MatchCandidate c = new MatchCandidate("EVAL", "R", result.get("name").asText(), List.of(), type,
                    countries(result), List.of(), attributes(result));
            double b = rankingScore(better, type, c);
            double w = rankingScore(worse, type, c);
            if (b > w) {
                ok++;
            }
        }
        return new int[]{ok, total};
    }

    /** A ranking query's score: by its name, or by its identifiers alone when it has none, as the index would. */
    private double rankingScore(JsonNode q, String type, MatchCandidate c) {
        MatchQuery query = new MatchQuery(q.hasNonNull("name") ? q.get("name").asText() : "", type, countries(q),
                attributes(q));
        if (!q.hasNonNull("name")) {
            NameIndex one = NameIndex.subIndex(List.of(c), new NameNormalizer(), sdnIndex.stats(), 0.0, 25);
            List<Match> m = one.search(query, 0.0, 1).matches();
            return m.isEmpty() ? 0 : m.get(0).score();
        }
        return pairScore(query, c);
    }

    /** The birth date, nationality and SWIFT/BIC of a ranking triple's side, as the matcher's attributes. */
    private static MatchAttributes attributes(JsonNode n) {
        Set<String> dates = n.hasNonNull("birthDate") ? Set.of(n.get("birthDate").asText()) : Set.of();
        Set<String> nationalities = n.hasNonNull("nationality")
                ? Set.of(n.get("nationality").asText().toUpperCase(Locale.ROOT)) : Set.of();
        List<MatchIdentifier> ids = n.hasNonNull("swiftBic")
                ? List.of(new MatchIdentifier("BIC", n.get("swiftBic").asText())) : List.of();
        return new MatchAttributes(ids, dates, nationalities, Set.of());
    }

    private static Set<String> countries(JsonNode n) {
        for (String f : List.of("nationality", "jurisdiction", "country")) {
            if (n.hasNonNull(f)) {
                return Set.of(n.get(f).asText().toUpperCase(Locale.ROOT));
            }
        }
        return Set.of();
    }

    /** {Spearman correlation, cases} of our pair scores with Watchman's Jaro-Winkler expectations. */
    private double[] jaroWinkler() throws IOException {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        for (Map<String, String> m : SharedData.nameSet("watchman_jaro_winkler_cases.csv")) {
            String indexed = m.get("indexed");
            String search = m.get("search");
            if (indexed.isBlank() || search.isBlank()) {
                continue;
            }
            ours.add(pairScore(MatchQuery.of(search), MatchCandidate.of("EVAL", "J", indexed)));
            theirs.add(Double.parseDouble(m.get("expected_score")));
        }
        return new double[]{spearman(ours, theirs), ours.size()};
    }

    static double spearman(List<Double> a, List<Double> b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double cov = 0;
        double va = 0;
        double vb = 0;
        for (int i = 0; i < ra.length; i++) {
            cov += (ra[i] - ma) * (rb[i] - mb);
            va += (ra[i] - ma) * (ra[i] - ma);
            vb += (rb[i] - mb) * (rb[i] - mb);
        }
        return cov / Math.sqrt(va * vb);
    }

    /** Ranks from 1, ties given their average rank. */
    private static double[] ranks(List<Double> v) {
        Integer[] idx = new Integer[v.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(v.get(x), v.get(y)));
        double[] r = new double[v.size()];
        for (int i = 0; i < idx.length; ) {
            int j = i;
            while (j + 1 < idx.length && v.get(idx[j + 1]).equals(v.get(idx[i]))) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[idx[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return r;
    }

    /** Scores of random pairs of different SDN entries' primary names, with their types (fixed seed). */
    private double[] sdnRandomPairs(int pairs, long seed) {
        MatchScorer scorer = new MatchScorer(new NameNormalizer(), sdnIndex.stats());
        NameNormalizer normalizer = scorer.normalizer();
        NameSide[] sides = new NameSide[sdn.size()];
        for (int i = 0; i < sides.length; i++) {
            sides[i] = NameSide.of(normalizer.normalize(sdn.get(i).primaryName()), sdnIndex.stats());
        }
        Random rnd = new Random(seed);
        double[] out = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            int a = rnd.nextInt(sdn.size());
            int b;
            do {
                b = rnd.nextInt(sdn.size());
            } while (b == a);
            if (sides[a].size() == 0 || sides[b].size() == 0) {
                continue;
            }
            MatchCandidate cb = sdn.get(b);
            MatchQuery qa = new MatchQuery(sdn.get(a).primaryName(), sdn.get(a).type(), Set.of());
            out[k] = scorer.scoreOnly(qa, sides[a], cb, sides[b], PairSims.DIRECT);
        }
        return out;
    }

    /** For every SDN entry, the best other entry when its primary name is screened against all primary names. */
    private TopCandidates sdnTopCandidates() {
        List<MatchCandidate> primaries = new ArrayList<>(sdn.size());
        for (MatchCandidate c : sdn) {
            primaries.add(new MatchCandidate(c.listId(), c.entryId(), c.primaryName(), List.of(), c.type(), Set.of(),
                    List.of()));
        }
        NameIndex index = Matching.index(primaries);
        double[] scores = new double[primaries.size()];
        boolean[] same = new boolean[primaries.size()];
        String[] pairs = new String[primaries.size()];
        for (int i = 0; i < primaries.size(); i++) {
            MatchCandidate c = primaries.get(i);
            for (Match m : index.search(new MatchQuery(c.primaryName(), c.type(), Set.of()), 0.5, 5).matches()) {
                if (!m.entryId().equals(c.entryId())) {
                    scores[i] = m.score();
                    same[i] = m.queryNormalized().equals(m.candidateNormalized());
                    pairs[i] = c.primaryName() + " | " + m.primaryName();
                    break;
                }
            }
        }
        return new TopCandidates(scores, same, pairs);
    }

    static double rateAtOrAbove(double[] scores, double threshold) {
        int n = 0;
        for (double s : scores) {
            if (s >= threshold) {
                n++;
            }
        }
        return (double) n / scores.length;
    }

    void report(double t, PrintStream out, boolean listWrong) {
        out.printf(Locale.ROOT, "Threshold %.2f; SDN snapshot: %d entries, %d names, %d tokens in the index%n", t,
                sdn.size(), sdnIndex.nameCount(), sdnIndex.tokenCount());
        for (SetResult s : sets) {
            out.println((s.target() ? "  [target >= 90%] " : "  ") + s.line(t));
            if (s.set().equals(NON_LATIN)) {
                Map<String, int[]> byScript = new LinkedHashMap<>();
                for (Scored x : s.scored()) {
                    int[] c = byScript.computeIfAbsent(NonLatinPairs.script(x.pair().query()), k -> new int[2]);
                    c[0] += x.correct(t) ? 1 : 0;
                    c[1]++;
                }
                byScript.forEach((script, c) -> out.printf(Locale.ROOT, "      %s %d/%d%n", script, c[0], c[1]));
            }
            if (listWrong) {
                s.wrong(t).forEach(w -> out.println("      wrong: " + w));
            }
        }
        out.printf(Locale.ROOT, "  nomenklatura_putin_variants, all %d ordered pairs: %.1f%%%n", putinAllPairScores.length,
                100 * rateAtOrAbove(putinAllPairScores, t));
        out.printf(Locale.ROOT, "  nomenklatura_logic_v2_ranking: %d/%d triples ranked right%n", rankingCorrect, rankingTotal);
        out.printf(Locale.ROOT, "  watchman_jaro_winkler_cases: Spearman %.3f with Watchman's scores (%d cases)%n",
                jaroWinklerSpearman, jaroWinklerCases);
        out.printf(Locale.ROOT, "  SDN, %d random pairs of different entries' primary names: %d (%.4f%%) at or above%n",
                sdnPairScores.length, count(sdnPairScores, t), 100 * sdnRandomPairRate(t));
        out.printf(Locale.ROOT, "  SDN, best other entry for each of %d primary names: %d (%.2f%%) at or above,"
                        + " %d of them the same normalised name%n", top.scores().length, top.above(t),
                100.0 * top.above(t) / top.scores().length, top.sameNameAbove(t));
    }

    /**
     * Every figure at threshold {@code t} as the rows of one Markdown table ({@code | set | result |}), with the
     * unlisted companies and banks of {@link NegativeNames} when {@code negatives} is not null (their false matches).
     */
    void table(double t, PrintStream out, List<NegativeNames.Hit> negatives, int negativeNames) {
        out.printf(Locale.ROOT, "| set (threshold %.2f) | result |%n|---|---|%n", t);
        for (SetResult s : sets) {
            out.printf(Locale.ROOT, "| %s | %d/%d = %.1f %% |%n", s.set(), s.correct(t), s.scored().size(),
                    100 * s.share(t));
        }
        out.printf(Locale.ROOT, "| nomenklatura_putin_variants, all %d ordered pairs | %.1f %% |%n",
                putinAllPairScores.length, 100 * rateAtOrAbove(putinAllPairScores, t));
        out.printf(Locale.ROOT, "| nomenklatura_logic_v2_ranking | %d/%d |%n", rankingCorrect, rankingTotal);
        out.printf(Locale.ROOT, "| watchman_jaro_winkler_cases (Spearman) | %.3f |%n", jaroWinklerSpearman);
        out.printf(Locale.ROOT, "| SDN, %d random pairs (false matches) | %d (%.4f %%) |%n", sdnPairScores.length,
                count(sdnPairScores, t), 100 * sdnRandomPairRate(t));
        out.printf(Locale.ROOT, "| SDN, best other entry of %d (at or above; same name) | %d (%.2f %%); %d |%n",
                top.scores().length, top.above(t), 100.0 * top.above(t) / top.scores().length, top.sameNameAbove(t));
        if (negatives != null) {
            out.printf(Locale.ROOT, "| unlisted companies and banks, %d (false matches) | %d (%.1f %%) |%n",
                    negativeNames, negatives.size(), 100.0 * negatives.size() / negativeNames);
        }
    }

    void sweep(double from, double to, double step, PrintStream out) {
        out.println("threshold  logic_v2  putin   ofac_sls senzing  wm_cmp  wm_cross  non_latin  putin_all  SDN_random  SDN_top(same name)");
        for (double t = from; t <= to + 1e-9; t += step) {
            out.printf(Locale.ROOT, "  %.2f     %5.1f%%  %5.1f%%  %5.1f%%  %5.1f%%  %5.1f%%  %5.1f%%    %5.1f%%     %5.1f%%    %.4f%%    %.2f%% (%d)%n", t,
                    100 * set(LOGIC_V2).share(t), 100 * set(PUTIN).share(t), 100 * set(OFAC_SLS).share(t),
                    100 * set(SENZING).share(t), 100 * set(WATCHMAN_COMPARE).share(t), 100 * set(WATCHMAN_CROSS).share(t),
                    100 * set(NON_LATIN).share(t),
                    100 * rateAtOrAbove(putinAllPairScores, t), 100 * sdnRandomPairRate(t),
                    100.0 * top.above(t) / top.scores().length, top.sameNameAbove(t));
        }
    }

    private static int count(double[] scores, double t) {
        int n = 0;
        for (double s : scores) {
            if (s >= t) {
                n++;
            }
        }
        return n;
    }

    public static void main(String[] args) throws IOException {
        double t = args.length > 0 ? Double.parseDouble(args[0]) : Matching.THRESHOLD;
        long start = System.nanoTime();
        MatchEvaluation e = get();
        System.out.printf(Locale.ROOT, "scored in %.1f s%n", (System.nanoTime() - start) / 1e9);
        e.report(t, System.out, System.getProperty("eval.wrong") != null);
        int sample = Integer.getInteger("eval.top", 0);
        Random rnd = new Random(SEED);
        for (int k = 0, shown = 0; k < 100 * sample && shown < sample; k++) {
            int i = rnd.nextInt(e.top.scores().length);
            if (e.top.scores()[i] >= t) {
                System.out.printf(Locale.ROOT, "    top other entry %.3f %s%n", e.top.scores()[i], e.top.pairs()[i]);
                shown++;
            }
        }
        System.out.println();
        List<NegativeNames.Hit> hits = null;
        int negatives = 0;
        if (System.getProperty("eval.negatives") != null) {
            List<NegativeNames.Name> names = NegativeNames.names();
            negatives = names.size();
            hits = NegativeNames.hits(NegativeNames.index(), names, t);
            hits.forEach(h -> System.out.println("    false match: " + h));
            System.out.println();
        }
        e.table(t, System.out, hits, negatives);
        System.out.println();
        e.sweep(0.70, 0.95, 0.01, System.out);
    }
}
