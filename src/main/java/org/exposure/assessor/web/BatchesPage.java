package org.exposure.assessor.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exposure.assessor.batch.BatchJobView;
import org.exposure.assessor.batch.BatchReports;
import org.exposure.assessor.batch.BatchReports.ResultOrder;
import org.exposure.assessor.batch.BatchReports.ResultQuery;
import org.exposure.assessor.batch.BatchResource;
import org.exposure.assessor.batch.BatchStore;
import org.exposure.assessor.batch.JobState;
import org.exposure.assessor.batch.ResultRow;
import org.exposure.assessor.domain.RiskLevel;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.security.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Batch jobs: the recent jobs with an upload form, and a job's page with its live progress and its results, paged,
 * sorted and filtered in the database so that a job of 10,000 or a million rows is shown a page at a time.
 * The file itself goes from the browser straight to the API ({@code POST /api/v1/batches}), which stores it as it
 * arrives; a page in between would have to hold or re-send it. A job's state, visibility (a machine client sees
 * only its own jobs) and cancellation are the API's own methods, called here, so that the page and the API cannot
 * disagree.
 */
@Path("/batches")
@Produces(MediaType.TEXT_HTML)
public class BatchesPage {
    static final int JOBS_PER_PAGE = 20;
    static final List<Integer> SIZES = List.of(25, 50, 100, 200);
    static final int DEFAULT_SIZE = 50;

    private final Pages pages;
    private final BatchReports reports;
    private final BatchStore store;
    private final BatchResource api;

    BatchesPage(Pages pages, BatchReports reports, BatchStore store, BatchResource api) {
        this.pages = pages;
        this.reports = reports;
        this.store = store;
        this.api = api;
    }

    /** A job in the list of jobs, as shown. */
    public record JobRow(String id, String state, String format, String rows, String done, String assessed,
                         String rejected, String highOrAbove, String createdBy, String createdAt, boolean finished) {
    }

    /** A link of the pager or of a column header. */
    public record Link(String label, String href) {
    }

    /** A sortable column: its header link and, for the column the table is sorted by, its aria-sort value. */
    public record Column(String label, String href, String ariaSort, boolean numeric) {
    }

    /** A count per risk level, as the job's progress shows it. */
    public record LevelCount(String level, String count) {
    }

    /** A result row, as the results table shows it. */
    public record ResultLine(long line, String ref, String status, String riskLevel, List<String> firedRules,
                             String assessmentId, List<String> errors) {
    }

    /** What the job page shows. */
    public record JobView(BatchJobView job, String createdBy, String createdAt, String startedAt, String finishedAt,
                         boolean finished, boolean canCancel, int percent, String done, String total,
                         String rate, String left, String took, List<LevelCount> levels) {
    }

    /** The results table's state: filter, order, page, and the links that change them. */
    public record Results(List<ResultLine> rows, String total, int page, int pages, String risk, String sort,
                          String dir, int size, List<Integer> sizes, List<String> riskOptions, List<Column> columns,
                          Link previous, Link next, String firstShown, String lastShown) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance batches(Page page, List<JobRow> jobs, boolean mine, boolean machine, int pageNo,
                                               int pages, String total, Link previous, Link next);

        static native TemplateInstance batch(Page page, JobView view, Results results, String notice, String alert);
    }

    @GET
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    public TemplateInstance list(@QueryParam("mine") String mine, @QueryParam("page") String pageParam) {
        Page page = pages.page("Batch jobs", "batches");
        // People see every job (as in the API); a batch system only its own.
        boolean machine = !pages.has(Roles.ANALYST);
        boolean onlyMine = machine || "1".equals(mine);
        int pageNo = positive(pageParam, 1);
        BatchReports.JobPage jobs = reports.jobs(onlyMine ? pages.user() : null, pageNo - 1, JOBS_PER_PAGE);
        List<JobRow> rows = jobs.items().stream().map(j -> new JobRow(j.id().toString(), j.state().name(),
                j.format().name(), PageText.count(j.rowsRead()), PageText.count(j.done()), PageText.count(j.assessed()),
                PageText.count(j.rejected()), PageText.count(j.highOrAbove()), j.createdBy() == null ? "—" : j.createdBy(),
                PageText.time(j.createdAt()), j.state().finished())).toList();
        String base = "/batches?" + (onlyMine && !machine ? "mine=1&" : "") + "page=";
        Link previous = pageNo > 1 ? new Link("Newer jobs", base + (pageNo - 1)) : null;
        Link next = pageNo < jobs.pages() ? new Link("Older jobs", base + (pageNo + 1)) : null;
        return Templates.batches(page, rows, onlyMine, machine, pageNo, jobs.pages(), PageText.count(jobs.total()),
                previous, next);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    public TemplateInstance job(@PathParam("id") String id, @QueryParam("risk") String risk,
                                @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                                @QueryParam("page") String pageParam, @QueryParam("size") String size,
                                @QueryParam("cancelled") String cancelled, @Context SecurityContext security) {
        return render(id, risk, sort, dir, pageParam, size, security,
                cancelled != null ? "The job was cancelled: no further row is assessed; the rows done stay below." : null,
                null);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.ANALYST, Roles.MACHINE})
    public Response cancel(@PathParam("id") String id, @FormParam(Pages.CSRF_FIELD) String token,
                         @Context SecurityContext security) {
        pages.checkForm(token);
        try {
            api.cancel(id, security);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw WebError.notFound("Batch job " + id);
            }
            // Finished meanwhile, or not the user's job: said on the job's page, which shows why.
            return Response.ok(render(id, null, null, null, null, null, security, null,
                    "The job was not cancelled: " + e.getMessage() + ".").render()).type(MediaType.TEXT_HTML + ";charset=UTF-8").build();
        }
        return Response.seeOther(URI.create("/batches/" + id + "?cancelled=1")).build();
    }

    private TemplateInstance render(String id, String risk, String sort, String dir, String pageParam, String sizeParam,
                                    SecurityContext security, String notice, String alert) {
        BatchJobView job;
        try {
            job = api.status(id, security);
        } catch (ProblemException e) {
            throw WebError.notFound("Batch job " + id);
        }
        UUID uuid = UUID.fromString(job.id());
        Optional<String> creator = store.creator(uuid).flatMap(c -> c);
        boolean finished = JobState.valueOf(job.state()).finished();
        boolean canCancel = !finished && (pages.has(Roles.ADMIN) || creator.map(pages.user()::equals).orElse(false));
        long done = job.assessed() + job.rejected();
        int percent = job.rowsRead() == 0 ? (finished ? 100 : 0) : (int) Math.min(100, done * 100 / job.rowsRead());
        List<LevelCount> levels = new ArrayList<>();
        for (Map.Entry<String, Long> e : job.riskLevels().entrySet()) {
            levels.add(new LevelCount(e.getKey(), PageText.count(e.getValue())));
        }
        JobView view = new JobView(job, creator.orElse("—"), PageText.time(job.createdAt()), PageText.time(job.startedAt()),
                PageText.time(job.finishedAt()), finished, canCancel, percent, PageText.count(done),
                PageText.count(job.rowsRead()),
                job.rowsPerSecond() == null ? "—" : String.format(Locale.ROOT, "%,.1f rows/s", job.rowsPerSecond()),
                finished ? "—" : PageText.duration(job.estimatedSecondsLeft()),
                job.startedAt() == null || job.finishedAt() == null ? "—"
                        : PageText.duration(Duration.between(job.startedAt(), job.finishedAt()).toSeconds()),
                levels);
        Page page = pages.page("Batch job " + job.id(), "batches");
        return Templates.batch(page, view, results(uuid, risk, sort, dir, pageParam, sizeParam), notice, alert);
    }

    /** The results table for the query parameters; unknown values fall back to the defaults rather than fail. */
    private Results results(UUID id, String riskParam, String sortParam, String dirParam, String pageParam, String sizeParam) {
        RiskLevel level = null;
        ResultRow.Status status = null;
        String risk = riskParam == null ? "" : riskParam.strip().toUpperCase(Locale.ROOT);
        if (risk.equals("REJECTED")) {
            status = ResultRow.Status.REJECTED;
        } else if (!risk.isEmpty()) {
            try {
                level = RiskLevel.valueOf(risk);
            } catch (IllegalArgumentException e) {
                risk = "";
            }
        }
        ResultOrder order = ResultOrder.LINE;
        String sort = sortParam == null ? "line" : sortParam.strip().toLowerCase(Locale.ROOT);
        try {
            order = ResultOrder.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            sort = "line";
        }
        boolean desc = "desc".equalsIgnoreCase(dirParam);
        int asked = positive(sizeParam, DEFAULT_SIZE);
        int size = SIZES.contains(asked) ? asked : DEFAULT_SIZE;
        int pageNo = positive(pageParam, 1);
        BatchReports.ResultPage found = reports.resultPage(id, new ResultQuery(level, status, order, desc, pageNo - 1, size));
        if (pageNo > found.pages()) {
            // A page past the end (the filter changed, or a hand-written link): the last page instead.
            pageNo = found.pages();
            found = reports.resultPage(id, new ResultQuery(level, status, order, desc, pageNo - 1, size));
        }
        List<ResultLine> rows = found.items().stream().map(r -> new ResultLine(r.line(), r.ref(), r.status().name(),
                r.riskLevel() == null ? null : r.riskLevel().name(), r.firedRules() == null ? List.of() : r.firedRules(),
                r.assessmentId() == null ? null : r.assessmentId().toString(),
                r.errors() == null ? List.of() : r.errors().stream().map(e -> e.field() + ": " + e.message()).toList())).toList();
        String base = "/batches/" + id + "?";
        String filter = risk.isEmpty() ? "" : "risk=" + risk + "&";
        String sized = size == DEFAULT_SIZE ? "" : "size=" + size + "&";
        List<Column> columns = new ArrayList<>();
        for (String[] c : new String[][] {{"line", "Line"}, {"ref", "Ref"}, {"status", "Status"}, {"risk", "Risk"}}) {
            boolean current = c[0].equals(sort);
            // A click on the column sorted by turns its order round; on another column sorts ascending, except risk,
            // which people read highest first.
            String nextDir = current ? (desc ? "asc" : "desc") : c[0].equals("risk") ? "desc" : "asc";
            columns.add(new Column(c[1], base + filter + sized + "sort=" + c[0] + "&dir=" + nextDir,
                    current ? (desc ? "descending" : "ascending") : null, c[0].equals("line")));
        }
        String ordered = filter + sized + "sort=" + sort + "&dir=" + (desc ? "desc" : "asc") + "&page=";
        Link previous = pageNo > 1 ? new Link("Previous page", base + ordered + (pageNo - 1)) : null;
        Link next = pageNo < found.pages() ? new Link("Next page", base + ordered + (pageNo + 1)) : null;
        List<String> riskOptions = new ArrayList<>();
        for (RiskLevel l : RiskLevel.values()) {
            riskOptions.add(l.name());
        }
        long first = Paging.first(pageNo - 1, size, found.total());
        long last = Paging.last(pageNo - 1, size, found.total());
        return new Results(rows, PageText.count(found.total()), pageNo, found.pages(), risk, sort, desc ? "desc" : "asc",
                size, SIZES, riskOptions, columns, previous, next, PageText.count(first), PageText.count(last));
    }

    /** A positive whole number from a query parameter, or the default for anything else. */
    static int positive(String value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        try {
            int v = Integer.parseInt(value.strip());
            return v >= 1 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
