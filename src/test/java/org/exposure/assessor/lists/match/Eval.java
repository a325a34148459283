package org.exposure.assessor.lists.match;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Accuracy of the matcher on the shared name sets; used by MatchAccuracyTest (and runnable for tuning). */
final class Eval {

    record Outcome(String set, int correct, int total, List<String> wrong) {
        double share() {
            return total == 0 ? 0 : (double) correct / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d/%d = %.1f%%", set, correct, total, 100.0 * share());
        }
    }

    private final MatchScorer scorer = new MatchScorer(new NameNormalizer());

    double score(String a, String b, String type) {
        return scorer.compare(new MatchQuery(a, type, Set.of()),
                new MatchCandidate("T", "1", b, List.of(), type, Set.of(), List.of())).score();
    }

    private Outcome pairs(String set, List<String[]> rows, double threshold) {
        int ok = 0;
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            double s = score(r[0], r[1], r[3]);
            boolean expected = Boolean.parseBoolean(r[2]);
            if ((s >= threshold) == expected) {
                ok++;
            } else {
                wrong.add(String.format(Locale.ROOT, "%s | %s expected %s got %.3f", r[0], r[1], expected, s));
            }
        }
        return new Outcome(set, ok, rows.size(), wrong);
    }

    /** OpenSanctions logic-v2 cases that depend on names alone (name_only=true, both names present). */
    Outcome logicV2(double threshold) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_logic_v2_cases.csv")) {
            if (Boolean.parseBoolean(m.get("name_only")) && !m.get("name_a").isBlank()) {
                rows.add(new String[]{m.get("name_a"), m.get("name_b"), m.get("expected_match"),
                        SharedData.schemaType(m.get("schema"))});
            }
        }
        return pairs("nomenklatura_logic_v2 (name_only)", rows, threshold);
    }

    Outcome putinCanonical(double threshold) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> m : SharedData.nameSet("nomenklatura_putin_variants.csv")) {
            rows.add(new String[]{m.get("name_b"), m.get("name_a"), "true", "INDIVIDUAL"});
        }
        return pairs("putin variants vs canonical", rows, threshold);
    }

    Outcome putinAllPairs(double threshold) throws IOException {
        List<String> names = new ArrayList<>();
        List<Map<String, String>> set = SharedData.nameSet("nomenklatura_putin_variants.csv");
        names.add(set.get(0).get("name_a"));
        for (Map<String, String> m : set) {
            names.add(m.get("name_b"));
        }
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                if (i != j) {
                    rows.add(new String[]{names.get(i), names.get(j), "true", "INDIVIDUAL"});
                }
            }
        }
        Outcome o = pairs("putin variants, all ordered pairs", rows, threshold);
        return new Outcome(o.set(), o.correct(), o.total(), List.of());
    }

    Outcome watchmanCompare(double threshold) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> m : SharedData.nameSet("watchman_compare_name_cases.csv")) {
            rows.add(new String[]{m.get("name_a"), m.get("name_b"), m.get("expected_match"), null});
        }
        return pairs("watchman_compare_name_cases", rows, threshold);
    }

    Outcome watchmanCrossScript(double threshold) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (Map<String, String> m : SharedData.nameSet("watchman_cross_script_pairs.csv")) {
            rows.add(new String[]{m.get("name_a"), m.get("name_b"), m.get("expected_match"), null});
        }
        return pairs("watchman_cross_script_pairs", rows, threshold);
    }

    /** Scores of {@code pairs} random pairs of different SDN entries' primary names (fixed seed), any order. */
    double[] sdnPairScores(int pairs, long seed) throws IOException {
        List<MatchCandidate> sdn = new ArrayList<>(SharedData.sdn().values());
        Random rnd = new Random(seed);
        double[] out = new double[pairs];
        for (int k = 0; k < pairs; k++) {
            MatchCandidate a = sdn.get(rnd.nextInt(sdn.size()));
            MatchCandidate b;
            do {
                b = sdn.get(rnd.nextInt(sdn.size()));
            } while (b == a);
            out[k] = scorer.compare(new MatchQuery(a.primaryName(), a.type(), Set.of()), b).score();
        }
        return out;
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

    public static void main(String[] args) throws IOException {
        Eval e = new Eval();
        double t = args.length > 0 ? Double.parseDouble(args[0]) : NameIndex.DEFAULT_THRESHOLD;
        for (Outcome o : List.of(e.logicV2(t), e.putinCanonical(t), e.watchmanCompare(t), e.watchmanCrossScript(t))) {
            System.out.println(o);
            o.wrong().forEach(w -> System.out.println("   " + w));
        }
        System.out.println(e.putinAllPairs(t));
        double[] fp = e.sdnPairScores(20000, 42);
        for (double th = 0.75; th <= 0.951; th += 0.025) {
            System.out.printf(Locale.ROOT, "t=%.3f logic %.3f putin %.3f sdnFP %.4f%%%n", th, e.logicV2(th).share(),
                    e.putinCanonical(th).share(), 100 * rateAtOrAbove(fp, th));
        }
    }
}
