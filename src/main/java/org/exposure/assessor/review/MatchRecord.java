package org.exposure.assessor.review;

import java.time.Instant;
import java.util.UUID;

import org.exposure.assessor.domain.Severity;

/**
 * One list match of an assessment as stored with it and shown to the reviewer: which party matched which entry,
 * how well, how grave the entry is, the hash of the entry's content at the time, and whether a remembered
 * false-positive decision kept it from the rules ({@code dismissal}) or a remembered one no longer applies
 * ({@code reopened}).
 *
 * @param id          the match's id within the assessment: "m1", "m2", ... in the order of the screening
 * @param path        where the party is in the subject ("subject", "owners[0]", ...)
 * @param role        the party's role (SUBJECT, OWNER, ...)
 * @param name        the party's name as submitted
 * @param partyKey    the name as remembered decisions key it (see Screener.partyKey)
 * @param severity    the severity the entry gives a party that matches it
 * @param entryHash   SHA-256 of the entry's content (see {@link EntryHashes}), what a dismissal is bound to
 */
public record MatchRecord(String id, String path, String role, String name, String partyKey, String source,
                          String list, String listVersion, String entryId, String primaryName, String matchedName,
                          double score, Severity severity, String entryHash, Dismissed dismissal, Reopened reopened) {

    /** A false-positive decision in force for this party and entry: the match did not count. */
    public record Dismissed(UUID id, String decidedBy, String approvedBy, Instant dismissedAt, String reason,
                            Instant expiresAt) {
    }

    /**
     * A false-positive decision for this party and entry that no longer applies, so the match counted again.
     *
     * @param why ENTRY_CHANGED (the entry's content hashes differently from when it was dismissed) or EXPIRED
     */
    public record Reopened(UUID id, String why, String decidedBy, Instant dismissedAt, String reason,
                           Instant expiresAt) {
    }

    /** Whether the match counted in the assessment: it was not dismissed. */
    public boolean counted() {
        return dismissal == null;
    }
}
