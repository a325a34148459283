package org.exposure.assessor.rules;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The code lists that sit beside the rules in {@code rules/reference/}: the CHPL, the restricted destinations and
 * the transshipment countries. Loaded once per ruleset; immutable and shared by every evaluation.
 */
public final class ReferenceData {
    static final String CHPL = "reference/chpl.csv";
    static final String RESTRICTED = "reference/restricted-destinations.csv";
    static final String TRANSSHIPMENT = "reference/transshipment-countries.csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true).setTrim(true).get();

    private final Map<String, ChplEntry> chpl;
    private final Set<String> restrictedCountries;
    /** folded region name to "Region (CC)" label, per country code. */
    private final Map<String, Map<String, String>> restrictedRegions;
    private final Map<String, String> transshipmentCountries;

    private ReferenceData(Map<String, ChplEntry> chpl, Set<String> restrictedCountries,
                          Map<String, Map<String, String>> restrictedRegions, Map<String, String> transshipmentCountries) {
        this.chpl = Map.copyOf(chpl);
        this.restrictedCountries = Set.copyOf(restrictedCountries);
        this.restrictedRegions = Map.copyOf(restrictedRegions);
        this.transshipmentCountries = Map.copyOf(transshipmentCountries);
    }

    /** Reads the reference files from the ruleset's files (relative path to content). */
    static ReferenceData load(Map<String, String> files) {
        Map<String, ChplEntry> chpl = new LinkedHashMap<>();
        read(files, CHPL, r -> {
            String code = r.get("hs6");
            String tier = r.get("tier").toUpperCase();
            if (!code.matches("\\d{6}") || !tier.matches("[1-4]|3A|3B|4A|4B")) {
                throw new RulesetException(CHPL + ":" + r.getRecordNumber()
                        + " expects a six-digit code and a tier 1, 2, 3A, 3B, 4A or 4B, got " + code + "," + tier);
            }
            chpl.put(code, new ChplEntry(code, tier, r.get("label")));
        });
        Set<String> countries = new HashSet<>();
        Map<String, Map<String, String>> regions = new HashMap<>();
        read(files, RESTRICTED, r -> {
            String country = r.get("country").toUpperCase();
            switch (r.get("kind")) {
                case "country" -> countries.add(country);
                case "region" -> {
                    Map<String, String> names = regions.computeIfAbsent(country, c -> new HashMap<>());
                    String label = r.get("name") + " (" + country + ")";
                    names.put(Names.fold(r.get("name")), label);
                    for (String alias : r.get("names").split("\\|")) {
                        if (!alias.isBlank()) {
                            names.put(Names.fold(alias), label);
                        }
                    }
                }
                default -> throw new RulesetException(RESTRICTED + ":" + r.getRecordNumber()
                        + " kind must be country or region, got " + r.get("kind"));
            }
        });
        Map<String, String> transshipment = new LinkedHashMap<>();
        read(files, TRANSSHIPMENT, r -> transshipment.put(r.get("iso2").toUpperCase(), r.get("name")));
        return new ReferenceData(chpl, countries, regions, transshipment);
    }

    private static void read(Map<String, String> files, String name, Consumer<CSVRecord> row) {
        String content = files.get(name);
        if (content == null) {
            throw new RulesetException("the ruleset lacks its reference file " + name);
        }
        try (Reader reader = new StringReader(content); CSVParser parser = FORMAT.parse(reader)) {
            for (CSVRecord record : parser) {
                row.accept(record);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new RulesetException(name + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Optional<ChplEntry> chpl(String hsCode) {
        return Optional.ofNullable(chpl.get(hsCode));
    }

    public List<ChplEntry> chplEntries() {
        return List.copyOf(chpl.values());
    }

    public boolean isRestrictedCountry(String iso2) {
        return iso2 != null && restrictedCountries.contains(iso2);
    }

    /** The label of the restricted region a free-text region names, looked up under its country (UA when none is given). */
    public Optional<String> restrictedRegion(String country, String region) {
        if (region == null || region.isBlank()) {
            return Optional.empty();
        }
        String folded = Names.fold(region);
        if (country != null) {
            return Optional.ofNullable(restrictedRegions.getOrDefault(country, Map.of()).get(folded));
        }
        return restrictedRegions.values().stream().map(m -> m.get(folded)).filter(l -> l != null).findFirst();
    }

    public boolean isTransshipmentCountry(String iso2) {
        return iso2 != null && transshipmentCountries.containsKey(iso2);
    }
}
