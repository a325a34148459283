package org.exposure.assessor.api;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.monitoring.ChangeEvent;
import org.exposure.assessor.monitoring.ChangeFeed;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The changes feed: every verdict of a stored subject that a list change changed, in order. A client keeps the
 * {@code next} cursor of the page it read and passes it back as {@code since}; it then gets exactly the events that
 * follow, none twice and none skipped, whichever instance answers and across restarts (docs/monitoring.md).
 */
@Path("/api/v1/changes")
@Tag(name = "Changes", description = "Verdicts of stored subjects that changed when a list changed.")
// People only: the feed names every stored subject, and a machine client sees only what it submitted. A batch
// system that must follow the changes is given a webhook subscription by an admin.
@RolesAllowed(Roles.ANALYST)
public class ChangesResource {
    static final int DEFAULT_LIMIT = 100;

    private final ChangeFeed feed;
    private final ObjectMapper mapper;

    ChangesResource(ChangeFeed feed, ObjectMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read the changes feed",
            description = "The events after the cursor since (from the start when absent), oldest first, at most limit. Each event: seq, id, "
                    + "type (RISK_RAISED, RISK_LOWERED, LIST_FINDINGS_CHANGED), createdAt, subject (ref, type, name), previous and current "
                    + "(assessmentId, riskLevel, assessedAt, rules, listFindings), listFindingsAdded, listFindingsRemoved, reviewItemId (the "
                    + "review item a rise opened, or the new assessment's item), cause (the list changes). next is the cursor to pass as "
                    + "since for what follows; it equals since when there is nothing new. A cursor is a decimal number, but treat it as "
                    + "opaque.")
    @APIResponse(responseCode = "200", description = "A page of the feed.", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "400", description = "since or limit is not valid; the problem names it.")
    public ObjectNode read(
            @Parameter(description = "The next cursor of the page read before; absent or 0: from the first event.") @QueryParam("since") String since,
            @Parameter(description = "At most this many events (1 to 1000, default 100).") @QueryParam("limit") String limit) {
        List<FieldError> errors = new ArrayList<>();
        long after = cursor(since, errors);
        int max = QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, ChangeFeed.MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<ChangeEvent> events = feed.after(after, max);
        ObjectNode page = mapper.createObjectNode();
        ArrayNode out = page.putArray("events");
        for (ChangeEvent e : events) {
            try {
                out.add(mapper.readTree(e.payloadJson()));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("change event " + e.seq() + " is not stored as JSON", ex);
            }
        }
        long next = events.isEmpty() ? after : events.get(events.size() - 1).seq();
        page.put("next", Long.toString(next));
        page.put("more", !events.isEmpty() && feed.after(next, 1).size() == 1);
        return page;
    }

    private static long cursor(String since, List<FieldError> errors) {
        if (since == null || since.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(since.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        errors.add(new FieldError("since", "must be a cursor returned as next by this endpoint"));
        return 0;
    }
}
