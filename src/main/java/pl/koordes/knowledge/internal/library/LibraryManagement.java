package pl.koordes.knowledge.internal.library;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.Directory;
import pl.koordes.directory.InstitutionName;
import pl.koordes.knowledge.LibraryAction;
import pl.koordes.knowledge.LibraryChanged;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.UploadTypes;

/**
 * Adding, editing (read at a row version: a change made meanwhile is a conflict) and deleting library documents.
 * Each change is audited ({@link LibraryChanged}, with the values before and after) and refreshes the document's
 * search entry in the same transaction, so it is findable — or gone — the moment it is committed. The file goes
 * to the shared storage; a replaced or removed one is released at once.
 */
@Service
public class LibraryManagement {

    private final JdbcClient jdbc;
    private final LibraryStore store;
    private final LibraryPermissions permissions;
    private final LibraryOrigins origins;
    private final LibrarySearch search;
    private final StoredFiles files;
    private final Directory directory;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    LibraryManagement(
            JdbcClient jdbc,
            LibraryStore store,
            LibraryPermissions permissions,
            LibraryOrigins origins,
            LibrarySearch search,
            StoredFiles files,
            Directory directory,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.permissions = permissions;
        this.origins = origins;
        this.search = search;
        this.files = files;
        this.directory = directory;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds a document.
     *
     * @return its id
     * @throws Refused with every field's reason when something is not acceptable
     */
    @Transactional
    public long add(CurrentUser user, LibraryDocumentForm form, UploadTypes.@Nullable Upload upload) {
        Long stored = checked(user, form, upload, false, null);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        insert into library_document (kind, title, description, tags, region_id, year, institution_id,
                            external_url, stored_file_id, event_id, advisory_case_id, postulate_id, programme_region_id,
                            public_document, reader_roles, reader_regions, audience, created_by, created_at, updated_at)
                        values (:kind, :title, :description, cast(:tags as text[]), :region, :year, :institution, :url,
                            :stored, :event, :case, :postulate, :programme, :public, cast(:roles as text[]),
                            cast(:regions as bigint[]), cast(:audience as text[]), :by, :now, :now)
                        returning id
                        """)
                .params(values(form, stored))
                .param("by", user.id())
                .param("now", now)
                .query(Long.class)
                .single();
        saveRelated(id, form.relatedIds());
        LibraryDocument after = found(id);
        publisher.publishEvent(new LibraryChanged(LibraryAction.LIBRARY_DOCUMENT_ADDED, id, null, after.auditValues()));
        search.refresh(id);
        return id;
    }

    /**
     * Saves the form over a document read at {@code form.version()}.
     *
     * @throws Refused a conflict when it changed since the form was read; the fields' reasons otherwise
     * @throws AccessDeniedException when the person may not edit this document
     */
    @Transactional
    public void update(CurrentUser user, long id, LibraryDocumentForm form, UploadTypes.@Nullable Upload upload) {
        // Two people saving at once wait for each other here; the second then finds the version moved on.
        jdbc.sql("select id from library_document where id = :id for update")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("library document", id));
        LibraryDocument before = found(id);
        if (!permissions.canManage(user, before)) {
            throw new AccessDeniedException("Not this person's library document");
        }
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("knowledge.library.stale");
        }
        if (form.relatedIds().contains(id)) {
            throw Refused.field("related", "knowledge.library.related.self");
        }
        Long stored = checked(user, form, upload, before.hasFile() && !form.removeFileChosen(), before);
        Long keep = stored != null ? stored : form.removeFileChosen() ? null : before.storedFileId();
        jdbc.sql("""
                        update library_document set kind = :kind, title = :title, description = :description,
                            tags = cast(:tags as text[]), region_id = :region, year = :year, institution_id = :institution,
                            external_url = :url, stored_file_id = :stored, event_id = :event, advisory_case_id = :case,
                            postulate_id = :postulate, programme_region_id = :programme, public_document = :public,
                            reader_roles = cast(:roles as text[]), reader_regions = cast(:regions as bigint[]),
                            audience = cast(:audience as text[]), updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .params(values(form, keep))
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        Long old = before.storedFileId();
        if (old != null && !old.equals(keep)) {
            jdbc.sql("delete from stored_file where id = :id").param("id", old).update();
        }
        List<Long> related = withUnseen(id, form.relatedIds(), user);
        jdbc.sql("delete from library_document_link where document_id = :id")
                .param("id", id)
                .update();
        saveRelated(id, related);
        publisher.publishEvent(new LibraryChanged(
                LibraryAction.LIBRARY_DOCUMENT_UPDATED,
                id,
                before.auditValues(),
                found(id).auditValues()));
        search.refresh(id);
    }

    /**
     * Deletes a document with its file and its links; documents that linked to it no longer do.
     *
     * @throws AccessDeniedException when the person may not delete this document
     */
    @Transactional
    public LibraryDocument delete(CurrentUser user, long id) {
        LibraryDocument before = found(id);
        if (!permissions.canManage(user, before)) {
            throw new AccessDeniedException("Not this person's library document");
        }
        jdbc.sql("delete from library_document where id = :id").param("id", id).update();
        publisher.publishEvent(
                new LibraryChanged(LibraryAction.LIBRARY_DOCUMENT_DELETED, id, before.auditValues(), null));
        search.refresh(id);
        return before;
    }

    /**
     * Checks everything the annotations cannot, stores the new file if one was sent and returns its id.
     *
     * @param keepsFile whether the document keeps a file it already has
     */
    private @Nullable Long checked(
            CurrentUser user,
            LibraryDocumentForm form,
            UploadTypes.@Nullable Upload upload,
            boolean keepsFile,
            @Nullable LibraryDocument before) {
        List<Refused.Reason> reasons = new ArrayList<>();
        Long region = form.regionId();
        if (region != null && directory.region(region).isEmpty()) {
            reasons.add(new Refused.Reason("regionId", "knowledge.library.region.unknown"));
        } else if (!permissions.canAddFor(user, region)) {
            reasons.add(new Refused.Reason(
                    "regionId",
                    region == null
                            ? "knowledge.library.region.nationalNotYours"
                            : "knowledge.library.region.notYours"));
        }
        Long institution = form.institutionId();
        if (institution != null
                && directory.institutions().stream().map(InstitutionName::id).noneMatch(institution::equals)) {
            reasons.add(new Refused.Reason("institutionId", "knowledge.library.institution.unknown"));
        }
        Long event = form.eventId();
        if (event != null
                && !event.equals(before == null ? null : before.eventId())
                && origins.event(event).isEmpty()) {
            reasons.add(new Refused.Reason("eventId", "knowledge.library.event.unknown"));
        }
        Long advisoryCase = form.advisoryCaseId();
        if (advisoryCase != null
                && !advisoryCase.equals(before == null ? null : before.advisoryCaseId())
                && !origins.caseOpenable(user, advisoryCase)) {
            reasons.add(new Refused.Reason("advisoryCaseId", "knowledge.library.case.unknown"));
        }
        Long postulate = form.postulateId();
        if (postulate != null && origins.postulate(postulate).isEmpty()) {
            reasons.add(new Refused.Reason("postulateId", "knowledge.library.postulate.unknown"));
        }
        Long programme = form.programmeRegionId();
        if (programme != null && !origins.programmeExists(programme)) {
            reasons.add(new Refused.Reason("programmeRegionId", "knowledge.library.programme.unknown"));
        }
        if (!openable(form.relatedIds(), user)) {
            reasons.add(new Refused.Reason("related", "knowledge.library.related.unknown"));
        }
        Set<Long> regions = new HashSet<>(directory.regionsById().keySet());
        if (!regions.containsAll(form.regionList())) {
            reasons.add(new Refused.Reason("readerRegions", "knowledge.library.readers.unknownRegion"));
        }
        UploadTypes.Type type = null;
        if (upload != null) {
            try {
                type = LibraryTypes.ACCEPTED.check(upload, files.maxBytes());
            } catch (UploadTypes.Unacceptable unacceptable) {
                reasons.add(new Refused.Reason("file", "knowledge.library.file." + unacceptable.reason()));
            }
        }
        if (form.urlText().isEmpty() && upload == null && !keepsFile) {
            reasons.add(new Refused.Reason("externalUrl", "knowledge.library.source.required"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        if (upload == null || type == null) {
            return null;
        }
        String name = LibraryTypes.ACCEPTED.safeName(upload.originalName(), type);
        return files.store(upload, name, type)
                .orElseThrow(() -> Refused.field("file", "knowledge.library.file.unreadable"));
    }

    /** Whether every document of {@code ids} exists and the person may open it. */
    private boolean openable(List<Long> ids, CurrentUser user) {
        if (ids.isEmpty()) {
            return true;
        }
        long found = jdbc.sql("""
                        select count(*) from library_document
                        where id = any(cast(:ids as bigint[])) and audience && cast(:audience as text[])""")
                .param("ids", ids.toArray(Long[]::new))
                .param("audience", SearchAudience.of(user).toArray(String[]::new))
                .query(Long.class)
                .single();
        return found == ids.size();
    }

    /**
     * The chosen related documents and those the document already links to that the person may not open: the form
     * cannot offer those, so leaving them out would drop links the person never saw.
     */
    private List<Long> withUnseen(long id, List<Long> chosen, CurrentUser user) {
        List<Long> all = new ArrayList<>(chosen);
        jdbc
                .sql("""
                        select l.target_id from library_document_link l join library_document d on d.id = l.target_id
                        where l.document_id = :id and not (d.audience && cast(:audience as text[]))""")
                .param("id", id)
                .param("audience", SearchAudience.of(user).toArray(String[]::new))
                .query(Long.class)
                .list()
                .stream()
                .filter(t -> !all.contains(t))
                .forEach(all::add);
        return all;
    }

    private void saveRelated(long id, List<Long> related) {
        for (Long target : related) {
            jdbc.sql("insert into library_document_link (document_id, target_id) values (:d, :t)")
                    .param("d", id)
                    .param("t", target)
                    .update();
        }
    }

    private static Map<String, @Nullable Object> values(LibraryDocumentForm form, @Nullable Long stored) {
        boolean publicDocument = form.publicChosen();
        List<Role> roles = publicDocument ? List.of() : form.roleList();
        List<Long> regions = publicDocument ? List.of() : form.regionList();
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("kind", Objects.requireNonNull(form.kind()).name());
        values.put("title", form.titleText());
        values.put("description", form.descriptionText());
        values.put("tags", form.tagList().toArray(String[]::new));
        values.put("region", form.regionId());
        values.put("year", form.year());
        values.put("institution", form.institutionId());
        values.put("url", form.urlText().isEmpty() ? null : form.urlText());
        values.put("stored", stored);
        values.put("event", form.eventId());
        values.put("case", form.advisoryCaseId());
        values.put("postulate", form.postulateId());
        values.put("programme", form.programmeRegionId());
        values.put("public", publicDocument);
        values.put("roles", roles.stream().map(Enum::name).toArray(String[]::new));
        values.put("regions", regions.toArray(Long[]::new));
        values.put(
                "audience",
                LibraryAudience.of(publicDocument, form.regionId(), roles, regions)
                        .toArray(String[]::new));
        return values;
    }

    private LibraryDocument found(long id) {
        return store.find(id)
                .map(LibraryStore.Listed::document)
                .orElseThrow(() -> new NotFound("library document", id));
    }
}
