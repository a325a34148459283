package org.exposure.assessor.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exposure.assessor.domain.Warning;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.screening.Screener;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/**
 * Applies remembered FALSE_POSITIVE decisions to the matches of a new assessment. A dismissal is found by the
 * party's normalised name, the list source and the entry id; it applies only while it is not revoked, has not
 * expired, and the entry's content hashes as it did when it was dismissed. A match it applies to is kept out of the
 * rules (so it raises no risk level) but stays in the assessment, marked with who dismissed it, when and why; a
 * dismissal that no longer applies is named on the match as the reason it is back. A match on any other entry, or
 * of any other name, is never touched.
 */
@ApplicationScoped
public class Dismissals {
    private final DataSource dataSource;
    private final EntryHashes hashes;
    private final Screener screener;

    Dismissals(DataSource dataSource, EntryHashes hashes, Screener screener) {
        this.dataSource = dataSource;
        this.hashes = hashes;
        this.screener = screener;
    }

    /**
     * What the dismissals did to one assessment's matches.
     *
     * @param records  every match as it is stored with the assessment, in screening order
     * @param counted  the matches the rules see: those not dismissed
     * @param warnings MATCH_DISMISSED per dismissed match, DISMISSAL_REOPENED per dismissal that no longer applies
     */
    public record Applied(List<MatchRecord> records, List<ListMatch> counted, List<Warning> warnings) {
    }

    public Applied apply(List<ListMatch> matches, Instant now) {
        if (matches.isEmpty()) {
            return new Applied(List.of(), List.of(), List.of());
        }
        List<MatchRecord> records = new ArrayList<>(matches.size());
        List<ListMatch> counted = new ArrayList<>(matches.size());
        List<Warning> warnings = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, entry_hash, "
                + "decided_by, approved_by, reason, dismissed_at, expires_at FROM dismissal WHERE party_key = ? AND source = ? "
                + "AND entry_id = ? AND revoked_at IS NULL ORDER BY dismissed_at DESC")) {
            int n = 0;
            for (ListMatch m : matches) {
                String id = "m" + (++n);
                String key = screener.partyKey(m.queryName());
                String hash = hashes.of(m);
                MatchRecord.Dismissed dismissed = null;
                MatchRecord.Reopened reopened = null;
                ps.setString(1, key);
                ps.setString(2, m.source());
                ps.setString(3, m.entryId());
                try (ResultSet r = ps.executeQuery()) {
                    if (r.next()) {
                        UUID did = r.getObject(1, UUID.class);
                        Instant at = r.getObject(6, OffsetDateTime.class).toInstant();
                        Instant expires = r.getObject(7, OffsetDateTime.class).toInstant();
                        if (!expires.isAfter(now)) {
                            reopened = new MatchRecord.Reopened(did, "EXPIRED", r.getString(3), at, r.getString(5), expires);
                        } else if (!hash.equals(r.getString(2))) {
                            reopened = new MatchRecord.Reopened(did, "ENTRY_CHANGED", r.getString(3), at, r.getString(5),
                                    expires);
                        } else {
                            dismissed = new MatchRecord.Dismissed(did, r.getString(3), r.getString(4), at, r.getString(5),
                                    expires);
                        }
                    }
                }
                add(id, m, key, hash, dismissed, reopened, records, counted, warnings);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the remembered dismissals: " + e.getMessage(), e);
        }
        return new Applied(List.copyOf(records), List.copyOf(counted), List.copyOf(warnings));
    }

    /**
     * The same matches as a stored assessment's, with the dismissals as they stood when it was made ({@code stored}:
     * its match records) rather than as they stand now: to replay it. A match the stored assessment does not have
     * counts, without a dismissal. The entry's hash is computed afresh, so a replay over an entry whose stored
     * content differs from what the assessment saw shows in the record.
     */
    public Applied replay(List<ListMatch> matches, List<MatchRecord> stored) {
        Map<String, MatchRecord> byEntry = new HashMap<>();
        for (MatchRecord r : stored) {
            byEntry.putIfAbsent(r.path() + "\u0000" + r.source() + "\u0000" + r.list() + "\u0000" + r.entryId(), r);
        }
        List<MatchRecord> records = new ArrayList<>(matches.size());
        List<ListMatch> counted = new ArrayList<>(matches.size());
        List<Warning> warnings = new ArrayList<>();
        int n = 0;
        for (ListMatch m : matches) {
            MatchRecord then = byEntry.get(m.path() + "\u0000" + m.source() + "\u0000" + m.list() + "\u0000" + m.entryId());
            add("m" + (++n), m, screener.partyKey(m.queryName()), hashes.of(m), then == null ? null : then.dismissal(),
                    then == null ? null : then.reopened(), records, counted, warnings);
        }
        return new Applied(List.copyOf(records), List.copyOf(counted), List.copyOf(warnings));
    }

    /** One match's record, and whether it counts, with the warning its dismissal (or reopened one) gives. */
    private static void add(String id, ListMatch m, String key, String hash, MatchRecord.Dismissed dismissed,
                            MatchRecord.Reopened reopened, List<MatchRecord> records, List<ListMatch> counted,
                            List<Warning> warnings) {
        MatchRecord rec = new MatchRecord(id, m.path(), m.role(), m.queryName(), key, m.source(), m.list(),
                m.versionId(), m.entryId(), m.primaryName(), m.matchedName(), Math.round(m.score() * 1000) / 1000.0,
                m.getSeverity(), hash, dismissed, reopened);
        records.add(rec);
        if (dismissed != null) {
            warnings.add(new Warning("MATCH_DISMISSED", m.path(), "the match of \"" + m.queryName() + "\" with "
                    + m.getLabel() + " was dismissed as a false positive by " + dismissed.decidedBy()
                    + (dismissed.approvedBy() == null ? "" : ", approved by " + dismissed.approvedBy()) + ", on "
                    + dismissed.dismissedAt() + ", because: " + dismissed.reason() + "; it did not count (until "
                    + dismissed.expiresAt() + " or a change of the entry)"));
        } else {
            counted.add(m);
            if (reopened != null) {
                warnings.add(new Warning("DISMISSAL_REOPENED", m.path(), "the match of \"" + m.queryName()
                        + "\" with " + m.getLabel() + " was dismissed as a false positive by " + reopened.decidedBy()
                        + " on " + reopened.dismissedAt() + ", but "
                        + ("EXPIRED".equals(reopened.why()) ? "that dismissal expired on " + reopened.expiresAt()
                                : "the entry has changed since")
                        + ": it counts again and needs a new review"));
            }
        }
    }
}
