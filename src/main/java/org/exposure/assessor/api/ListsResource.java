package org.exposure.assessor.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.exposure.assessor.api.dto.ListChangesView;
import org.exposure.assessor.api.dto.ListImportView;
import org.exposure.assessor.api.dto.ListImportView.DownloadView;
import org.exposure.assessor.api.dto.ListImportView.DownloadedFileView;
import org.exposure.assessor.api.dto.ListImportView.RowProblemView;
import org.exposure.assessor.api.dto.ListPartsForm;
import org.exposure.assessor.api.dto.ListVersionView;
import org.exposure.assessor.audit.Actors;
import org.exposure.assessor.config.AssessorConfig;
import org.exposure.assessor.intake.FieldError;
import org.exposure.assessor.intake.ProblemException;
import org.exposure.assessor.intake.ProblemType;
import org.exposure.assessor.lists.ImportException;
import org.exposure.assessor.lists.ImportResult;
import org.exposure.assessor.lists.ListChanges;
import org.exposure.assessor.lists.ListSource;
import org.exposure.assessor.lists.ListSources;
import org.exposure.assessor.lists.ListStore;
import org.exposure.assessor.lists.download.DownloadException;
import org.exposure.assessor.lists.download.ListDownloads;
import org.exposure.assessor.persistence.ListEntryEntity;
import org.exposure.assessor.persistence.ListVersionEntity;
import org.exposure.assessor.security.Roles;
import org.jboss.resteasy.reactive.server.multipart.FormValue;
import org.jboss.resteasy.reactive.server.multipart.MultipartFormDataInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lists", description = "Sanctions lists: upload a new version, see the versions in force, read an entry.")
public class ListsResource {
    private final ListSources sources;
    private final ListStore store;
    private final ObjectMapper mapper;
    private final ListDownloads downloads;
    private final Actors actors;
    private final ListChanges changes;
    private final int maxPageSize;

    // The screening index is not called from here: storing or confirming a version fires ListsChanged, whose observer
    // rebuilds the index in this thread as the transaction commits, so a response is sent only once the index screens
    // against what it reports in force (see ScreeningIndex#onListsChanged).
    ListsResource(ListSources sources, ListStore store, ObjectMapper mapper, ListDownloads downloads, Actors actors,
                  ListChanges changes, AssessorConfig config) {
        this.actors = actors;
        this.changes = changes;
        this.maxPageSize = config.page().maxSize();
        this.sources = sources;
        this.store = store;
        this.mapper = mapper;
        this.downloads = downloads;
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Operation(summary = "The list versions in force, and those held for confirmation",
            description = "One version in force per source that has been imported (status IN_FORCE), followed by the versions held for confirmation (status HELD): they are stored but not screened against until confirmed.")
    public List<ListVersionView> inForce() {
        List<ListVersionView> out = new ArrayList<>();
        store.inForce().forEach(v -> out.add(view(v)));
        store.held().forEach(v -> out.add(view(v)));
        return out;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{source}/versions/{id}/confirm")
    @Operation(summary = "Put a held version in force",
            description = "A version held because it drops more than assessor.lists.max-drop of the entries in force (or is empty) is put in force; the confirmation is recorded with the version.")
    @APIResponse(responseCode = "200", description = "The version is now in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListVersionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown source or version.")
    @APIResponse(responseCode = "409", description = "The version is not held (in force already, or replaced).")
    public ListVersionView confirm(@PathParam("source") String source, @PathParam("id") String id) {
        if (sources.find(source).isEmpty()) {
            throw unknownSource(source);
        }
        java.util.UUID versionId = ProblemException.uuidOrNotFound(id, source + " list version");
        ListVersionEntity v;
        try {
            v = store.confirm(source, versionId, actors.current());
        } catch (ListStore.NotHeldException e) {
            if (e.unknown()) {
                throw ProblemException.notFound(e.getMessage());
            }
            throw new ProblemException(ProblemType.LIST_VERSION_NOT_HELD, e.getMessage(), List.of());
        }
        return view(v);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{source}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Import a list file", description = "The body is the file as published (e.g. OFAC sdn.csv). A file not of the format is rejected whole and the version in force stays; malformed rows are skipped and listed; identical content makes no new version.")
    @APIResponse(responseCode = "202", description = "Stored but held, not in force: it drops more than assessor.lists.max-drop of the entries in force, or is empty. Confirm it with POST /api/v1/lists/{source}/versions/{id}/confirm.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "201", description = "A new version is in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "200", description = "The same content was imported before; that version is in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown source.")
    @APIResponse(responseCode = "413", description = "The file is larger, or decompresses to more, than assessor.lists.max-file-size (or passes another limit of assessor.lists, named in the problem); nothing changed.")
    @APIResponse(responseCode = "422", description = "The file is not of the source's format, or nests XML deeper than assessor.lists.max-xml-depth; nothing changed.")
    public Response upload(@PathParam("source") String source, InputStream body) {
        ListSource importer = sources.find(source).orElseThrow(() -> unknownSource(source));
        ImportResult result;
        try {
            result = importer.read(body);
        } catch (ImportException e) {
            throw rejected(source, "(body)", e);
        }
        return stored(result);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{source}")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import a list from several files", description = "multipart/form-data with one file part per file of the source, imported together: OFAC-SDN takes sdn (sdn.csv, required), alt (alt.csv, aliases) and add (add.csv, addresses); the other sources take one part named file. Otherwise as the plain upload.")
    @APIResponse(responseCode = "202", description = "Stored but held, not in force: it drops more than assessor.lists.max-drop of the entries in force, or is empty. Confirm it with POST /api/v1/lists/{source}/versions/{id}/confirm.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "201", description = "A new version is in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "200", description = "The same files were imported before; that version is in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "400", description = "A part the source does not have, a part given twice or not as a file, or the first part missing; or a body that is not well-formed multipart (no boundary, a truncated part).")
    @APIResponse(responseCode = "404", description = "Unknown source.")
    @APIResponse(responseCode = "413", description = "A part is larger, or decompresses to more, than assessor.lists.max-file-size (the problem names the part and the setting); nothing changed.")
    @APIResponse(responseCode = "422", description = "A part is not of its format (the problem names it); nothing changed.")
    @APIResponse(responseCode = "507", description = "The parts could not be kept in temporary storage (a full disk); nothing changed.")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = ListPartsForm.class)))
    public Response uploadParts(@PathParam("source") String source, MultipartFormDataInput form,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        if (sources.find(source).isEmpty()) {
            throw unknownSource(source);
        }
        if (contentType == null || !MediaType.valueOf(contentType).getParameters().containsKey("boundary")) {
            // Without a boundary the parser finds no part at all; "sdn is required" would send the sender looking
            // in the wrong place.
            throw ProblemException.validation(List.of(new FieldError("(body)", "is not multipart/form-data: the "
                    + "Content-Type has no boundary parameter")));
        }
        List<String> parts = sources.parts(source);
        List<FieldError> errors = new ArrayList<>();
        Map<String, FormValue> files = new LinkedHashMap<>();
        for (Map.Entry<String, Collection<FormValue>> part : form.getValues().entrySet()) {
            String name = part.getKey();
            if (name == null || name.isEmpty()) {
                errors.add(new FieldError("(unnamed part)", "a part has no name in its Content-Disposition; "
                        + source + "'s parts are " + String.join(", ", parts)));
            } else if (!parts.contains(name)) {
                errors.add(new FieldError(name, "is not a file of " + source + "; its parts are " + String.join(", ", parts)));
            } else if (part.getValue().size() != 1) {
                errors.add(new FieldError(name, "is given " + part.getValue().size() + " times"));
            } else if (!part.getValue().iterator().next().isFileItem()) {
                errors.add(new FieldError(name, "must be sent as a file (curl -F " + name + "=@" + name + ".csv)"));
            } else {
                files.put(name, part.getValue().iterator().next());
            }
        }
        if (!form.getValues().containsKey(parts.get(0))) {
            errors.add(new FieldError(parts.get(0), "is required"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        Map<String, InputStream> streams = new LinkedHashMap<>();
        try {
            for (String part : parts) {
                if (files.containsKey(part)) {
                    streams.put(part, files.get(part).getFileItem().getInputStream());
                }
            }
            return stored(sources.read(source, streams));
        } catch (ImportException e) {
            throw rejected(source, e.part().orElse(parts.get(0)), e);
        } catch (IOException e) {
            // The parts were spooled to temporary files before this method ran; one that cannot be opened again is
            // lost to the server (a full or cleaned temporary directory), not the client's fault.
            throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE, 507, "an uploaded part cannot be read back "
                    + "from temporary storage: " + e.getMessage() + "; nothing was stored, send it again later",
                    List.of());
        } finally {
            streams.values().forEach(ListsResource::closeQuietly);
        }
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Path("/{source}/download")
    @Operation(summary = "Download a list now", description = "Fetches the source's file(s) from the URL(s) configured in assessor.lists.download.\"<source>\" and imports them as an upload. The files that made the version in force are asked for with If-None-Match / If-Modified-Since; when the server answers 304 for all of them nothing is imported. A failed or corrupt download leaves the version in force.")
    @APIResponse(responseCode = "202", description = "Stored but held, not in force: it drops more than assessor.lists.max-drop of the entries in force, or is empty. Confirm it with POST /api/v1/lists/{source}/versions/{id}/confirm.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "201", description = "A new version is in force.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "200", description = "Unchanged: the same content was imported before, or the server answered 304 Not Modified.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListImportView.class)))
    @APIResponse(responseCode = "404", description = "Unknown source.")
    @APIResponse(responseCode = "409", description = "No download URL is configured for the source.")
    @APIResponse(responseCode = "422", description = "The downloaded file is not of the source's format; nothing changed.")
    @APIResponse(responseCode = "502", description = "The server answered an error status (named in the problem), or the connection failed, or the file was larger than assessor.lists.download.max-size or decompressed to more than assessor.lists.max-file-size; nothing changed.")
    @APIResponse(responseCode = "504", description = "The server did not answer within assessor.lists.download.timeout; nothing changed.")
    @APIResponse(responseCode = "507", description = "The file could not be written to temporary storage on this server (a full disk); nothing changed.")
    public Response download(@PathParam("source") String source) {
        if (sources.find(source).isEmpty()) {
            throw unknownSource(source);
        }
        String first = sources.parts(source).get(0);
        if (downloads.disabled()) {
            throw new ProblemException(ProblemType.LIST_DOWNLOAD_NOT_CONFIGURED,
                    "list downloads are turned off on this installation; upload " + source + " instead",
                    List.of(new FieldError("assessor.lists.download.enabled", "is false")));
        }
        if (!downloads.configured(source)) {
            String key = ListDownloads.urlKey(source, first);
            throw new ProblemException(ProblemType.LIST_DOWNLOAD_NOT_CONFIGURED,
                    "no download URL is configured for " + source + "; set " + key,
                    List.of(new FieldError(key, "is not set")));
        }
        ListDownloads.Outcome outcome;
        try {
            outcome = downloads.download(source, actors.current());
        } catch (DownloadException e) {
            String part = e.part().orElse(first);
            if (e.kind() == DownloadException.Kind.STORAGE) {
                throw new ProblemException(ProblemType.INSUFFICIENT_STORAGE, e.getMessage()
                        + "; the version in force is unchanged", List.of());
            }
            int status = e.kind() == DownloadException.Kind.TIMEOUT ? 504 : 502;
            throw new ProblemException(ProblemType.LIST_DOWNLOAD_FAILED, status,
                    e.getMessage() + "; the version in force is unchanged",
                    List.of(new FieldError(ListDownloads.urlKey(source, part), e.getMessage())));
        } catch (ImportException e) {
            String part = e.part().orElse(first);
            if (e.limit().isPresent()) {
                // Too much came from the publisher's side: a bad answer of the server (502), as a too large body is.
                throw new ProblemException(ProblemType.LIST_DOWNLOAD_FAILED, 502, "the file downloaded from "
                        + downloads.shownUrl(source, part) + " was refused: " + e.getMessage()
                        + "; the version in force is unchanged",
                        List.of(new FieldError(ListDownloads.urlKey(source, part), e.getMessage())));
            }
            String detail = "the file downloaded from " + downloads.shownUrl(source, part) + " is not a " + source
                    + " file: " + e.getMessage();
            throw new ProblemException(ProblemType.LIST_FORMAT,
                    detail + "; the version in force is unchanged",
                    List.of(new FieldError(ListDownloads.urlKey(source, part), e.getMessage())));
        }
        List<DownloadedFileView> files = outcome.files().entrySet().stream().map(f -> new DownloadedFileView(f.getKey(),
                f.getValue().url(), f.getValue().status(), f.getValue().bytes(), f.getValue().millis())).toList();
        DownloadView download = new DownloadView(outcome.notModified(), files);
        ListStore.Stored stored = outcome.stored();
        ListImportView out = outcome.notModified()
                ? new ListImportView(view(stored.version()), false, Map.of(), List.of(), download)
                : new ListImportView(view(stored.version()), stored.created(), outcome.result().counts(),
                        skipped(outcome.result()), download);
        return Response.status(status(stored)).entity(out).build();
    }

    /**
     * The problem for a file rejected whole: 413 naming the setting when it passed a limit of
     * {@link org.exposure.assessor.lists.InputLimits}, else 422; {@code field} is the part, or (body).
     */
    private static ProblemException rejected(String source, String field, ImportException e) {
        String where = field.equals("(body)") ? "" : "part " + field + ": ";
        if (e.limit().isPresent()) {
            return new ProblemException(ProblemType.LIST_TOO_LARGE, where + e.getMessage()
                    + "; the version in force is unchanged", List.of(new FieldError(field, e.getMessage())));
        }
        String what = field.equals("(body)") ? "not a " + source + " file: " : where;
        return new ProblemException(ProblemType.LIST_FORMAT, what + e.getMessage()
                + "; the version in force is unchanged", List.of(new FieldError(field, e.getMessage())));
    }

    private Response stored(ImportResult result) {
        ListStore.Stored stored = store.store(result, actors.current(), ListStore.UPLOAD);
        ListImportView out = new ListImportView(view(stored.version()), stored.created(), result.counts(), skipped(result));
        return Response.status(status(stored)).entity(out).build();
    }

    /** 202 for a version held for confirmation (stored, not in force), else 201 new / 200 known. */
    private static int status(ListStore.Stored stored) {
        return stored.held() ? 202 : stored.created() ? 201 : 200;
    }

    private static List<RowProblemView> skipped(ImportResult result) {
        return result.problems().stream().limit(1000).map(p -> new RowProblemView(p.rowNumber(), p.reason())).toList();
    }

    private ProblemException unknownSource(String source) {
        return ProblemException.notFound("no list source " + source + "; known sources: "
                + String.join(", ", sources.sources()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // an uploaded part's temporary file; it is deleted at the end of the request anyway
        }
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{source}/entries/{id}")
    @Operation(summary = "One entry of the version in force of a source")
    @APIResponse(responseCode = "404", description = "No such entry in force.")
    public JsonNode entry(@PathParam("source") String source, @PathParam("id") String id) {
        ListEntryEntity e = store.entry(source, id).orElseThrow(
                () -> ProblemException.notFound("no entry " + id + " in the " + source + " list in force"));
        try {
            ObjectNode out = mapper.createObjectNode();
            out.put("source", source);
            out.put("id", e.entryId);
            out.put("versionId", e.versionId.toString());
            out.put("name", e.primaryName);
            out.put("type", e.entityType);
            out.put("list", e.listName);
            out.set("aliases", mapper.readTree(e.aliasesJson));
            out.set("programs", mapper.readTree(e.programsJson));
            out.set("countries", mapper.readTree(e.countriesJson));
            out.set("identifiers", mapper.readTree(e.identifiersJson));
            out.set("remarks", mapper.readTree(e.remarksJson));
            out.set("datasets", mapper.readTree(e.datasetsJson));
            out.put("secondarySanctionsRisk", e.secondarySanctionsRisk);
            out.set("original", mapper.readTree(e.originalJson));
            return out;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored list entry " + e.id + " holds unreadable JSON", ex);
        }
    }

    @GET
    @RolesAllowed(Roles.ANALYST)
    @Path("/{source}/versions/{id}/changes")
    @Operation(summary = "What a list version changed",
            description = "The change set of a version against the version in force it replaced (for a held version: the one it would replace): "
                    + "the entries added, removed and changed, compared by their id in the source, a page at a time (added, then changed, then removed, each by entry id). "
                    + "A changed entry names the fields that changed with their values before and after. Differences in the order of records, aliases or programmes, "
                    + "or in whitespace, are no change. The first version of a source has no previous version, and so no changes: the answer says so in note.")
    @APIResponse(responseCode = "200", description = "The change set, or a note saying why there is none.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListChangesView.class)))
    @APIResponse(responseCode = "400", description = "kind, page or size is not valid; the problem names it.")
    @APIResponse(responseCode = "404", description = "Unknown source, or no such version of it.")
    public ListChangesView changes(@PathParam("source") String source, @PathParam("id") String id,
            @Parameter(description = "Only changes of this kind: ADDED, REMOVED or CHANGED.") @QueryParam("kind") String kind,
            @Parameter(description = "Page number from 0 (default 0).") @QueryParam("page") String page,
            @Parameter(description = "Page size (default 50, at most assessor.page.max-size).") @QueryParam("size") String size) {
        if (sources.find(source).isEmpty()) {
            throw unknownSource(source);
        }
        java.util.UUID versionId = ProblemException.uuidOrNotFound(id, source + " list version");
        List<FieldError> errors = new ArrayList<>();
        ListChanges.Kind only = kind(kind, errors);
        int pageSize = QueryParams.integer("size", size, 50, 1, maxPageSize, errors);
        // The offset page * size must fit an int, whatever the size asked for.
        int pageNo = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE / Math.max(1, Math.min(pageSize, maxPageSize)) - 1, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        ListVersionEntity v = store.find(source, versionId).orElseThrow(
                () -> ProblemException.notFound("no version " + versionId + " of " + source));
        java.util.Optional<ListChanges.ChangeSet> found = changes.forVersion(v.id);
        String kindName = only == null ? null : only.name();
        if (found.isEmpty()) {
            String note = store.hasEarlier(v)
                    ? "no change set was recorded for this version: it replaced no version in force, or was imported "
                    + "before change sets were recorded"
                    : "the first version of " + source + ": there is no previous version to compare it with";
            return new ListChangesView(source, v.id, v.status(), null, note, null, null, null, null, kindName,
                    pageNo, pageSize, 0, 0, List.of(), null);
        }
        ListChanges.ChangeSet set = found.get();
        long total = set.count(only);
        List<ListChangesView.ChangeView> items = changes.changes(set.id(), only, pageNo * pageSize, pageSize).stream()
                .map(c -> new ListChangesView.ChangeView(c.kind().name(), c.entryId(), c.listName(), c.name(),
                        c.previousName(), c.fields(), c.before(), c.after()))
                .toList();
        return new ListChangesView(source, v.id, v.status(), set.fromVersionId(), null, set.id(), set.computedAt(),
                set.inForceAt(), new ListChangesView.Counts(set.added(), set.removed(), set.changed()), kindName,
                pageNo, pageSize, total, (int) ((total + pageSize - 1) / pageSize), items, monitoring(set));
    }

    private static ListChangesView.Monitoring monitoring(ListChanges.ChangeSet set) {
        ListChanges.Watch w = set.watch();
        if (w != null) {
            return new ListChangesView.Monitoring(set.watchState(), w.job(), w.partiesCompared(), w.subjectsTouched(),
                    w.scanMillis(), w.at());
        }
        return new ListChangesView.Monitoring(set.watchState() == null ? "NONE" : set.watchState(), null, null, null,
                null, null);
    }

    private static ListChanges.Kind kind(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ListChanges.Kind.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("kind", "must be ADDED, REMOVED or CHANGED, got \"" + value + "\""));
            return null;
        }
    }

    private static ListVersionView view(ListVersionEntity v) {
        return new ListVersionView(v.id, v.source, v.publishedAt, v.contentHash, v.entryCount, v.skippedRows,
                v.importedAt, v.inForce, v.status(), v.heldReason, v.confirmedAt, v.confirmedBy);
    }
}
