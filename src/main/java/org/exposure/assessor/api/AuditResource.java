package org.exposure.assessor.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.audit.AuditChain;
import org.exposure.assessor.audit.AuditEvent;
import org.exposure.assessor.audit.AuditHash;
import org.exposure.assessor.audit.AuditLog;
import org.exposure.assessor.audit.ChainVerifier;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.security.Roles;
import org.exposure.assessor.support.SpreadsheetSafe;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * The audit trail for those who must check it: every event, streamed in seq order as JSON Lines or CSV, and the
 * chain recomputed from its first event. There is no endpoint that changes or removes an event.
 */
@Path("/api/v1/audit")
@Tag(name = "Audit", description = "The append-only, hash-chained record of who did what: export and verification.")
@RolesAllowed({Roles.ADMIN, Roles.REVIEWER})
public class AuditResource {
    public static final String JSONL = "application/x-ndjson";
    public static final String CSV = "text/csv";
    static final String[] COLUMNS = {"seq", "time", "actor", "action", "targetType", "targetId", "before", "after",
            "prevHash", "hash"};

    private final AuditLog log;
    private final ObjectMapper mapper;

    AuditResource(AuditLog log, ObjectMapper mapper) {
        this.log = log;
        this.mapper = mapper;
    }

    @GET
    @Produces({JSONL, CSV})
    @Operation(summary = "Export the audit trail",
            description = "Every event in seq order, streamed: JSON Lines by default (before and after as JSON values, exactly the stored canonical text), "
                    + "CSV (" + "seq,time,actor,action,targetType,targetId,before,after,prevHash,hash; before and after as their JSON text, empty when there is none) "
                    + "with Accept: text/csv or format=csv. from and to take an ISO-8601 instant (2026-12-02T07:00:00Z) or a date (UTC): from is inclusive, "
                    + "to is exclusive for an instant and takes the whole day for a date. afterSeq continues an export after the last seq received. "
                    + "docs/audit.md says how to recompute each hash.")
    @APIResponse(responseCode = "200", description = "The events.", content = {@Content(mediaType = JSONL), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "400", description = "A parameter is not valid; the problem names it.")
    public Response export(
            @Parameter(description = "Events recorded at or after this instant or date (UTC).") @QueryParam("from") String from,
            @Parameter(description = "Events recorded before this instant, or up to the end of this date (UTC).") @QueryParam("to") String to,
            @Parameter(description = "Only events with a greater seq (default 0).") @QueryParam("afterSeq") String afterSeq,
            @Parameter(description = "jsonl or csv; overrides Accept.") @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromAt = instant("from", from, false, errors);
        Instant toAt = instant("to", to, true, errors);
        long after = afterSeq(afterSeq, errors);
        Boolean csv = csv(format, accept, errors);
        if (fromAt != null && toAt != null && !toAt.isAfter(fromAt)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        AuditChain.Range range = new AuditChain.Range(fromAt, toAt, after);
        StreamingOutput out = csv ? output -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(COLUMNS).get());
            // Actors and target ids can be names people chose: never a formula in a spreadsheet. The states are JSON
            // objects (they begin with a brace) and stay exactly the hashed text.
            log.forEach(range, e -> printer.printRecord(e.seq(), AuditHash.time(e.recordedAt()),
                    SpreadsheetSafe.text(e.actor()), e.action(), e.targetType(), SpreadsheetSafe.text(e.targetId()),
                    e.beforeJson(), e.afterJson(), e.prevHash(), e.hash()));
            printer.flush();
        } : output -> {
            JsonGenerator g = mapper.getFactory().createGenerator(output, JsonEncoding.UTF8);
            // One object per line: no pretty printing whatever the application's settings.
            g.setPrettyPrinter(null);
            log.forEach(range, e -> {
                line(g, e);
                g.writeRaw('\n');
            });
            g.flush();
        };
        return Response.ok(out, csv ? CSV + ";charset=UTF-8" : JSONL).build();
    }

    // The before and after states go out as the stored text itself, so that what is hashed is what is exported.
    private static void line(JsonGenerator g, AuditEvent e) throws java.io.IOException {
        g.writeStartObject();
        g.writeNumberField("seq", e.seq());
        g.writeStringField("time", AuditHash.time(e.recordedAt()));
        g.writeStringField("actor", e.actor());
        g.writeStringField("action", e.action());
        g.writeObjectFieldStart("target");
        g.writeStringField("type", e.targetType());
        g.writeStringField("id", e.targetId());
        g.writeEndObject();
        g.writeFieldName("before");
        raw(g, e.beforeJson());
        g.writeFieldName("after");
        raw(g, e.afterJson());
        g.writeStringField("prevHash", e.prevHash());
        g.writeStringField("hash", e.hash());
        g.writeEndObject();
    }

    private static void raw(JsonGenerator g, String json) throws java.io.IOException {
        if (json == null) {
            g.writeNull();
        } else {
            g.writeRawValue(json);
        }
    }

    @GET
    @Path("/verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify the audit trail",
            description = "Recomputes every event's hash from its content and the previous event's hash, from the first event on, and checks that seq "
                    + "has no gap and that the head row names the last event. firstBroken is the first event where the chain breaks, with the reason: "
                    + "\"hash does not match content\", \"prev_hash does not match the previous event's hash\", \"sequence gap\" (seq is the first missing one) "
                    + "or \"the head row does not match the last event\". What this cannot detect is in docs/audit.md.")
    @APIResponse(responseCode = "200", description = "The outcome, valid or not.")
    public ChainVerifier.Result verify() {
        return log.verify();
    }

    /** An instant, or a date at the start (from) or the end (to) of its day in UTC; null when not given. */
    private static Instant instant(String name, String value, boolean end, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be an ISO-8601 instant with its offset (2026-12-02T07:00:00Z) or a "
                    + "date (2026-12-02)"));
            return null;
        }
    }

    private static long afterSeq(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(value.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError("afterSeq", "must be a seq, 0 or more"));
        return 0;
    }

    private static Boolean csv(String format, String accept, List<FieldError> errors) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "jsonl", "ndjson" -> false;
                case "csv" -> true;
                default -> {
                    errors.add(new FieldError("format", "must be jsonl or csv"));
                    yield false;
                }
            };
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV)
                && !accept.toLowerCase(Locale.ROOT).contains(JSONL);
    }
}
