package org.exposure.assessor.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exposure.assessor.api.ListsResource;
import org.exposure.assessor.api.dto.ListChangesView;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.lists.ListChanges;
import org.exposure.assessor.lists.ListSource;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.DownloadAttempt;
import org.exposure.assessor.lists.download.DownloadHistory;
import org.exposure.assessor.lists.download.ListDownloads;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.screening.ListCoverage;
import org.exposure.assessor.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The sanctions lists: for each source the version in force, the versions held for confirmation and the last
 * download; for an administrator, the upload, download and confirmation of each source. Downloads and
 * confirmations are the API's own methods called from the page's forms; a file is sent from the browser straight
 * to the API's upload ({@code POST /api/v1/lists/{source}}, multipart with the source's parts), which reads it as
 * it arrives.
 */
@Path("/lists")
@Produces(MediaType.TEXT_HTML)
public class ListsPage {
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";

    private final Pages pages;
    private final ListSources sources;
    private final ListStore store;
    private final ListCoverage coverage;
    private final ListDownloads downloads;
    private final DownloadHistory history;
    private final ListsResource api;
    private final ListChanges changes;

    ListsPage(Pages pages, ListSources sources, ListStore store, ListCoverage coverage, ListDownloads downloads,
              DownloadHistory history, ListsResource api, ListChanges changes) {
        this.pages = pages;
        this.changes = changes;
        this.sources = sources;
        this.store = store;
        this.coverage = coverage;
        this.downloads = downloads;
        this.history = history;
        this.api = api;
    }

    /**
     * A version of a list, as shown.
     *
     * @param changes what it changed against the version it replaced (held: would replace), in words
     */
    public record VersionRow(String id, String published, String age, boolean stale, String entries,
                             int skipped, String importedAt, String heldReason, String confirmed, String changes) {
    }

    /** One changed field of an entry, its values in words. */
    public record FieldRow(String field, String before, String after) {
    }

    /** One entry added, removed or changed. */
    public record ChangeRow(String kind, String entryId, String list, String name, String previousName,
                            List<FieldRow> fields) {
    }

    /**
     * A page of a version's changes.
     *
     * @param note     why there is no change set (a source's first version), else null
     * @param previous the link to the previous page, or null; next likewise
     */
    public record Changes(String source, String versionId, String status, String previousVersionId, String note,
                         String inForceAt, int added, int removed, int changed, String kind, int size,
                         List<ChangeRow> rows, long total, long first, long last, int number, String previous,
                         String next, String touched) {
    }

    /** What the service did about the stored subjects the change touches, in words; null when nothing applies. */
    static String touched(ListChangesView.Monitoring m) {
        if (m == null || m.state().equals("NONE")) {
            return null;
        }
        return switch (m.state()) {
            case "PENDING" -> "Not looked at yet: the stored subjects it touches are being found.";
            case "NONE_TOUCHED" -> String.format("%s stored parties compared in %s: none came close to what changed.",
                    PageText.count(m.partiesCompared()), millis(m.scanMillis()));
            default -> String.format("%s stored parties compared in %s: %s %s touched, assessed again by batch job %s.",
                    PageText.count(m.partiesCompared()), millis(m.scanMillis()),
                    PageText.count(m.subjectsTouched()), m.subjectsTouched() == 1 ? "subject" : "subjects", m.job());
        };
    }

    /** "840 ms", "5.3 s": a scan takes well under a minute. */
    private static String millis(Long ms) {
        if (ms == null) {
            return "—";
        }
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** A file of a source, as its upload form asks for it. */
    public record PartRow(String name, boolean required, String label, String description) {
    }

    /** The last download of a source. */
    public record DownloadRow(String at, String actor, boolean ok, String message) {
    }

    /** A source with everything the page says of it. */
    public record SourceRow(String id, boolean screened, VersionRow inForce, List<VersionRow> held, DownloadRow lastDownload,
                            boolean downloadable, String downloadHint, List<PartRow> parts, String alert, String notice) {
    }

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance lists(Page page, List<SourceRow> sources, String maxAge, boolean downloadsOff,
                                             boolean anyHeld, String notice, String alert);

        static native TemplateInstance listChanges(Page page, Changes changes, Map<String, String> errors,
                                                   List<String> kinds, List<Integer> sizes);
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    public TemplateInstance lists(@QueryParam("downloaded") String downloaded, @QueryParam("confirmed") String confirmed) {
        String notice = null;
        if (confirmed != null && sources.find(confirmed).isPresent()) {
            notice = "The held version of " + confirmed + " is confirmed and in force.";
        }
        Map<String, DownloadAttempt> last = history.last();
        // Said in the source's own panel, where the page opens after "Download now", beside the button pressed.
        String downloadNotice = downloaded != null && last.containsKey(downloaded)
                ? "Downloaded " + downloaded + ": " + last.get(downloaded).message() + "." : null;
        return render(last, notice, downloaded, downloadNotice, null);
    }

    @POST
    @Path("/{source}/download")
    @RolesAllowed(Roles.ADMIN)
    public Response download(@PathParam("source") String source, @FormParam(Pages.CSRF_FIELD) String token) {
        pages.checkForm(token);
        known(source);
        try {
            api.download(source);
        } catch (ProblemException e) {
            // The version in force stays; the reason is shown with the source, and the last download says it failed.
            return page(render(history.last(), null, source, null, "The download failed: " + e.getMessage() + "."));
        }
        return Response.seeOther(URI.create("/lists?downloaded=" + WebPaths.encode(source) + "#admin-" + source)).build();
    }

    @POST
    @Path("/{source}/versions/{id}/confirm")
    @RolesAllowed(Roles.ADMIN)
    public Response confirm(@PathParam("source") String source, @PathParam("id") String id,
                            @FormParam(Pages.CSRF_FIELD) String token) {
        pages.checkForm(token);
        known(source);
        try {
            api.confirm(source, id);
        } catch (ProblemException e) {
            return page(render(history.last(), null, source, null, "Not confirmed: " + e.getMessage() + "."));
        }
        return Response.seeOther(URI.create("/lists?confirmed=" + WebPaths.encode(source))).build();
    }

    /** The changes a version made (held: would make) against the version in force it replaced, a page at a time. */
    @GET
    @Path("/{source}/versions/{id}/changes")
    @RolesAllowed(Roles.ANALYST)
    public Response changes(@PathParam("source") String source, @PathParam("id") String id,
                            @QueryParam("kind") String kind, @QueryParam("page") String pageParam,
                            @QueryParam("size") String sizeParam) {
        known(source);
        Map<String, String> errors = new LinkedHashMap<>();
        int size = Paging.size(sizeParam, errors);
        int page = Paging.page(pageParam, errors);
        String only = kind == null || kind.isBlank() ? null : kind.strip();
        if (only != null && !KINDS.contains(only)) {
            errors.put("kind", "Choose one of " + String.join(", ", KINDS) + ".");
            only = null;
        }
        ListChangesView view;
        try {
            // With the parameters in error, the first page of all changes, beside the errors.
            view = errors.isEmpty() ? api.changes(source, id, only, Integer.toString(page), Integer.toString(size))
                    : api.changes(source, id, null, "0", Integer.toString(size));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw WebError.notFound("Version " + id + " of " + source);
            }
            throw e;
        }
        if (!errors.isEmpty()) {
            page = 0;
        }
        List<ChangeRow> rows = view.items().stream().map(ListsPage::changeRow).toList();
        String base = "/lists/" + WebPaths.encode(source) + "/versions/" + WebPaths.encode(id) + "/changes?size=" + size
                + (view.kind() == null ? "" : "&kind=" + view.kind()) + "&page=";
        boolean more = (long) (page + 1) * size < view.totalItems();
        ListChangesView.Counts counts = view.counts();
        Changes c = new Changes(source, id, view.versionStatus(),
                view.previousVersionId() == null ? null : view.previousVersionId().toString(), view.note(),
                view.inForceAt() == null ? null : PageText.time(view.inForceAt()),
                counts == null ? 0 : counts.added(), counts == null ? 0 : counts.removed(),
                counts == null ? 0 : counts.changed(), view.kind(), size, rows, view.totalItems(),
                Paging.first(page, size, view.totalItems()), Paging.last(page, size, view.totalItems()),
                Paging.number(page), page > 0 ? base + (page - 1) : null, more ? base + (page + 1) : null,
                touched(view.monitoring()));
        TemplateInstance t = Templates.listChanges(pages.page("Changes of " + source, "lists"), c, errors, KINDS,
                Paging.SIZES);
        return Response.status(errors.isEmpty() ? 200 : 400).type(HTML).entity(t.render()).build();
    }

    private static final List<String> KINDS = List.of("ADDED", "CHANGED", "REMOVED");

    private static ChangeRow changeRow(ListChangesView.ChangeView c) {
        List<FieldRow> fields = new ArrayList<>();
        for (String f : c.fields()) {
            fields.add(new FieldRow(f, words(c.before() == null ? null : c.before().get(f)),
                    words(c.after() == null ? null : c.after().get(f))));
        }
        return new ChangeRow(c.kind(), c.entryId(), c.list(), c.name(), c.previousName(), fields);
    }

    /** A field's value in words: a list one item a line, an alias with its kind, the record's keys with their values. */
    static String words(JsonNode v) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isBoolean()) {
            return v.booleanValue() ? "yes" : "no";
        }
        if (v.isTextual() || v.isNumber()) {
            return v.asText();
        }
        List<String> lines = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(item -> lines.add(item.isObject() ? item(item) : words(item)));
            return lines.isEmpty() ? "none" : String.join("\n", lines);
        }
        v.fields().forEachRemaining(f -> lines.add(f.getKey() + ": " + words(f.getValue())));
        return String.join("\n", lines);
    }

    /** An alias (name, kind, weak) or an identifier (type, value, country) on one line; else its fields. */
    private static String item(JsonNode o) {
        if (o.has("name") && o.has("kind")) {
            return o.path("name").asText() + " (" + o.path("kind").asText().toLowerCase(java.util.Locale.ROOT)
                    + (o.path("weak").asBoolean() ? ", weak" : "") + ")";
        }
        if (o.has("type") && o.has("value")) {
            return o.path("type").asText() + " " + o.path("value").asText()
                    + (o.path("country").isTextual() ? " (" + o.path("country").asText() + ")" : "");
        }
        List<String> parts = new ArrayList<>();
        o.fields().forEachRemaining(f -> parts.add(f.getKey() + " " + words(f.getValue())));
        return String.join(", ", parts);
    }

    private String changesInWords(ListVersionEntity v) {
        return changes.forVersion(v.id).map(s -> s.total() == 0 ? "no change"
                : PageText.count(s.total()) + (s.total() == 1 ? " change" : " changes")).orElse(null);
    }

    private void known(String source) {
        if (sources.find(source).isEmpty()) {
            throw WebError.notFound("List source " + source);
        }
    }

    private static Response page(TemplateInstance page) {
        return Response.ok(page.render()).type(HTML).build();
    }

    /**
     * The page, with a notice at its top, and a notice or an alert in the panel of the source {@code about} (what
     * came of the action taken there); an alert is also at the top, where the page opens after a refused form.
     */
    private TemplateInstance render(Map<String, DownloadAttempt> last, String notice, String about, String sourceNotice,
                                    String sourceAlert) {
        Page page = pages.page("Lists", "lists");
        Instant now = Instant.now();
        Map<String, ListVersionEntity> inForce = new LinkedHashMap<>();
        store.inForce().forEach(v -> inForce.put(v.source, v));
        Map<String, List<VersionRow>> held = new LinkedHashMap<>();
        store.held().forEach(v -> held.computeIfAbsent(v.source, s -> new ArrayList<>()).add(row(v, now)));
        // The sources screened against first, as configured; then the other sources this service can read.
        List<String> order = new ArrayList<>(coverage.expected());
        sources.sources().stream().filter(s -> !order.contains(s)).forEach(order::add);
        List<SourceRow> rows = new ArrayList<>();
        for (String id : order) {
            ListSource source = sources.find(id).orElse(null);
            if (source == null) {
                continue;
            }
            DownloadAttempt a = last.get(id);
            DownloadRow download = a == null ? null : new DownloadRow(PageText.time(a.at()), a.actor(), a.ok(), a.message());
            boolean downloadable = downloads.configured(id);
            String hint = downloads.disabled() ? "Downloads are turned off on this installation."
                    : downloadable ? null : "No download URL is configured for " + id + " (" + ListDownloads.urlKey(id, source.parts().get(0).name()) + ").";
            List<PartRow> parts = source.parts().stream().map(p -> new PartRow(p.name(), p.required(),
                    p.fileName() != null ? p.fileName() : "File", p.description())).toList();
            rows.add(new SourceRow(id, coverage.expected().contains(id), inForce.containsKey(id) ? row(inForce.get(id), now) : null,
                    held.getOrDefault(id, List.of()), download, downloadable, hint, parts,
                    id.equals(about) ? sourceAlert : null, id.equals(about) ? sourceNotice : null));
        }
        return Templates.lists(page, rows, coverage.maxAge().toDays() + " days", downloads.disabled(), !held.isEmpty(), notice,
                sourceAlert == null ? null : about + ": " + sourceAlert);
    }

    private VersionRow row(ListVersionEntity v, Instant now) {
        long days = ListCoverage.age(v, now).toDays();
        // Age as the staleness check measures it: from the publisher's date, else (a file without one) from the import.
        String age = days + (days == 1 ? " day" : " days") + (v.publishedAt == null ? " since import" : "");
        boolean stale = v.inForce && coverage.stale(v, now);
        return new VersionRow(v.id.toString(), PageText.day(v.publishedAt), age, stale, PageText.count(v.entryCount), v.skippedRows,
                PageText.time(v.importedAt), v.heldReason,
                v.confirmedBy == null ? null : v.confirmedBy + ", " + PageText.time(v.confirmedAt), changesInWords(v));
    }
}
