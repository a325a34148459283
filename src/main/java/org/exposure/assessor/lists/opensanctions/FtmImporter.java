package org.exposure.assessor.lists.opensanctions;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * OpenSanctions FollowTheMoney entities as JSON lines: one entity per line ({@code id}, {@code schema},
 * {@code caption}, {@code properties} of string arrays, {@code datasets}, ...), or, in delta files, one
 * {@code {"op": "ADD"|"MOD"|"DEL", "entity": {...}}} per line. DEL ids go to {@link ImportResult#removedIds()}.
 *
 * <p>Parties (Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane) become entries; other
 * schemata (Address, Sanction, Ownership, ...) are counted as {@code nonParty} and skipped. The primary name is the
 * caption (else the first {@code name}); the other {@code name} values, {@code alias} and {@code previousName} (fka)
 * and {@code weakAlias} (weak) are aliases.
 */
public final class FtmImporter {
    public static final String SOURCE = ListEntry.OPENSANCTIONS;
    // One entity per line: anything after the first value on a line is an error, not silently dropped.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String[] COUNTRY_PROPS = {"country", "nationality", "citizenship", "jurisdiction",
            "mainCountry", "flag"};
    private static final String[] ID_PROPS = {"registrationNumber", "taxNumber", "innCode", "ogrnCode", "okpoCode",
            "kppCode", "vatCode", "leiCode", "dunsCode", "swiftBic", "bicCode", "imoNumber", "mmsi", "callSign",
            "idNumber", "passportNumber", "uniqueEntityId", "permId", "email", "phone", "website"};
    private static final String[] EVIDENCE_PROPS = {"topics", "birthDate", "gender", "position", "createdAt",
            "modifiedAt", "incorporationDate", "address"};

    private final InputLimits limits;

    public FtmImporter() {
        this(InputLimits.DEFAULT);
    }

    public FtmImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path file) throws ImportException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (IOException e) {
            throw new ImportException("OpenSanctions FtM: cannot read " + file + ": " + e, e);
        }
        return importFrom(in);
    }

    /**
     * The stream is read to the end and closed. It is read line by line, never whole: OpenSanctions exports run to
     * gigabytes, mostly of entities that are not parties (addresses, sanctions, ownerships), and only the parties'
     * entries are kept.
     */
    public ImportResult importFrom(InputStream in) throws ImportException {
        if (in == null) {
            throw new ImportException("OpenSanctions FtM: no input");
        }
        try (InputStream raw = in) {
            BufferedInputStream buffered = new BufferedInputStream(Inputs.limited(raw, limits), 1 << 16);
            buffered.mark(HEAD);
            byte[] head = buffered.readNBytes(HEAD);
            buffered.reset();
            String kind = Inputs.obviousKind(head);
            if ("an empty file".equals(kind) && head.length == HEAD) {
                kind = null; // only the first few kilobytes are blank: the lines decide
            }
            if (kind != null && !kind.equals("a JSON document")) {
                throw new ImportException("OpenSanctions FtM: not FollowTheMoney JSON lines but " + kind);
            }
            MessageDigest sha = Inputs.sha256();
            BufferedReader lines = new BufferedReader(new InputStreamReader(new DigestInputStream(buffered, sha),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
            return importLines(lines, sha);
        } catch (Inputs.TooLarge e) {
            throw e.problem("OpenSanctions FtM");
        } catch (CharacterCodingException e) {
            throw new ImportException("OpenSanctions FtM: not UTF-8 text, file rejected", e);
        } catch (IOException e) {
            throw new ImportException("OpenSanctions FtM: cannot read input: " + e.getMessage(), e);
        }
    }

    /** Bytes looked at to recognise a wrong file before reading lines. */
    private static final int HEAD = 4096;

    private static EntityType typeOf(String schema) {
        return switch (schema) {
            case "Person" -> EntityType.INDIVIDUAL;
            case "Organization", "Company", "LegalEntity", "PublicBody" -> EntityType.ENTITY;
            case "Vessel" -> EntityType.VESSEL;
            case "Airplane" -> EntityType.AIRCRAFT;
            default -> null;
        };
    }

    /**
     * The lines of a reader without their terminators (LF, CR LF or CR, as {@link BufferedReader#readLine()}); a
     * line longer than {@link InputLimits#maxRecordSize()} rejects the file before it is held whole, which readLine
     * would do whatever its length. Its own buffer, as reading a character at a time from a BufferedReader takes a
     * lock per character.
     */
    private static final class Lines {
        private final Reader in;
        private final int max;
        private final char[] buf = new char[1 << 16];
        private final StringBuilder line = new StringBuilder();
        private int pos;
        private int len;
        private boolean skipLf;
        private long number;

        Lines(Reader in, int max) {
            this.in = in;
            this.max = max;
        }

        String next() throws IOException, ImportException {
            line.setLength(0);
            boolean any = false;
            while (true) {
                if (pos == len) {
                    len = in.read(buf, 0, buf.length);
                    pos = 0;
                    if (len <= 0) {
                        len = 0;
                        if (!any) {
                            return null;
                        }
                        number++;
                        return line.toString();
                    }
                }
                if (skipLf) {
                    skipLf = false;
                    if (buf[pos] == '\n') {
                        pos++;
                        continue;
                    }
                }
                any = true;
                int start = pos;
                while (pos < len && buf[pos] != '\n' && buf[pos] != '\r') {
                    pos++;
                }
                if (line.length() + (pos - start) > max) {
                    throw ImportException.tooLarge(InputLimits.MAX_RECORD_SIZE, "OpenSanctions FtM: line "
                            + (number + 1) + " is longer than " + max + " characters ("
                            + InputLimits.MAX_RECORD_SIZE + "), file rejected");
                }
                line.append(buf, start, pos - start);
                if (pos < len) {
                    skipLf = buf[pos] == '\r';
                    pos++;
                    number++;
                    return line.toString();
                }
            }
        }
    }

    private ImportResult importLines(BufferedReader reader, MessageDigest sha) throws IOException, ImportException {
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        long records = 0;
        long nonParty = 0;
        long malformed = 0;
        long lineNumber = 0;
        Lines lines = new Lines(reader, limits.maxRecordSize());
        for (String raw = lines.next(); raw != null; raw = lines.next()) {
            lineNumber++;
            String line = (lineNumber == 1 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
            if (line.isEmpty()) {
                continue;
            }
            records++;
            String problem;
            JsonNode node = null;
            try {
                node = JSON.readTree(line);
                problem = shapeProblem(node);
            } catch (JsonProcessingException e) {
                problem = "not JSON: " + e.getOriginalMessage();
            }
            if (problem != null) {
                if (records == 1) {
                    throw new ImportException("OpenSanctions FtM: not FollowTheMoney JSON lines: line " + lineNumber
                            + ": " + problem);
                }
                malformed++;
                problems.add(new RowProblem(lineNumber, problem));
                continue;
            }
            String op = null;
            JsonNode entity = node;
            if (node.has("op") && node.has("entity")) {
                op = node.get("op").asText();
                entity = node.get("entity");
            }
            String id = entity.path("id").asText();
            if ("DEL".equals(op)) {
                removed.add(id);
                continue;
            }
            EntityType type = typeOf(entity.path("schema").asText());
            if (type == null) {
                nonParty++;
                continue;
            }
            ListEntry e = read(entity, id, type, op);
            if (e == null) {
                problems.add(new RowProblem(lineNumber, "entity " + id + ": no name"));
                continue;
            }
            entries.add(e);
        }
        if (records == 0) {
            throw new ImportException("OpenSanctions FtM: no entity in the file");
        }
        if (malformed * 2 > records) {
            throw new ImportException("OpenSanctions FtM: " + malformed + " of " + records
                    + " lines are not FtM entities, file rejected");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("records", records);
        counts.put("entries", (long) entries.size());
        counts.put("nonParty", nonParty);
        counts.put("removed", (long) removed.size());
        counts.put("aliases", entries.stream().mapToLong(x -> x.aliases().size()).sum());
        counts.put("problems", (long) problems.size());
        return new ImportResult(SOURCE, entries, problems, null, HexFormat.of().formatHex(sha.digest()), counts, removed);
    }

    /** Null when the node is an FtM entity or a delta operation on one, else what is wrong. */
    private static String shapeProblem(JsonNode node) {
        if (!node.isObject()) {
            return "not a JSON object";
        }
        JsonNode entity = node;
        if (node.has("op")) {
            String op = node.path("op").asText();
            if (!op.equals("ADD") && !op.equals("MOD") && !op.equals("DEL")) {
                return "unknown delta op '" + op + "'";
            }
            entity = node.path("entity");
            if (!entity.isObject()) {
                return "delta " + op + " without an entity object";
            }
            if (op.equals("DEL")) {
                return entity.path("id").isTextual() ? null : "delta DEL without an entity id";
            }
        }
        if (!entity.path("id").isTextual() || entity.path("id").asText().isBlank()) {
            return "no \"id\"";
        }
        if (!entity.path("schema").isTextual()) {
            return "no \"schema\"";
        }
        if (!entity.path("properties").isObject()) {
            return "no \"properties\" object";
        }
        return null;
    }

    private static List<String> values(JsonNode props, String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = props.get(name);
        if (v != null && v.isArray()) {
            for (JsonNode x : v) {
                String s = EntryBuilder.clean(x.asText());
                if (s != null) {
                    out.add(s);
                }
            }
        } else if (v != null && v.isTextual() && EntryBuilder.clean(v.asText()) != null) {
            out.add(v.asText().strip());
        }
        return out;
    }

    private static ListEntry read(JsonNode entity, String id, EntityType type, String op) {
        JsonNode props = entity.path("properties");
        List<String> names = values(props, "name");
        String caption = EntryBuilder.clean(entity.path("caption").asText(null));
        String primary = caption != null ? caption : names.isEmpty() ? null : names.get(0);
        if (primary == null) {
            return null;
        }
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = EntryBuilder.oneLine(primary);
        b.type = type;
        b.evidence("id", id);
        b.evidence("schema", entity.path("schema").asText());
        b.evidence("caption", caption);
        b.evidence("op", op);
        for (String f : new String[] {"first_seen", "last_seen", "last_change", "target"}) {
            if (entity.hasNonNull(f)) {
                b.evidence(f, entity.get(f).asText());
            }
        }
        if (entity.path("referents").isArray() && !entity.path("referents").isEmpty()) {
            List<String> refs = new ArrayList<>();
            entity.path("referents").forEach(r -> refs.add(r.asText()));
            b.evidence("referents", String.join(", ", refs));
        }
        for (String n : names) {
            b.alias(n, AliasKind.AKA, false);
        }
        for (String n : values(props, "alias")) {
            b.alias(n, AliasKind.AKA, false);
        }
        for (String n : values(props, "previousName")) {
            b.alias(n, AliasKind.FKA, false);
        }
        for (String n : values(props, "weakAlias")) {
            b.alias(n, AliasKind.AKA, true);
        }
        for (String p : values(props, "program")) {
            b.program(p);
        }
        for (String p : values(props, "programId")) {
            b.program(p);
        }
        for (String prop : COUNTRY_PROPS) {
            for (String c : values(props, prop)) {
                if (prop.equals("nationality") || prop.equals("citizenship")) {
                    b.nationality(c);
                } else {
                    b.country(c);
                }
            }
        }
        for (String d : values(props, "birthDate")) {
            b.birthDate(d);
        }
        for (String prop : ID_PROPS) {
            for (String v : values(props, prop)) {
                b.identifier(prop, v, null);
            }
        }
        for (String prop : EVIDENCE_PROPS) {
            List<String> v = values(props, prop);
            if (!v.isEmpty()) {
                b.evidence(prop, String.join(", ", v));
            }
        }
        for (String r : values(props, "notes")) {
            b.remark(r);
        }
        for (String r : values(props, "description")) {
            b.remark(r);
        }
        entity.path("datasets").forEach(d -> b.dataset(d.asText()));
        return b.build();
    }
}
