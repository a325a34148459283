package org.exposure.assessor.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A China-Russia land border crossing of the reference list, or, for a name several rows share ("Heihe" is both the
 * river port and the road bridge), all of them at once.
 *
 * @param province          the Chinese province or region (Heilongjiang, Inner Mongolia, Jilin)
 * @param kind              road, rail, river, road bridge or rail bridge; "river or road bridge" for shared names
 * @param chineseSide       the Chinese port in pinyin (Heihe)
 * @param russianSide       the Russian town in Latin letters (Blagoveshchensk)
 * @param russianCheckpoint the Russian checkpoint's own name where it differs from the town (Kani-Kurgan), or null
 * @param status            what the sources say about it being open, seasonal or closed, or null
 */
public record BorderCrossing(String province, String kind, String chineseSide, String russianSide,
                             String russianCheckpoint, String status) {

    /** "Heihe–Blagoveshchensk (Kani-Kurgan) road bridge (Heilongjiang)": both sides, the kind and the province. */
    public String label() {
        return chineseSide + "–" + russianSide + (russianCheckpoint == null ? "" : " (" + russianCheckpoint + ")")
                + " " + kindWords(kind) + " (" + province + ")";
    }

    /** The crossing a name shared by several rows stands for: each differing part joined with " or " / "/". */
    static BorderCrossing anyOf(List<BorderCrossing> crossings) {
        if (crossings.size() == 1) {
            return crossings.get(0);
        }
        String checkpoint = joined(crossings.stream().map(BorderCrossing::russianCheckpoint).toList(), "/");
        boolean sameCheckpoint = crossings.stream().allMatch(c -> c.russianCheckpoint() != null);
        return new BorderCrossing(
                joined(crossings.stream().map(BorderCrossing::province).toList(), "/"),
                joined(crossings.stream().map(c -> kindWords(c.kind())).toList(), " or "),
                joined(crossings.stream().map(BorderCrossing::chineseSide).toList(), "/"),
                joined(crossings.stream().map(BorderCrossing::russianSide).toList(), "/"),
                // A checkpoint name only some of the rows have would wrongly narrow the others.
                sameCheckpoint ? checkpoint : null,
                null);
    }

    private static String joined(List<String> parts, String separator) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                distinct.add(p);
            }
        }
        return distinct.isEmpty() ? null : distinct.stream().collect(Collectors.joining(separator));
    }

    /** "road crossing", "river port", "road bridge"; a merged kind ("river port or road bridge") as it is. */
    private static String kindWords(String kind) {
        return switch (kind) {
            case "road", "rail" -> kind + " crossing";
            case "river" -> "river port";
            default -> kind;
        };
    }
}
