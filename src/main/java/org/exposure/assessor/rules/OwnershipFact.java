package org.exposure.assessor.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.exposure.assessor.domain.Owner;

/**
 * The subject's ownership by blocked persons under the OFAC 50 percent rule (guidance of 13 Aug 2014, FAQs
 * 398-401): stakes held directly or indirectly by blocked persons are added up, and an entity owned 50 % or more in
 * aggregate by blocked persons is itself blocked, so that its whole stake counts one level up. Stakes are not
 * multiplied along a chain, and a stake held through an entity that is not blocked does not count.
 */
public final class OwnershipFact {
    /** A blocked owner: marked sanctioned by the submitter, or blocked by the 50 % rule through its own owners. */
    public record BlockedOwner(String name, String path, BigDecimal sharePercent, boolean marked, String listedAs,
                               BigDecimal blockedOwnedPercent, List<BlockedOwner> through, String possiblyAs) {
        Map<String, Object> evidence() {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", name);
            e.put("path", path);
            e.put("sharePercent", sharePercent);
            e.put("blockedBecause", listedAs != null ? "listed: " + listedAs
                    : possiblyAs != null ? "possibly listed (match to confirm): " + possiblyAs
                    : marked ? "marked sanctioned" : "owned " + plain(blockedOwnedPercent) + "% by blocked persons");
            if (!through.isEmpty()) {
                e.put("through", through.stream().map(BlockedOwner::evidence).toList());
            }
            return e;
        }

        /** "A (40%, blocked: 50% owned by X)" */
        String describe() {
            if (listedAs != null) {
                return name + " (" + plain(sharePercent) + "%, listed as " + listedAs + ")";
            }
            if (possiblyAs != null) {
                return name + " (" + plain(sharePercent) + "%, possibly " + possiblyAs + ")";
            }
            if (marked) {
                return name + " (" + plain(sharePercent) + "%, sanctioned)";
            }
            return name + " (" + plain(sharePercent) + "%, itself blocked as " + plain(blockedOwnedPercent) + "% owned by "
                    + through.stream().map(BlockedOwner::describe).collect(Collectors.joining(" and ")) + ")";
        }
    }

    private final BigDecimal blockedPercent;
    private final List<BlockedOwner> blockedOwners;
    private final BigDecimal possiblePercent;
    private final List<BlockedOwner> possibleOwners;
    private final BigDecimal blockedThreshold;
    private final BigDecimal minorityThreshold;

    private OwnershipFact(BigDecimal blockedPercent, List<BlockedOwner> blockedOwners, BigDecimal possiblePercent,
                          List<BlockedOwner> possibleOwners, BigDecimal blockedThreshold, BigDecimal minorityThreshold) {
        this.blockedPercent = blockedPercent;
        this.blockedOwners = List.copyOf(blockedOwners);
        this.possiblePercent = possiblePercent;
        this.possibleOwners = List.copyOf(possibleOwners);
        this.blockedThreshold = blockedThreshold;
        this.minorityThreshold = minorityThreshold;
    }

    static OwnershipFact of(List<Owner> owners, ReferenceData ref) {
        return of(owners, ref, Map.of(), Map.of());
    }

    /**
     * @param listed   owners matched to an SDN entry at or above the confirmation score (or confirmed by a reviewer),
     *                 by path ("owners[1].owners[0]") to the entry's label
     * @param possible owners matched to an SDN entry only below it, by path to "the entry's label, score 0.91"
     */
    static OwnershipFact of(List<Owner> owners, ReferenceData ref, Map<String, String> listed, Map<String, String> possible) {
        BigDecimal threshold = ref.decimal(Parameters.OWN_BLOCKED);
        List<BlockedOwner> blocked = new ArrayList<>();
        BigDecimal total = aggregate(owners, "owners", threshold, listed, Map.of(), blocked);
        List<BlockedOwner> possibly = new ArrayList<>();
        BigDecimal possibleTotal = possible.isEmpty() ? total
                : aggregate(owners, "owners", threshold, listed, possible, possibly);
        return new OwnershipFact(total, blocked, possibleTotal, possible.isEmpty() ? blocked : possibly, threshold,
                ref.decimal(Parameters.OWN_MINORITY));
    }

    /**
     * Sum of the stakes of the blocked owners in {@code owners}; the blocked ones are added to {@code blocked}. An
     * owner in {@code possible} counts as blocked too (the sum of what would be blocked were the matches confirmed).
     */
    private static BigDecimal aggregate(List<Owner> owners, String prefix, BigDecimal threshold, Map<String, String> listed,
                                        Map<String, String> possible, List<BlockedOwner> blocked) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            String path = prefix + "[" + i + "]";
            List<BlockedOwner> through = new ArrayList<>();
            BigDecimal ownedByBlocked = o.owners() == null || o.owners().isEmpty() ? BigDecimal.ZERO
                    : aggregate(o.owners(), path + ".owners", threshold, listed, possible, through);
            String listedAs = listed.get(path);
            String possiblyAs = listedAs == null && !Boolean.TRUE.equals(o.sanctioned()) ? possible.get(path) : null;
            boolean marked = Boolean.TRUE.equals(o.sanctioned()) || listedAs != null || possiblyAs != null;
            if (marked || ownedByBlocked.compareTo(threshold) >= 0) {
                BigDecimal share = o.sharePercent() == null ? BigDecimal.ZERO : o.sharePercent();
                total = total.add(share);
                blocked.add(new BlockedOwner(o.name(), path, share, marked, listedAs, ownedByBlocked,
                        marked ? List.of() : through, possiblyAs));
            }
        }
        return total;
    }

    /** Aggregate percentage held by blocked persons, directly or through entities they block. */
    public BigDecimal getBlockedPercent() {
        return blockedPercent;
    }

    public BigDecimal getBlockedThreshold() {
        return blockedThreshold;
    }

    public BigDecimal getMinorityThreshold() {
        return minorityThreshold;
    }

    public boolean isBlocked() {
        return blockedPercent.compareTo(blockedThreshold) >= 0;
    }

    public boolean isMinority() {
        return !isBlocked() && blockedPercent.compareTo(minorityThreshold) >= 0;
    }

    public List<BlockedOwner> getBlockedOwners() {
        return blockedOwners;
    }

    /** What blocked persons would own were the approximate matches of owners confirmed. */
    public BigDecimal getPossiblePercent() {
        return possiblePercent;
    }

    /** Not blocked on what is certain, but blocked were the approximate matches of owners confirmed. */
    public boolean isPossiblyBlocked() {
        return !isBlocked() && possiblePercent.compareTo(blockedThreshold) >= 0;
    }

    /** Under the minority threshold on what is certain, at or above it (and under 50 %) were the matches confirmed. */
    public boolean isPossiblyMinority() {
        return !isBlocked() && !isMinority() && !isPossiblyBlocked() && possiblePercent.compareTo(minorityThreshold) >= 0;
    }

    /** The chain were the approximate matches confirmed: "Other (49.99%, possibly OFAC-SDN entry ...) = 49.99%" */
    public String getPossibleChain() {
        return possibleOwners.stream().map(BlockedOwner::describe).collect(Collectors.joining(" + "))
                + " = " + plain(possiblePercent) + "%";
    }

    /** The evidence of a possible finding: the owners counted, the approximate matches with their scores. */
    public Map<String, Object> possibleEvidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", "owners");
        e.put("blockedPercent", blockedPercent);
        e.put("possibleBlockedPercent", possiblePercent);
        e.put("threshold", isPossiblyBlocked() ? blockedThreshold : minorityThreshold);
        e.put("blockedOwners", possibleOwners.stream().map(BlockedOwner::evidence).toList());
        return e;
    }

    /** "X (10%, sanctioned) + A (40%, itself blocked as 50% owned by X (50%, sanctioned)) = 50%" */
    public String getChain() {
        return blockedOwners.stream().map(BlockedOwner::describe).collect(Collectors.joining(" + "))
                + " = " + plain(blockedPercent) + "%";
    }

    /** "10% + 40% = 50%" */
    public String getSum() {
        return blockedOwners.stream().map(b -> plain(b.sharePercent()) + "%").collect(Collectors.joining(" + "))
                + " = " + plain(blockedPercent) + "%";
    }

    public Map<String, Object> evidence() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("path", "owners");
        e.put("blockedPercent", blockedPercent);
        e.put("threshold", isBlocked() ? blockedThreshold : minorityThreshold);
        e.put("blockedOwners", blockedOwners.stream().map(BlockedOwner::evidence).toList());
        return e;
    }

    /** 40, 49.9: percentages as people write them. */
    public static String plain(BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
