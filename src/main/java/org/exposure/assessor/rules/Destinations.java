package org.exposure.assessor.rules;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The restricted destinations of {@code rules/reference/restricted-destinations.csv}, looked up from free text. */
final class Destinations {
    private final Map<String, Restriction> countries;
    /** Per country code: the restricted areas, then the partly occupied oblasts. */
    private final Map<String, PlaceIndex<Restriction>> regions;
    private final Map<String, PlaceIndex<Restriction>> oblasts;

    private Destinations(Map<String, Restriction> countries, Map<String, PlaceIndex<Restriction>> regions,
                         Map<String, PlaceIndex<Restriction>> oblasts) {
        this.countries = Map.copyOf(countries);
        this.regions = Map.copyOf(regions);
        this.oblasts = Map.copyOf(oblasts);
    }

    /** Reads the file's rows through {@code read}; country names go into {@code countryNames}. */
    static Destinations load(ReferenceData.Rows read, Map<String, String> countryNames) {
        Map<String, Restriction> countries = new LinkedHashMap<>();
        Map<String, PlaceIndex<Restriction>> regions = new HashMap<>();
        Map<String, PlaceIndex<Restriction>> oblasts = new HashMap<>();
        read.each(ReferenceData.RESTRICTED, (r, at) -> {
            String country = r.get("country").toUpperCase();
            String basis = r.get("legal_basis");
            if (basis == null || basis.isBlank()) {
                // Every restriction is cited in the explanation: a row without its law cannot be explained.
                throw new RulesetException(at + " has no legal_basis");
            }
            String kind = r.get("kind");
            if (kind.equals("country")) {
                countryNames.put(country, r.get("name"));
                countries.put(country, new Restriction(Restriction.Scope.COUNTRY, r.get("name") + " (" + country + ")", basis));
                return;
            }
            Map<String, PlaceIndex<Restriction>> into = switch (kind) {
                case "region" -> regions;
                case "oblast" -> oblasts;
                default -> throw new RulesetException(at + " kind must be country, region or oblast, got " + kind);
            };
            Restriction place = new Restriction(kind.equals("region") ? Restriction.Scope.REGION : Restriction.Scope.OBLAST,
                    r.get("name") + " (" + country + ")", basis);
            PlaceIndex<Restriction> index = into.computeIfAbsent(country, c -> new PlaceIndex<>());
            index.add(r.get("name"), place);
            for (String alias : r.get("names").split("\\|")) {
                index.add(alias, place);
            }
        });
        return new Destinations(countries, regions, oblasts);
    }

    Optional<Restriction> country(String iso2) {
        return iso2 == null ? Optional.empty() : Optional.ofNullable(countries.get(iso2));
    }

    /**
     * The restricted area or oblast a free-text region names, under its country; with no country, under any
     * (a region given without one is taken at its word). Areas win over oblasts.
     */
    Optional<Restriction> region(String country, String region) {
        if (region == null || region.isBlank()) {
            return Optional.empty();
        }
        Optional<Restriction> area = find(regions, country, region);
        return area.isPresent() ? area : find(oblasts, country, region);
    }

    private static Optional<Restriction> find(Map<String, PlaceIndex<Restriction>> byCountry, String country, String text) {
        if (country != null) {
            PlaceIndex<Restriction> index = byCountry.get(country);
            return index == null ? Optional.empty() : index.find(text);
        }
        return byCountry.values().stream().map(i -> i.find(text)).flatMap(Optional::stream).findFirst();
    }
}
