package org.exposure.assessor.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the fuzzer sends to each target, generated from valid seeds: the subjects in src/test/resources/fuzz/seeds
 * for POST /api/v1/assessments and the batch rows, the list fixtures of src/test/resources/lists (cut small) for
 * the list uploads. Every input is a function of the {@link Mutator}'s random state only.
 */
final class Inputs {
    static final String ASSESSMENTS = "/api/v1/assessments";
    static final String BATCHES = "/api/v1/batches";
    static final String LISTS = "/api/v1/lists/";
    static final Path SEEDS = Path.of("src", "test", "resources", "fuzz", "seeds");
    static final Path FIXTURES = Path.of("src", "test", "resources", "lists");
    /** Larger bodies are made again: the limits on big bodies are tested elsewhere, and the run must stay quick. */
    static final int MAX_BODY = 3 * 1024 * 1024;

    private final List<String> seeds;
    private final Map<String, byte[]> lists = new LinkedHashMap<>();

    Inputs() {
        try (Stream<Path> files = Files.list(SEEDS)) {
            seeds = files.filter(p -> p.toString().endsWith(".json")).sorted().map(Inputs::text).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Small cuts of the fixtures: a handful of whole records each, so that an import takes milliseconds. Every
        // cut is smaller than the fixture in force, so an accepted upload is held for confirmation (it drops more
        // than 10 % of the entries) and the fixtures stay in force for the other targets.
        lists.put("OFAC-SDN", firstLines(FIXTURES.resolve("OFAC-SDN/sdn.csv"), 12, StandardCharsets.ISO_8859_1));
        lists.put("US-CSL", firstLines(FIXTURES.resolve("US-CSL/consolidated.csv"), 10, StandardCharsets.UTF_8));
        lists.put("UN", keepFirst(keepFirst(text(FIXTURES.resolve("UN/consolidated.xml")), "INDIVIDUAL", 4), "ENTITY", 3)
                .getBytes(StandardCharsets.UTF_8));
        lists.put("EU-FSF", keepFirst(text(FIXTURES.resolve("EU-FSF/fsf_2026-08-05.xml")), "sanctionEntity", 2)
                .getBytes(StandardCharsets.UTF_8));
        lists.put("UK-SL", bytes(FIXTURES.resolve("UK-SL/UK-Sanctions-List.xml")));
    }

    List<String> seeds() {
        return seeds;
    }

    Map<String, byte[]> lists() {
        return lists;
    }

    // ---- POST /api/v1/assessments ---------------------------------------------------------------------------------

    FuzzInput assessment(Mutator m) {
        Object tree = Json.parse(m.pick(seeds));
        tree = m.mutateTree(tree, 1 + m.below(3));
        byte[] body = Json.write(tree).getBytes(StandardCharsets.UTF_8);
        // What the tree must be refused for holds only while the bytes say what the tree says.
        List<String> mustRefuse = Refusals.of(tree);
        if (m.chance(0.3)) {
            body = m.mutateBytes(body);
            mustRefuse = List.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        boolean chunked = false;
        if (m.chance(0.25)) {
            // None of these makes a refused subject acceptable: a changed encoding or type is read as declared or
            // refused, a gzipped body is either decoded (Content-Encoding) or not JSON.
            switch (m.below(9)) {
                case 0 -> {
                    Charset cs = m.pick(List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                            StandardCharsets.ISO_8859_1, Charset.forName("UTF-32")));
                    body = new String(body, StandardCharsets.UTF_8).getBytes(cs);
                    headers.put("Content-Type", "application/json; charset=" + cs.name());
                    m.note("encoded as " + cs.name() + " and declared");
                }
                case 1 -> {
                    body = new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16BE);
                    m.note("encoded as UTF-16BE, declared as UTF-8");
                }
                case 2 -> {
                    headers.put("Content-Type", m.pick(List.of("application/json; charset=nope", "text/plain",
                            "application/x-www-form-urlencoded", "APPLICATION/JSON", "application/json; charset=\"utf-8\"",
                            "application/json, text/plain", "application/*", "*/*", "application/json;;;",
                            "application/merge-patch+json", "multipart/form-data")));
                    m.note("Content-Type " + headers.get("Content-Type"));
                }
                case 3 -> {
                    headers.remove("Content-Type");
                    m.note("no Content-Type");
                }
                case 4 -> {
                    body = Mutator.gzip(body);
                    headers.put("Content-Encoding", "gzip");
                    m.note("gzipped, Content-Encoding gzip");
                }
                case 5 -> {
                    headers.put("Content-Encoding", m.pick(List.of("gzip", "br", "deflate", "identity, gzip", "x")));
                    m.note("Content-Encoding " + headers.get("Content-Encoding") + " on a plain body");
                }
                case 6 -> {
                    body = Mutator.gzip(body);
                    m.note("gzipped without Content-Encoding");
                }
                default -> {
                    chunked = true;
                    m.note("chunked");
                }
            }
        }
        return new FuzzInput("assessments", ASSESSMENTS, headers, body, chunked || m.chance(0.1), m.how(),
                mustRefuse);
    }

    // ---- POST /api/v1/batches -------------------------------------------------------------------------------------

    FuzzInput batch(Mutator m) {
        return m.chance(0.5) ? ndjson(m) : csv(m);
    }

    private FuzzInput ndjson(Mutator m) {
        int rows = 1 + m.below(m.chance(0.1) ? 300 : 12);
        String eol = m.pick(List.of("\n", "\n", "\r\n", "\r"));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            Object tree = Json.parse(m.pick(seeds));
            if (m.chance(0.3)) {
                tree = m.mutateTree(tree, 1);
            }
            text.append(Json.write(tree)).append(i + 1 < rows || m.chance(0.7) ? eol : "");
            if (m.chance(0.05)) {
                text.append(m.pick(List.of("", "   ", "\t", "#", "[]", "null", "{}", "\"x\"")) + eol);
                m.note("odd line after row " + (i + 1));
            }
        }
        m.note("JSON Lines, " + rows + " rows");
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (m.chance(0.4)) {
            body = m.mutateBytes(body);
        }
        return batchInput(m, body, "application/x-ndjson");
    }

    private FuzzInput csv(Mutator m) {
        List<String> columns = new ArrayList<>(List.of("ref", "type", "name", "aliases", "country", "region", "hsCode",
                "destinationCountry"));
        Collections.shuffle(columns, m.random);
        columns = new ArrayList<>(columns.subList(0, 1 + m.below(columns.size())));
        if (!columns.contains("type") && m.chance(0.9)) {
            columns.add(m.below(columns.size() + 1), "type");
        }
        if (m.chance(0.1)) {
            int i = m.below(columns.size());
            columns.set(i, m.pick(List.of(columns.get(i).toUpperCase(), columns.get(i) + " ", "", "hscode ", "Type",
                    columns.get(i) + "\u200b", "\"" + columns.get(i) + "\"", columns.get(0))));
            m.note("header cell " + i + " changed");
        }
        String sep = m.chance(0.05) ? m.pick(List.of(";", "\t", "|")) : ",";
        String eol = m.pick(List.of("\n", "\r\n", "\r\n", "\r"));
        StringBuilder text = new StringBuilder(m.chance(0.05) ? "\uFEFF" : "");
        text.append(String.join(sep, columns)).append(eol);
        int rows = 1 + m.below(m.chance(0.1) ? 300 : 12);
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            String type = m.pick(List.of("GOODS", "SUPPLIER", "BANK"));
            for (String c : columns) {
                cells.add(switch (c) {
                    case "type" -> type;
                    case "ref" -> "R-" + r;
                    case "name" -> type.equals("GOODS") ? "" : m.pick(List.of("Harbin Precision Bearings",
                            "Yilufa Electronics Ltd.", "Bank of Suifenhe", "VTB Bank"));
                    case "aliases" -> m.pick(List.of("", "HPB", "A;B", ";;"));
                    case "country", "destinationCountry" -> m.pick(List.of("CN", "RU", "KZ", ""));
                    case "region" -> m.pick(List.of("", "Heilongjiang"));
                    case "hsCode" -> type.equals("BANK") ? "" : m.pick(List.of("8542.31", "848210", "610910"));
                    default -> "";
                });
            }
            if (m.chance(0.15)) {
                int i = m.below(cells.size());
                cells.set(i, csvOddCell(m, cells.get(i)));
            }
            if (m.chance(0.05)) {
                cells.add("extra");
                m.note("extra cell on row " + (r + 1));
            }
            if (m.chance(0.05) && cells.size() > 1) {
                cells.remove(cells.size() - 1);
                m.note("cell missing on row " + (r + 1));
            }
            text.append(String.join(sep, cells)).append(r + 1 < rows || m.chance(0.7) ? eol : "");
        }
        m.note("CSV, " + rows + " rows");
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        if (m.chance(0.4)) {
            body = m.mutateBytes(body);
        }
        return batchInput(m, body, "text/csv");
    }

    private static String csvOddCell(Mutator m, String cell) {
        m.note("odd cell");
        return switch (m.below(6)) {
            case 0 -> "\"" + cell;
            case 1 -> "\"" + cell + "\nnext line\"";
            case 2 -> "\"" + cell + "\"\"\"";
            case 3 -> m.oddString(cell);
            case 4 -> cell + "\"x";
            default -> "=HYPERLINK(\"x\")";
        };
    }

    private static FuzzInput batchInput(Mutator m, byte[] body, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", type);
        if (m.chance(0.15)) {
            String other = m.pick(List.of(type + "; charset=UTF-16", type + "; charset=ISO-8859-1", "text/plain",
                    "application/json", "application/octet-stream", "text/csv; header=absent", "application/jsonl",
                    "TEXT/CSV", "multipart/form-data; boundary=x"));
            headers.put("Content-Type", other);
            m.note("Content-Type " + other);
        } else if (m.chance(0.05)) {
            headers.remove("Content-Type");
            m.note("no Content-Type");
        }
        if (m.chance(0.05)) {
            body = Mutator.gzip(body);
            headers.put("Content-Encoding", "gzip");
            m.note("gzipped, Content-Encoding gzip");
        }
        return new FuzzInput("batches", BATCHES, headers, body, m.chance(0.3), m.how());
    }

    // ---- POST /api/v1/lists/{source} ------------------------------------------------------------------------------

    FuzzInput list(Mutator m) {
        List<String> sources = new ArrayList<>(lists.keySet());
        String fileOf = m.pick(sources);
        String source = m.chance(0.9) ? fileOf : m.pick(sources);
        if (!source.equals(fileOf)) {
            m.note("the " + fileOf + " file sent as " + source);
        }
        byte[] body = lists.get(fileOf);
        boolean xml = fileOf.equals("UN") || fileOf.equals("EU-FSF") || fileOf.equals("UK-SL");
        switch (m.below(7)) {
            case 0, 1, 2 -> body = m.mutateBytes(body);
            case 3 -> {
                if (xml) {
                    body = xmlMutation(m, new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                } else {
                    body = m.mutateBytes(body);
                }
            }
            case 4 -> {
                byte[] garbage = new byte[m.size(64 * 1024)];
                m.random.nextBytes(garbage);
                body = Mutator.gzip(garbage);
                m.note("gzip of " + garbage.length + " random bytes");
            }
            case 5 -> {
                body = Mutator.gzip(m.mutateBytes(body));
                m.note("gzipped");
                if (m.chance(0.5)) {
                    body = java.util.Arrays.copyOf(body, m.below(body.length + 1));
                    m.note("gzip truncated");
                }
            }
            default -> {
                body = m.pick(List.of("", "\u001a", "<html><body>502 Bad Gateway</body></html>", "{}", "[]",
                        "<?xml version=\"1.0\"?>", "PK\u0003\u0004", "%PDF-1.4", "\uFEFF"))
                        .getBytes(StandardCharsets.ISO_8859_1);
                m.note("a usual wrong file (" + body.length + " bytes)");
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        String type = m.pick(xml ? List.of("application/xml", "text/xml", "application/octet-stream")
                : List.of("text/csv", "text/csv", "application/octet-stream", "application/gzip"));
        if (m.chance(0.05)) {
            type = m.pick(List.of("application/json", "text/plain; charset=UTF-16", "multipart/form-data",
                    "multipart/form-data; boundary=zz", "application/x-www-form-urlencoded"));
        }
        headers.put("Content-Type", type);
        m.note("Content-Type " + type);
        String path = LISTS + source;
        if (m.chance(0.03)) {
            path = LISTS + m.pick(List.of("ofac-sdn", "NO-SUCH", "OFAC-SDN%00", "..%2FUN", "UN%20", "%E2%80%8BUN"));
            m.note("source in the path " + path);
        }
        return new FuzzInput("lists", path, headers, body, m.chance(0.3), m.how());
    }

    /** XML-specific damage: deep nesting, entity expansion, an external entity, a tag left open. */
    private static String xmlMutation(Mutator m, String xml) {
        int root = xml.indexOf('>', xml.indexOf("<", xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0) + 1) + 1;
        switch (m.below(5)) {
            case 0 -> {
                int depth = m.size(100_000);
                m.note("elements nested " + depth + " deep");
                return xml.substring(0, root) + "<a>".repeat(depth) + "</a>".repeat(depth) + xml.substring(root);
            }
            case 1 -> {
                m.note("entity expansion (billion laughs)");
                String decl = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                        + "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                        + "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">]>";
                return insertProlog(xml, decl, root, "<x>&h;</x>");
            }
            case 2 -> {
                m.note("external entity");
                String decl = "<!DOCTYPE r [<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>";
                return insertProlog(xml, decl, root, "<x>&ext;</x>");
            }
            case 3 -> {
                int at = root + m.below(Math.max(1, xml.length() - root));
                m.note("element left open at " + at);
                return xml.substring(0, at) + "<open>" + xml.substring(at);
            }
            default -> {
                m.note("declared encoding changed");
                return xml.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"" + m.pick(List.of("UTF-16", "EBCDIC-XX",
                        "ISO-8859-1", "")) + "\"");
            }
        }
    }

    private static String insertProlog(String xml, String decl, int root, String use) {
        int rootStart = xml.lastIndexOf('<', root - 1);
        return xml.substring(0, rootStart) + decl + xml.substring(rootStart, root) + use + xml.substring(root);
    }

    // ---- fixtures -------------------------------------------------------------------------------------------------

    private static String text(Path p) {
        return new String(bytes(p), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} lines, line ends kept as they are (the SDN file's CRLF, the CSL's LF). */
    private static byte[] firstLines(Path p, int n, Charset cs) {
        String all = new String(bytes(p), cs);
        int end = 0;
        for (int i = 0; i < n && end >= 0; i++) {
            end = all.indexOf('\n', end) + 1;
            if (end == 0) {
                return all.getBytes(cs);
            }
        }
        return all.substring(0, end).getBytes(cs);
    }

    /** The document with only its first {@code n} {@code <tag>} elements (elements of that name do not nest). */
    static String keepFirst(String xml, String tag, int n) {
        String open = "<" + tag;
        String close = "</" + tag + ">";
        int from = -1;
        int seen = 0;
        for (int i = xml.indexOf(open); i >= 0; i = xml.indexOf(open, i + 1)) {
            char next = xml.charAt(i + open.length());
            if (next != '>' && next != ' ' && next != '\n' && next != '\r' && next != '\t') {
                continue;
            }
            if (++seen == n + 1) {
                from = xml.lastIndexOf('\n', i) + 1;
                break;
            }
        }
        int lastClose = xml.lastIndexOf(close);
        if (from < 0 || lastClose < from) {
            return xml;
        }
        int to = lastClose + close.length();
        return xml.substring(0, from) + xml.substring(to).replaceFirst("^\\r?\\n", "");
    }
}
