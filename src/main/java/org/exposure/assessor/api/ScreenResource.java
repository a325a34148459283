package org.exposure.assessor.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.domain.PartyIdentifier;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.validation.Codes;
import org.exposure.assessor.rules.ListMatch;
import org.exposure.assessor.screening.PartyIdentifiers;
import org.exposure.assessor.screening.ScreeningIndex;
import org.exposure.assessor.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/screen")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screening", description = "Quick look-up of one name against the lists in force; nothing is stored.")
public class ScreenResource {
    private static final Set<String> TYPES = Set.of("INDIVIDUAL", "ENTITY", "VESSEL", "AIRCRAFT", "UNKNOWN");
    private static final int MAX_IDENTIFIERS = 20;
    private final ScreeningIndex index;

    private final org.exposure.assessor.screening.ListCoverage coverage;

    ScreenResource(ScreeningIndex index, org.exposure.assessor.screening.ListCoverage coverage) {
        this.index = index;
        this.coverage = coverage;
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Operation(summary = "Screen one name", description = "Matches at or above the threshold (assessor.lists.match.threshold unless given), best first, each with its list, entry, matched name, score, the score's parts and the list version.")
    public Map<String, Object> screen(
            @Parameter(description = "The name, any script.", required = true) @QueryParam("name") String name,
            @Parameter(description = "INDIVIDUAL, ENTITY, VESSEL, AIRCRAFT or UNKNOWN.") @QueryParam("type") String type,
            @Parameter(description = "ISO 3166-1 alpha-2 country of the party.") @QueryParam("country") String country,
            @Parameter(description = "Score from 0 to 1 at or above which a name matches; the configured threshold when absent.")
            @QueryParam("threshold") String threshold,
            @Parameter(description = "An identifier of the party as KIND:VALUE (e.g. INN:7702070139, BIC:VTBRRUMM), at most "
                    + MAX_IDENTIFIERS + "; list entries holding it match whatever their names, and the name may then be left out.")
            @QueryParam("identifier") List<String> identifier) {
        List<FieldError> errors = new ArrayList<>();
        double t = index.threshold();
        if (threshold != null && !threshold.isBlank()) {
            try {
                t = Double.parseDouble(threshold.strip());
                if (!(t >= 0 && t <= 1)) {
                    errors.add(new FieldError("threshold", "must be a number from 0 to 1"));
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("threshold", "must be a number from 0 to 1"));
            }
        }
        List<PartyIdentifier> ids = identifiers(identifier, errors);
        if ((name == null || name.isBlank()) && (identifier == null || identifier.isEmpty())) {
            errors.add(new FieldError("name", "is required unless an identifier is given"));
        } else if (name != null && name.length() > 500) {
            errors.add(new FieldError("name", "must be at most 500 characters"));
        }
        if (type != null && !type.isBlank() && !TYPES.contains(type.strip().toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("type", "must be one of " + TYPES));
        }
        if (country != null && !country.isBlank() && !Codes.isCountry(country)) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code, e.g. KZ"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Set<String> countries = country == null || country.isBlank() ? Set.of() : Set.of(Codes.country(country));
        ScreeningIndex.Snapshot snapshot = index.snapshot();
        if (snapshot.empty()) {
            // An empty answer would read as "not listed"; without any list it means nothing.
            throw new org.exposure.assessor.screening.ListsUnavailableException(coverage.missing(snapshot));
        }
        String shown = name == null ? "" : name.strip();
        List<ListMatch> matches = index.screen(snapshot, "query", "QUERY", shown,
                type == null || type.isBlank() ? null : type.strip().toUpperCase(Locale.ROOT), countries,
                PartyIdentifiers.forMatching(null, ids), ScreeningIndex.Facts.NONE, t);
        return Map.of("name", shown, "threshold", t,
                "matches", matches.stream().map(m -> m.evidence().get("match")).toList(),
                "missingSources", coverage.missing(snapshot),
                "listVersions", snapshot.versions().stream().map(v -> Map.of("source", v.source, "versionId", v.id.toString())).toList());
    }

    /** The {@code KIND:VALUE} identifiers in canonical form; an error naming {@code identifier[i]} for each that is none. */
    private static List<PartyIdentifier> identifiers(List<String> values, List<FieldError> errors) {
        List<PartyIdentifier> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        if (values.size() > MAX_IDENTIFIERS) {
            errors.add(new FieldError("identifier", "at most " + MAX_IDENTIFIERS + " identifiers"));
            return out;
        }
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            int colon = v.indexOf(':');
            String kind = colon < 0 ? "" : v.substring(0, colon).strip();
            String value = colon < 0 ? "" : v.substring(colon + 1).strip();
            String field = "identifier[" + i + "]";
            if (!PartyIdentifiers.isKind(kind) || value.isEmpty()) {
                errors.add(new FieldError(field, "must be KIND:VALUE with KIND one of " + String.join(", ", PartyIdentifiers.KINDS)));
                continue;
            }
            String problem = PartyIdentifiers.problem(kind, value);
            if (problem != null) {
                errors.add(new FieldError(field, "is no " + kind.toUpperCase(Locale.ROOT) + ": " + problem));
            } else {
                out.add(PartyIdentifiers.canonical(kind, value));
            }
        }
        return out;
    }
}
