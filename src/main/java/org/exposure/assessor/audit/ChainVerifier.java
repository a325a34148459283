package org.exposure.assessor.audit;

import java.util.Optional;

/**
 * Checks a chain fed event by event in seq order, keeping only the previous event: constant memory whatever the
 * length of the trail. Only the first break is kept; everything after it is still counted.
 */
public final class ChainVerifier {
    public static final String CONTENT = "hash does not match content";
    public static final String PREV_HASH = "prev_hash does not match the previous event's hash";
    public static final String GAP = "sequence gap";
    public static final String HEAD = "the head row does not match the last event";

    /** Where the chain first breaks; {@code detail} says more for people. */
    public record Break(long seq, String reason, String detail) {
    }

    /** The outcome: valid when nothing broke. */
    public record Result(boolean valid, long events, Long lastSeq, String lastHash, Break firstBroken) {
    }

    private long events;
    private long lastSeq;
    private String lastHash = AuditHash.GENESIS;
    private Break first;

    public void accept(AuditEvent e) {
        events++;
        if (first == null) {
            if (e.seq() != lastSeq + 1) {
                first = new Break(lastSeq + 1, GAP, e.seq() > lastSeq + 1
                        ? "event " + (lastSeq + 1) + (e.seq() > lastSeq + 2 ? " to " + (e.seq() - 1) : "")
                                + " missing: the event after " + lastSeq + " is " + e.seq()
                        : "event " + e.seq() + " follows event " + lastSeq);
            } else if (!lastHash.equals(e.prevHash())) {
                first = new Break(e.seq(), PREV_HASH, "prev_hash " + e.prevHash() + ", previous event's hash " + lastHash);
            } else if (!AuditHash.of(e).equals(e.hash())) {
                first = new Break(e.seq(), CONTENT, "stored hash " + e.hash() + ", recomputed " + AuditHash.of(e));
            }
        }
        lastSeq = e.seq();
        lastHash = e.hash();
    }

    /** The highest seq seen so far (0 before the first event). */
    public long lastSeq() {
        return lastSeq;
    }

    /** Ends the check against the head row (empty: the row is missing). */
    public Result finish(Optional<AuditChain.Head> head) {
        Break broken = first;
        if (broken == null) {
            if (head.isEmpty()) {
                broken = new Break(lastSeq, HEAD, "the audit_head row is missing");
            } else if (head.get().lastSeq() != lastSeq || !head.get().lastHash().strip().equals(lastHash)) {
                broken = new Break(head.get().lastSeq(), HEAD, "head says seq " + head.get().lastSeq() + " with hash "
                        + head.get().lastHash().strip() + "; the last event is " + lastSeq + " with hash " + lastHash);
            }
        }
        return new Result(broken == null, events, events == 0 ? null : lastSeq, events == 0 ? null : lastHash, broken);
    }
}
