package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The six-digit codes of the HS 2022 nomenclature, read from the UN Comtrade CSV layout
 * ({@code section,hscode,description,parent,level}). Used to warn about codes that do not exist; an unknown code is
 * still evaluated, because a mistyped code may still be a controlled one.
 */
public final class HsNomenclature {
    private final Set<String> codes;
    private final String source;

    private HsNomenclature(Set<String> codes, String source) {
        this.codes = Set.copyOf(codes);
        this.source = source;
    }

    /** The copy that ships inside the ruleset, beside the CHPL. */
    public static final String PACKAGED = "reference/hs-2022-nomenclature.csv";

    public static HsNomenclature read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the HS nomenclature " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the nomenclature from {@code reader}; {@code source} names it in messages. Lines starting '#' are notes. */
    public static HsNomenclature read(Reader reader, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setCommentMarker('#').get();
        Set<String> codes = new HashSet<>();
        try (CSVParser parser = format.parse(reader)) {
            if (!parser.getHeaderMap().containsKey("hscode") || !parser.getHeaderMap().containsKey("level")) {
                throw new IllegalArgumentException(source + " lacks the hscode and level columns");
            }
            for (CSVRecord r : parser) {
                // Chapters 98 and 99 are not HS chapters (reserved for national use); UN Comtrade's 999999
                // "commodities not specified according to kind" is a reporting aggregate, not an HS 2022 code.
                if ("6".equals(r.get("level")) && r.get("hscode").matches("(0[1-9]|[1-8]\\d|9[0-7])\\d{4}")) {
                    codes.add(r.get("hscode"));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read the HS nomenclature " + source + ": " + e.getMessage(), e);
        }
        if (codes.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no six-digit HS code");
        }
        return new HsNomenclature(codes, source);
    }

    public boolean contains(String hs6) {
        return codes.contains(hs6);
    }


    public int size() {
        return codes.size();
    }

    public String source() {
        return source;
    }
}
