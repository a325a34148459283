package org.exposure.assessor.rulesets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.exposure.assessor.persistence.Transactions;
import org.exposure.assessor.rules.RulesetFiles;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The stored ruleset versions (tables ruleset_version, ruleset_file, ruleset_blob), in plain JDBC. A version is
 * never changed once stored: its key is the hash of its files, so the same key always means the same files.
 */
@ApplicationScoped
public class RulesetStore {
    private static final String VERSION_COLUMNS = "version, origin, registered_by, registered_at, comment, file_count";

    private final DataSource dataSource;

    RulesetStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A stored version without its files. */
    public record Version(String version, String origin, String registeredBy, Instant registeredAt, String comment,
                          int fileCount) {
    }

    /** One file of a stored version: its path from the ruleset's root, its size in bytes (UTF-8) and its SHA-256. */
    public record StoredFile(String path, long size, String sha256) {
    }

    /**
     * Stores {@code files} as a version unless it is stored already; true when this call stored it. Takes the
     * registration lock first, in the caller's transaction, so that instances registering the same version at once
     * store it once and neither fails: the second finds the first's rows once the first commits.
     */
    public boolean insertIfAbsent(Connection c, RulesetFiles files, String actor, String comment, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ruleset_lock WHERE id = 1 FOR UPDATE")) {
            ps.executeQuery().close();
        }
        if (exists(c, files.version())) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ruleset_version (" + VERSION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, files.version());
            ps.setString(2, cut(files.origin(), 2000));
            ps.setString(3, actor);
            ps.setObject(4, OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
            ps.setString(5, comment == null ? null : cut(comment, 2000));
            ps.setInt(6, files.files().size());
            ps.executeUpdate();
        }
        for (Map.Entry<String, String> f : new TreeMap<>(files.files()).entrySet()) {
            byte[] bytes = f.getValue().getBytes(StandardCharsets.UTF_8);
            String sha = sha256(bytes);
            if (!blobExists(c, sha)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO ruleset_blob (sha256, size_bytes, content) VALUES (?, ?, ?)")) {
                    ps.setString(1, sha);
                    ps.setLong(2, bytes.length);
                    ps.setString(3, f.getValue());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO ruleset_file (version, path, sha256) VALUES (?, ?, ?)")) {
                ps.setString(1, files.version());
                ps.setString(2, f.getKey());
                ps.setString(3, sha);
                ps.executeUpdate();
            }
        }
        return true;
    }

    /** Every stored version, the newest first. */
    public List<Version> all() {
        return Transactions.requiringNew(dataSource, c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM ruleset_version "
                    + "ORDER BY registered_at DESC, version"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(version(rs));
                }
            }
            return out;
        });
    }

    public Optional<Version> find(String version) {
        return Transactions.requiringNew(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM ruleset_version "
                    + "WHERE version = ?")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(version(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The files of a version, by path, without their content. */
    public List<StoredFile> files(String version) {
        return Transactions.requiringNew(dataSource, c -> {
            List<StoredFile> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.path, b.size_bytes, f.sha256 FROM ruleset_file f "
                    + "JOIN ruleset_blob b ON b.sha256 = f.sha256 WHERE f.version = ? ORDER BY f.path")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredFile(rs.getString(1), rs.getLong(2), rs.getString(3).strip()));
                    }
                }
            }
            return out;
        });
    }

    /** The content of every file of a version, by path (sorted); empty for a version not stored. */
    public Map<String, String> contents(String version) {
        return Transactions.requiringNew(dataSource, c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT f.path, b.content FROM ruleset_file f "
                    + "JOIN ruleset_blob b ON b.sha256 = f.sha256 WHERE f.version = ? ORDER BY f.path")) {
                ps.setString(1, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** One file's content, when the version holds a file at {@code path}. */
    public Optional<String> content(String version, String path) {
        return Transactions.requiringNew(dataSource, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT b.content FROM ruleset_file f "
                    + "JOIN ruleset_blob b ON b.sha256 = f.sha256 WHERE f.version = ? AND f.path = ?")) {
                ps.setString(1, version);
                ps.setString(2, path);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Work on a connection in a transaction of its own, for a registration and its audit event together. */
    public <T> T inTransaction(Transactions.Work<T> work) {
        return Transactions.requiringNew(dataSource, work);
    }

    private static boolean exists(Connection c, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_version WHERE version = ?")) {
            ps.setString(1, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean blobExists(Connection c, String sha) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM ruleset_blob WHERE sha256 = ?")) {
            ps.setString(1, sha);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Version version(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
        return new Version(rs.getString(1), rs.getString(2), rs.getString(3), at.toInstant(), rs.getString(5),
                rs.getInt(6));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
