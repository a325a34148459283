package org.exposure.assessor.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.ProblemType;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.security.Roles;
import org.exposure.assessor.support.SpreadsheetSafe;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/batches")
@Tag(name = "Batch jobs", description = "Large batches assessed in the background: submit a file, follow the job, stream the results.")
public class BatchResource {
    public static final String JSONL = "application/x-ndjson";
    public static final String CSV = "text/csv";
    /** Rows read from the database per query while a response streams. */
    private static final int PAGE = 1000;

    private final BatchIntake intake;
    private final BatchStore store;
    private final BatchReports reports;
    private final ObjectMapper lines;

    private final Vertx vertx;

    private final ListCoverage coverage;

    BatchResource(BatchIntake intake, BatchStore store, BatchReports reports, ObjectMapper mapper, Vertx vertx,
                  ListCoverage coverage) {
        this.coverage = coverage;
        this.vertx = vertx;
        this.intake = intake;
        this.store = store;
        this.reports = reports;
        // One result per line: no pretty printing whatever the service's default is.
        this.lines = mapper.copy().disable(SerializationFeature.INDENT_OUTPUT);
    }

    @POST
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a batch job",
            description = "The body is JSON Lines (Content-Type application/x-ndjson; one subject per line, any kind, as for POST /api/v1/assessments) "
                    + "or CSV (text/csv; a header row, then one row per subject with the columns ref,type,name,aliases,country,region,hsCode,destinationCountry; "
                    + "aliases separated by ';'; on a SUPPLIER row hsCode and destinationCountry form one export). The body is stored as it arrives and "
                    + "assessed in the background in chunks; a bad row is rejected on its own and never stops the job.")
    @RequestBody(required = true, content = {@Content(mediaType = JSONL), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "202", description = "Stored and queued; Location names the job.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJobView.class)))
    @APIResponse(responseCode = "400", description = "The body cannot be split into rows (not UTF-8, a CSV header not of the layout, a CSV record that never ends); nothing is stored.")
    @APIResponse(responseCode = "415", description = "Neither JSON Lines nor CSV.")
    public Uni<Response> submit(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @Parameter(description = "jsonl or csv; overrides the Content-Type.") @QueryParam("format") String format,
                                @Context HttpServerRequest request, @Context SecurityContext security) {
        BatchFormat kind = inputFormat(contentType, format);
        String user = security.getUserPrincipal().getName();
        // The body goes to a temporary file through Vert.x's pipe, which pauses the connection while the disk is
        // behind: read through an InputStream instead, a client faster than the database fills the heap with
        // buffered request data (measured: 100 MB of buffers within 15 s of a 1,000,000-row upload).
        request.pause();
        return Uni.createFrom().completionStage(vertx.fileSystem().createTempFile("assessor-batch-", ".body")
                        .compose(path -> vertx.fileSystem().open(path, new OpenOptions().setWrite(true).setTruncateExisting(true))
                                .compose(file -> request.pipeTo(file))
                                .map(done -> path)
                                .onFailure(e -> vertx.fileSystem().delete(path)))
                        .toCompletionStage())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(path -> receive(path, kind, user));
    }

    private Response receive(String bodyFile, BatchFormat kind, String user) {
        java.nio.file.Path path = java.nio.file.Path.of(bodyFile);
        UUID id;
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            id = intake.receive(in, kind, user);
        } catch (BatchIntake.RejectedUpload e) {
            throw new ProblemException(ProblemType.BATCH_BODY, e.getMessage(), e.errors());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(path);
            } catch (IOException e) {
                // a temporary file; the OS cleans the directory
            }
        }
        BatchJobView view = view(reports.status(id).orElseThrow());
        return Response.accepted(view).location(URI.create("/api/v1/batches/" + id)).build();
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A job's state", description = "Rows read, assessed and rejected, counts per risk level, rate and estimated time left.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJobView.class)))
    @APIResponse(responseCode = "404", description = "No job has this id.")
    public BatchJobView status(@PathParam("id") String id, @Context SecurityContext security) {
        return view(find(id, security));
    }

    @DELETE
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a job", description = "No further chunk is started; a chunk under way is discarded. Results already stored stay readable.")
    @APIResponse(responseCode = "200", description = "Cancelled (or already cancelled).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchJobView.class)))
    @APIResponse(responseCode = "403", description = "Neither the job's creator nor an admin.")
    @APIResponse(responseCode = "404", description = "No job has this id.")
    @APIResponse(responseCode = "409", description = "The job is already done or failed.")
    public BatchJobView cancel(@PathParam("id") String id, @Context SecurityContext security) {
        UUID uuid = visible(id, security);
        String user = security.getUserPrincipal().getName();
        Optional<String> creator = store.creator(uuid)
                .orElseThrow(() -> ProblemException.notFound("no batch job with id " + uuid));
        if (!security.isUserInRole(Roles.ADMIN) && !creator.map(user::equals).orElse(false)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "batch job " + uuid + " may be cancelled only by the user who submitted it or by an admin", List.of());
        }
        JobState state = store.cancel(uuid).orElseThrow(() -> ProblemException.notFound("no batch job with id " + uuid));
        if (state != JobState.CANCELLED) {
            throw new ProblemException(ProblemType.BATCH_FINISHED,
                    "batch job " + uuid + " is " + state + " and cannot be cancelled", List.of());
        }
        return view(find(id, security));
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/{id}/results")
    @Produces({JSONL, CSV})
    @Operation(summary = "Stream a job's results in input order",
            description = "One result per input row, assessed or rejected, in line order. For a job still running, the rows of the chunks done so far "
                    + "up to the first chunk not yet done, so that `after` set to the last line received continues exactly where the previous call stopped. "
                    + "JSON Lines by default; CSV (line,ref,status,riskLevel,firedRules,assessmentId,errors) with Accept: text/csv or format=csv. "
                    + "The X-Batch-State header gives the job's state when the response started.")
    @APIResponse(responseCode = "200", description = "The results.", content = {@Content(mediaType = JSONL), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "404", description = "No job has this id.")
    @APIResponse(responseCode = "410", description = "The retention cleanup removed the job's results.")
    public Response results(@PathParam("id") String id,
                            @Parameter(description = "Only rows after this input line (default 0).") @QueryParam("after") String after,
                            @Parameter(description = "jsonl or csv; overrides Accept.") @QueryParam("format") String format,
                            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) {
        return stream(find(id, security), after, format, accept, false);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    @Path("/{id}/errors")
    @Produces({JSONL, CSV})
    @Operation(summary = "A job's rejected rows", description = "Every rejected row of the chunks done so far, with its input line and what is wrong, in line order.")
    @APIResponse(responseCode = "200", description = "The rejected rows.", content = {@Content(mediaType = JSONL), @Content(mediaType = CSV)})
    @APIResponse(responseCode = "404", description = "No job has this id.")
    @APIResponse(responseCode = "410", description = "The retention cleanup removed the job's results.")
    public Response errors(@PathParam("id") String id,
                           @Parameter(description = "Only rows after this input line (default 0).") @QueryParam("after") String after,
                           @Parameter(description = "jsonl or csv; overrides Accept.") @QueryParam("format") String format,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context SecurityContext security) {
        return stream(find(id, security), after, format, accept, true);
    }

    private Response stream(JobStatus job, String afterParam, String format, String accept, boolean rejectedOnly) {
        if (job.purgedAt() != null) {
            // Said plainly rather than answered with an empty stream, which would read as "no rows".
            throw new ProblemException(ProblemType.BATCH_RESULTS_REMOVED, "the per-row results of batch job " + job.id()
                    + " were removed on " + job.purgedAt() + " by the retention cleanup (assessor.retention.batch-jobs); "
                    + "its totals remain, and its assessments are still stored", List.of());
        }
        long after = afterLine(afterParam);
        boolean csv = outputCsv(format, accept);
        // A running job's results are given up to the first chunk not done, so that every row is given once, in order.
        long before = rejectedOnly ? Long.MAX_VALUE : reports.firstPendingLine(job.id()).orElse(Long.MAX_VALUE);
        StreamingOutput out = output -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
            CSVPrinter printer = csv ? new CSVPrinter(w, CSVFormat.RFC4180.builder()
                    .setHeader("line", "ref", "status", "riskLevel", "firedRules", "assessmentId", "errors").get()) : null;
            long from = after;
            while (true) {
                List<ResultRow> page = reports.results(job.id(), from, PAGE, rejectedOnly, before);
                for (ResultRow r : page) {
                    if (printer != null) {
                        // The ref and the error texts come from the client: never a formula in a spreadsheet.
                        printer.printRecord(r.line(), SpreadsheetSafe.text(r.ref()), r.status(), r.riskLevel(),
                                r.firedRules() == null ? null : String.join(";", r.firedRules()), r.assessmentId(),
                                r.errors() == null ? null : SpreadsheetSafe.text(r.errors().stream()
                                        .map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))));
                    } else {
                        w.write(lines.writeValueAsString(line(r)));
                        w.write('\n');
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                from = page.get(page.size() - 1).line();
            }
            if (printer != null) {
                printer.flush();
            }
            w.flush();
        };
        return Response.ok(out, csv ? CSV + ";charset=UTF-8" : JSONL).header("X-Batch-State", job.state().name()).build();
    }

    private static Map<String, Object> line(ResultRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", r.line());
        m.put("ref", r.ref());
        m.put("status", r.status());
        if (r.status() == ResultRow.Status.ASSESSED) {
            m.put("riskLevel", r.riskLevel());
            m.put("firedRules", r.firedRules());
            m.put("assessmentId", r.assessmentId());
            m.put("assessment", "/api/v1/assessments/" + r.assessmentId());
        } else {
            m.put("errors", r.errors());
        }
        return m;
    }

    private JobStatus find(String id, SecurityContext security) {
        UUID uuid = visible(id, security);
        return reports.status(uuid).orElseThrow(() -> ProblemException.notFound("no batch job with id " + uuid));
    }

    /**
     * The job's id, if the caller may see it. A machine client (a batch system, without a person's role) sees only
     * the jobs it submitted; another's job is a 404 like an unknown id, so that ids of other clients' jobs cannot be
     * probed.
     */
    private UUID visible(String id, SecurityContext security) {
        UUID uuid = ProblemException.uuidOrNotFound(id, "batch job");
        if (!security.isUserInRole(Roles.ANALYST)) {
            String user = security.getUserPrincipal().getName();
            if (!store.creator(uuid).flatMap(c -> c).map(user::equals).orElse(false)) {
                throw ProblemException.notFound("no batch job with id " + uuid);
            }
        }
        return uuid;
    }

    BatchJobView view(JobStatus s) {
        Progress p = Progress.of(s, Instant.now());
        Map<String, Long> levels = new LinkedHashMap<>();
        for (RiskLevel level : RiskLevel.values()) {
            levels.put(level.name(), s.riskLevels().getOrDefault(level, 0L));
        }
        String base = "/api/v1/batches/" + s.id();
        return new BatchJobView(s.id().toString(), s.state().name(), s.format().name(), s.rowsRead(), s.assessed(),
                s.rejected(), levels, s.chunks(), s.chunksDone(), p.rowsPerSecond(), p.secondsLeft(), s.failure(),
                s.state().finished() ? null : coverage.blocked().orElse(null), s.workers(),
                s.createdAt(), s.startedAt(), s.finishedAt(), s.purgedAt(),
                Map.of("self", base, "results", base + "/results", "errors", base + "/errors"));
    }

    private static BatchFormat inputFormat(String contentType, String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "jsonl", "ndjson" -> BatchFormat.JSONL;
                case "csv" -> BatchFormat.CSV;
                default -> throw ProblemException.validation(List.of(new FieldError("format", "must be jsonl or csv")));
            };
        }
        String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case JSONL, "application/jsonl", "application/json-lines", "application/jsonlines", "application/x-jsonlines" -> BatchFormat.JSONL;
            case CSV, "application/csv" -> BatchFormat.CSV;
            default -> throw new ProblemException(ProblemType.BATCH_MEDIA_TYPE,
                    "Content-Type " + (type.isEmpty() ? "(none)" : type) + " is neither JSON Lines (" + JSONL + ") nor CSV (" + CSV
                            + "); the CSV columns are " + String.join(",", CsvLayout.COLUMNS),
                    List.of(new FieldError("Content-Type", "must be " + JSONL + " or " + CSV)));
        };
    }

    private static boolean outputCsv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "jsonl", "ndjson" -> false;
                case "csv" -> true;
                default -> throw ProblemException.validation(List.of(new FieldError("format", "must be jsonl or csv")));
            };
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains(CSV) && !accept.toLowerCase(Locale.ROOT).contains(JSONL);
    }

    private static long afterLine(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        try {
            long v = Long.parseLong(after.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.validation(List.of(new FieldError("after", "must be a line number, 0 or more")));
    }
}
