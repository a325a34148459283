package org.exposure.assessor.lists.ofac;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.exposure.assessor.lists.Alias;
import org.exposure.assessor.lists.AliasKind;
import org.exposure.assessor.lists.EntityType;
import org.exposure.assessor.lists.EntryBuilder;
import org.exposure.assessor.lists.Places;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.InputLimits;
import org.exposure.assessor.lists.Inputs;
import org.exposure.assessor.lists.ListEntry;
import org.exposure.assessor.lists.RowProblem;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * OFAC SDN list in the legacy CSV files: {@code sdn.csv} with the optional {@code alt.csv} (aliases) and
 * {@code add.csv} (addresses). No header, Latin-1, {@code -0- } for empty, a lone 0x1A byte as the last line.
 *
 * <p>sdn.csv columns: ent_num, name, type ({@code individual}, {@code vessel}, {@code aircraft}, {@code -0-} for
 * entities), programs ({@code ] [} separated), title, call_sign, vess_type, tonnage, GRT, vess_flag, vess_owner,
 * remarks ({@code ;} separated facts: {@code a.k.a. 'X'}, {@code SWIFT/BIC X}, {@code Secondary sanctions risk: ...},
 * {@code nationality X}, identifiers such as {@code Tax ID No. 7702070139 (Russia)}).
 * alt.csv: ent_num, alt_num, alt_type (aka/fka/nka), alt_name, remarks. add.csv: ent_num, add_num, address,
 * city/state/postal, country, remarks. Alias and address rows whose ent_num is not in sdn.csv are skipped and
 * counted ({@code altUnknownEntity}, {@code addUnknownEntity}): the published alt/add files may be newer.
 *
 * <p>Content hash: with sdn.csv alone the SHA-256 of its bytes; with alt/add the SHA-256 of the text
 * {@code "sdn:<hash>\nalt:<hash>\nadd:<hash>\n"} (absent parts left out), so the same three files give the same hash.
 */
public final class OfacSdnImporter {
    public static final String SOURCE = ListEntry.OFAC_SDN;
    private static final int SDN_COLUMNS = 12;
    private static final String[] SDN_FIELDS = {"ent_num", "name", "type", "programs", "title", "call_sign",
            "vess_type", "tonnage", "GRT", "vess_flag", "vess_owner", "remarks"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
    private static final Pattern PROGRAM_SEPARATOR = Pattern.compile("\\]\\s*\\[");


    private final InputLimits limits;

    public OfacSdnImporter() {
        this(InputLimits.DEFAULT);
    }

    public OfacSdnImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path sdn) throws ImportException {
        return importFrom(sdn, null, null);
    }

    /** @param alt alt.csv or null; @param add add.csv or null */
    public ImportResult importFrom(Path sdn, Path alt, Path add) throws ImportException {
        return importBytes(read(sdn, "sdn"), alt == null ? null : read(alt, "alt"), add == null ? null : read(add, "add"));
    }

    public ImportResult importFrom(InputStream sdn) throws ImportException {
        return importFrom(sdn, null, null);
    }

    /** @param alt alt.csv or null; @param add add.csv or null. The streams are read to the end and closed. */
    public ImportResult importFrom(InputStream sdn, InputStream alt, InputStream add) throws ImportException {
        return importBytes(read(sdn, "sdn"), alt == null ? null : read(alt, "alt"), add == null ? null : read(add, "add"));
    }

    private byte[] read(Path file, String part) throws ImportException {
        try {
            return Inputs.readAll(file, "OFAC " + part + ".csv", limits);
        } catch (ImportException e) {
            throw e.inPart(part);
        }
    }

    private byte[] read(InputStream in, String part) throws ImportException {
        try {
            return Inputs.readAll(in, "OFAC " + part + ".csv", limits);
        } catch (ImportException e) {
            throw e.inPart(part);
        }
    }

    private ImportResult importBytes(byte[] sdn, byte[] alt, byte[] add) throws ImportException {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, EntryBuilder> byId = new LinkedHashMap<>();

        long[] sdnRows = {0};
        parse(sdn, "sdn.csv", SDN_COLUMNS, "ent_num", problems, sdnRows, record -> {
            String problem = readSdn(record, byId);
            if (problem != null) {
                problems.add(new RowProblem(record.getRecordNumber(), "sdn.csv: " + problem));
            }
        });
        if (byId.isEmpty()) {
            throw new ImportException("OFAC sdn.csv: no valid SDN row in " + sdnRows[0] + " rows").inPart("sdn");
        }
        counts.put("sdnRows", sdnRows[0]);

        if (alt != null) {
            long[] rows = {0};
            long[] unknown = {0};
            long[] added = {0};
            parse(alt, "alt.csv", 5, "ent_num", problems, rows, record -> {
                String entNum = field(record, 0);
                String name = field(record, 3);
                if (name == null) {
                    problems.add(new RowProblem(record.getRecordNumber(), "alt.csv: empty alt_name"));
                    return;
                }
                EntryBuilder b = byId.get(entNum);
                if (b == null) {
                    unknown[0]++;
                    return;
                }
                String kind = field(record, 2);
                int before = b.aliasCount();
                b.alias(name, AliasKind.parse(kind), false);
                if (b.aliasCount() > before) {
                    added[0]++;
                }
                b.evidence("alt:" + field(record, 1), (kind == null ? "aka" : kind) + " " + name);
            });
            counts.put("altRows", rows[0]);
            counts.put("altUnknownEntity", unknown[0]);
            counts.put("altAliasesAdded", added[0]);
        }
        if (add != null) {
            long[] rows = {0};
            long[] unknown = {0};
            parse(add, "add.csv", 6, "ent_num", problems, rows, record -> {
                EntryBuilder b = byId.get(field(record, 0));
                if (b == null) {
                    unknown[0]++;
                    return;
                }
                b.country(field(record, 4));
                b.city(Places.cityOfAddressLine(field(record, 3)));
                StringBuilder address = new StringBuilder();
                for (int i = 2; i <= 4; i++) {
                    String f = field(record, i);
                    if (f != null) {
                        address.append(address.isEmpty() ? "" : ", ").append(f);
                    }
                }
                b.evidence("add:" + field(record, 1), address.toString());
            });
            counts.put("addRows", rows[0]);
            counts.put("addUnknownEntity", unknown[0]);
        }

        List<ListEntry> entries = new ArrayList<>(byId.size());
        long aliases = 0;
        long secondary = 0;
        for (EntryBuilder b : byId.values()) {
            ListEntry e = b.build();
            aliases += e.aliases().size();
            if (e.secondarySanctionsRisk()) {
                secondary++;
            }
            entries.add(e);
        }
        counts.put("entries", (long) entries.size());
        counts.put("aliases", aliases);
        counts.put("secondarySanctionsRisk", secondary);
        counts.put("problems", (long) problems.size());
        return new ImportResult(SOURCE, entries, problems, null, hash(sdn, alt, add), counts, List.of());
    }

    private static String hash(byte[] sdn, byte[] alt, byte[] add) {
        return contentHash(Inputs.sha256(sdn), alt == null ? null : Inputs.sha256(alt),
                add == null ? null : Inputs.sha256(add));
    }

    /**
     * The content hash of an import from the hashes ({@link Inputs#sha256(byte[])}) of its files, alt and add null
     * when absent: the one definition, used by the import and by {@link OfacSdnSource#contentHash}, which recognises
     * files already stored without parsing them.
     */
    static String contentHash(String sdn, String alt, String add) {
        if (alt == null && add == null) {
            return sdn;
        }
        StringBuilder s = new StringBuilder("sdn:").append(sdn).append('\n');
        if (alt != null) {
            s.append("alt:").append(alt).append('\n');
        }
        if (add != null) {
            s.append("add:").append(add).append('\n');
        }
        return Inputs.sha256(s.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Parses one of the headerless CSV files. The whole file is rejected when it is obviously another kind of
     * file, when the CSV structure breaks (an unterminated quote swallows the rest of the file), when its first
     * row does not have the expected shape, or when fewer than half of the rows do.
     */
    private static void parse(byte[] bytes, String file, int columns, String firstField, List<RowProblem> problems,
                              long[] rowCount, Consumer<CSVRecord> onRow) throws ImportException {
        try {
            parseFile(bytes, file, columns, firstField, problems, rowCount, onRow);
        } catch (ImportException e) {
            // "alt.csv" is the part "alt": a multipart upload or a download names the file at fault.
            throw e.inPart(file.substring(0, file.indexOf('.')));
        }
    }

    private static void parseFile(byte[] bytes, String file, int columns, String firstField, List<RowProblem> problems,
                                  long[] rowCount, Consumer<CSVRecord> onRow) throws ImportException {
        String kind = Inputs.obviousKind(bytes);
        if (kind != null) {
            throw new ImportException("OFAC " + file + ": not an OFAC legacy CSV file but " + kind);
        }
        int badShape = 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.ISO_8859_1);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(FORMAT).get()) {
            for (CSVRecord record : parser) {
                if (record.size() == 1 && record.get(0).strip().equals("\u001a")) {
                    continue; // the end-of-file marker line
                }
                rowCount[0]++;
                String shape = shapeProblem(record, columns, firstField);
                if (shape != null) {
                    if (rowCount[0] == 1) {
                        throw new ImportException("OFAC " + file + ": not an OFAC legacy CSV file: first row "
                                + shape);
                    }
                    badShape++;
                    problems.add(new RowProblem(record.getRecordNumber(), file + ": " + shape));
                    continue;
                }
                onRow.accept(record);
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ImportException("OFAC " + file + ": broken CSV structure, file rejected: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (IOException e) {
            throw new ImportException("OFAC " + file + ": cannot read: " + e.getMessage(), e);
        }
        if (rowCount[0] == 0) {
            throw new ImportException("OFAC " + file + ": no rows");
        }
        if (badShape * 2 > rowCount[0]) {
            throw new ImportException("OFAC " + file + ": not an OFAC legacy CSV file: " + badShape + " of "
                    + rowCount[0] + " rows do not have " + columns + " columns with a numeric " + firstField);
        }
    }

    private static String shapeProblem(CSVRecord record, int columns, String firstField) {
        if (record.size() != columns) {
            return record.size() + " columns, expected " + columns;
        }
        String id = field(record, 0);
        if (id == null || !id.chars().allMatch(Character::isDigit)) {
            return firstField + " '" + (id == null ? "" : abbreviate(id)) + "' is not a number";
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** A field with {@code -0-} and blanks as null. */
    private static String field(CSVRecord record, int i) {
        if (i >= record.size()) {
            return null;
        }
        String v = record.get(i).strip();
        return v.isEmpty() || v.equals("-0-") ? null : v;
    }

    private static String readSdn(CSVRecord record, Map<String, EntryBuilder> byId) {
        String id = field(record, 0);
        String name = field(record, 1);
        if (name == null) {
            return "ent_num " + id + ": empty name";
        }
        if (byId.containsKey(id)) {
            return "ent_num " + id + " appears again";
        }
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = EntryBuilder.oneLine(name);
        for (int i = 0; i < SDN_FIELDS.length; i++) {
            b.evidence(SDN_FIELDS[i], field(record, i));
        }
        String type = field(record, 2);
        b.type = type == null ? EntityType.ENTITY : switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.INDIVIDUAL;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> EntityType.UNKNOWN;
        };
        String programs = field(record, 3);
        if (programs != null) {
            for (String p : PROGRAM_SEPARATOR.split(programs)) {
                b.program(p.replace("[", "").replace("]", ""));
            }
        }
        String callSign = field(record, 5);
        if (callSign != null) {
            b.identifier("Call Sign", callSign, null);
        }
        String remarks = field(record, 11);
        if (remarks != null) {
            b.remark(remarks);
            OfacRemarks.read(remarks, b);
        }
        byId.put(id, b);
        return null;
    }
}
