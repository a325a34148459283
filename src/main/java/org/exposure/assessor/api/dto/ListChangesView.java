package org.exposure.assessor.api.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

@Schema(name = "ListChanges", description = "What a list version changes against the version in force it replaced "
        + "(or would replace, while held): the entries added, removed and changed, a page at a time.")
public record ListChangesView(
        @Schema(description = "List source id.", examples = "OFAC-SDN") String source,
        @Schema(description = "The version asked about.") UUID versionId,
        @Schema(description = "Its status: IN_FORCE, HELD or REPLACED.", examples = "IN_FORCE") String versionStatus,
        @Schema(description = "The version it replaced (would replace, while held); null when there is none.")
        UUID previousVersionId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Why there are no changes to show, when there is no change set: the first version of a source, or one imported before change sets were recorded.")
        String note,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The change set's id.") UUID changeSetId,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "When the change set was computed.") Instant computedAt,
        @Schema(description = "When the change took effect (the version went into force in place of the previous one); null while the version is held.")
        Instant inForceAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Entries added, removed and changed; null when there is no change set.") Counts counts,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "The kind asked for (kind=), if any.", examples = "CHANGED") String kind,
        @Schema(description = "Page number, from 0.") int page,
        @Schema(description = "Page size asked for.") int size,
        @Schema(description = "Changes of the kind asked for (all kinds by default), in all pages.") long totalItems,
        @Schema(description = "Number of pages.") int totalPages,
        @Schema(description = "The changes of this page: added entries, then changed, then removed, each by entry id.")
        List<ChangeView> items,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "What the service did about the stored subjects this change touches (docs/monitoring.md); null when there is no change set.")
        Monitoring monitoring) {

    @Schema(name = "ListChangeMonitoring")
    public record Monitoring(
            @Schema(description = "PENDING (to be acted on: the change is in force and changed something), JOB (the touched subjects are being or were assessed again by job), NONE_TOUCHED (no stored subject was close to what changed), NONE (nothing to act on: no change, or the version is held).", examples = "JOB")
            String state,
            @Schema(description = "The batch job assessing the touched subjects again (GET /api/v1/batches/{id}); null when there is none.")
            UUID job,
            @Schema(description = "Stored parties compared with the added and changed entries.") Long partiesCompared,
            @Schema(description = "Stored subjects touched (their latest assessments), assessed again by the job.") Integer subjectsTouched,
            @Schema(description = "How long finding them took, in milliseconds.") Long scanMillis,
            @Schema(description = "When it was done.") Instant actedAt) {
    }

    @Schema(name = "ListChangeCounts")
    public record Counts(int added, int removed, int changed) {
    }

    @Schema(name = "ListChange", description = "One entry added, removed or changed.")
    public record ChangeView(
            @Schema(description = "ADDED, REMOVED or CHANGED.", examples = "CHANGED") String kind,
            @Schema(description = "The entry's id in its source (OFAC ent_num, CSL _id, UN DATAID, ...).", examples = "540")
            String entryId,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The list within the source (CSL sublist, EU programme, UK regime), if any.") String list,
            @Schema(description = "The entry's name after the change; for a removed entry, before it.") String name,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The name before the change, when it changed.") String previousName,
            @JsonInclude(JsonInclude.Include.NON_EMPTY)
            @Schema(description = "The fields that changed: name, aliases, type, programs, remarks, secondarySanctionsRisk, identifiers, countries, addresses, list, datasets, record (other fields of the original record).")
            List<String> fields,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The changed fields' values before the change, by field; for record only its keys that changed (null where absent). Texts with whitespace collapsed, lists sorted.")
            JsonNode before,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "The same after the change.") JsonNode after) {
    }
}
