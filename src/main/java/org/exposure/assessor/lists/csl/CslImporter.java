package org.exposure.assessor.lists.csl;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * US Consolidated Screening List (trade.gov) CSV, gzipped or plain, UTF-8, with a header
 * ({@code _id,source,entity_number,type,programs,name,title,addresses,...,alt_names,...,ids}).
 * The {@code source} column names the list each row comes from and is kept as {@link ListEntry#list()};
 * {@code _id} is the entry id (it repeats when one party is on several lists: SDN and SSI, for instance).
 * {@code alt_names}, {@code programs}, {@code addresses}, {@code nationalities}, {@code citizenships} and
 * {@code ids} are {@code ;}-separated; an address ends with its ISO country code; an id is
 * {@code [country, ]value, type}.
 */
public final class CslImporter {
    public static final String SOURCE = ListEntry.US_CSL;
    private static final List<String> REQUIRED = List.of("_id", "source", "name", "alt_names");
    private static final Pattern ADDRESS_COUNTRY = Pattern.compile(".*(?:^|,\\s*)([A-Z]{2})\\s*$");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");
    private static final java.util.Set<String> NOT_IDENTIFIERS = java.util.Set.of("Gender",
            "Organization Established Date", "Organization Type", "Target Type", "Vessel Year of Build",
            "Aircraft Manufacture Date", "Aircraft Model", "Aircraft Operator", "Listing Date", "Effective Date",
            "Vessel Type", "Vessel Flag");
    private static final Pattern ID_PARTS = Pattern.compile(",\\s*");

    private final InputLimits limits;

    public CslImporter() {
        this(InputLimits.DEFAULT);
    }

    public CslImporter(InputLimits limits) {
        this.limits = limits;
    }

    public ImportResult importFrom(Path file) throws ImportException {
        return importBytes(Inputs.readAll(file, "US CSL", limits));
    }

    /** The stream (gzipped or plain CSV) is read to the end and closed. */
    public ImportResult importFrom(InputStream in) throws ImportException {
        return importBytes(Inputs.readAll(in, "US CSL", limits));
    }

    private ImportResult importBytes(byte[] raw) throws ImportException {
        byte[] csv = raw;
        if (Inputs.isGzip(raw)) {
            csv = Inputs.gunzip(raw, "US CSL", limits);
        }
        String kind = Inputs.obviousKind(csv);
        if (kind != null) {
            throw new ImportException("US CSL: not a Consolidated Screening List CSV but " + kind);
        }
        List<ListEntry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Long> bySource = new LinkedHashMap<>();
        long rows = 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(CSVFormat.DEFAULT.builder()
                     .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get()).get()) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = REQUIRED.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new ImportException("US CSL: not a Consolidated Screening List CSV: header lacks "
                        + String.join(", ", missing) + " (header starts " + abbreviate(String.join(",", header)) + ")");
            }
            for (CSVRecord record : parser) {
                rows++;
                long rowNumber = record.getRecordNumber() + 1; // the header is row 1
                if (!record.isConsistent()) {
                    problems.add(new RowProblem(rowNumber, record.size() + " columns, header has " + header.size()));
                    continue;
                }
                String id = EntryBuilder.clean(record.get("_id"));
                String name = EntryBuilder.clean(record.get("name"));
                String list = EntryBuilder.clean(record.get("source"));
                if (id == null || name == null || list == null) {
                    problems.add(new RowProblem(rowNumber, "empty " + (id == null ? "_id" : name == null ? "name"
                            : "source") + (id != null ? " (_id " + id + ")" : "")));
                    continue;
                }
                if (id.length() > EntryBuilder.MAX_ID) {
                    // The store keeps entry ids of up to this length; a longer _id is not the CSL's (a 40-character hash).
                    problems.add(new RowProblem(rowNumber, "_id longer than " + EntryBuilder.MAX_ID + " characters"));
                    continue;
                }
                entries.add(read(record, header, id, name, list));
                bySource.merge(list, 1L, Long::sum);
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new ImportException("US CSL: broken CSV structure, file rejected: "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        } catch (IOException e) {
            throw new ImportException("US CSL: cannot read: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) {
            throw new ImportException("US CSL: no valid row in " + rows + " rows");
        }
        if (problems.size() * 2L > rows) {
            throw new ImportException("US CSL: " + problems.size() + " of " + rows
                    + " rows malformed, file rejected as not a Consolidated Screening List CSV");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("rows", rows);
        counts.put("entries", (long) entries.size());
        counts.put("aliases", entries.stream().mapToLong(e -> e.aliases().size()).sum());
        counts.put("secondarySanctionsRisk", entries.stream().filter(ListEntry::secondarySanctionsRisk).count());
        counts.put("problems", (long) problems.size());
        bySource.forEach((list, n) -> counts.put("list:" + list, n));
        return new ImportResult(SOURCE, entries, problems, null, Inputs.sha256(raw), counts, List.of());
    }

    private static ListEntry read(CSVRecord record, List<String> header, String id, String name, String list) {
        EntryBuilder b = new EntryBuilder(SOURCE, id);
        b.name = EntryBuilder.oneLine(name);
        b.list = list;
        for (String column : header) {
            if (!column.isEmpty()) {
                b.evidence(column, record.get(column));
            }
        }
        String type = get(record, "type");
        b.type = type == null ? EntityType.UNKNOWN : switch (type.toLowerCase(Locale.ROOT)) {
            case "individual" -> EntityType.INDIVIDUAL;
            case "entity" -> EntityType.ENTITY;
            case "vessel" -> EntityType.VESSEL;
            case "aircraft" -> EntityType.AIRCRAFT;
            default -> EntityType.UNKNOWN;
        };
        for (String alias : split(get(record, "alt_names"))) {
            // Entity List rows write their last alias as "...; and JSC X"
            b.alias(alias.startsWith("and ") ? alias.substring(4) : alias, AliasKind.AKA, false);
        }
        for (String p : split(get(record, "programs"))) {
            b.program(p);
        }
        for (String c : split(get(record, "nationalities"))) {
            b.nationality(c);
        }
        for (String c : split(get(record, "citizenships"))) {
            b.nationality(c);
        }
        for (String d : split(get(record, "dates_of_birth"))) {
            b.birthDate(d);
        }
        for (String p : split(get(record, "places_of_birth"))) {
            b.city(Places.cityOfPlace(p));
        }
        for (String address : split(get(record, "addresses"))) {
            Matcher m = ADDRESS_COUNTRY.matcher(address);
            if (m.matches()) {
                b.country(m.group(1));
            }
        }
        for (String idText : split(get(record, "ids"))) {
            String[] parts = ID_PARTS.split(idText);
            if (parts.length < 2) {
                continue;
            }
            String idType = parts[parts.length - 1];
            if (NOT_IDENTIFIERS.contains(idType) || idType.endsWith(":") || idType.endsWith(" -")) {
                continue; // facts the ids column also carries (gender, dates, sanctions information); in evidence
            }
            String country = null;
            int from = 0;
            if (parts.length >= 3 && ISO2.matcher(parts[0]).matches()) {
                country = parts[0];
                from = 1;
            }
            String value = String.join(", ", java.util.Arrays.copyOfRange(parts, from, parts.length - 1));
            b.identifier(idType, value, country);
        }
        for (String column : new String[] {"call_sign"}) {
            String v = get(record, column);
            if (v != null) {
                b.identifier("Call Sign", v, null);
            }
        }
        String remarks = get(record, "remarks");
        b.remark(remarks);
        String all = (remarks == null ? "" : remarks) + " " + (get(record, "ids") == null ? "" : get(record, "ids"));
        b.secondarySanctionsRisk = all.toLowerCase(Locale.ROOT).contains("secondary sanctions risk");
        return b.build();
    }

    private static String get(CSVRecord record, String column) {
        return record.isMapped(column) ? EntryBuilder.clean(record.get(column)) : null;
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(";")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
