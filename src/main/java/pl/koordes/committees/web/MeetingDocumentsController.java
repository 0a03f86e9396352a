package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.DocumentForm;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingDocuments;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.committees.internal.MeetingStore;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.UploadTypes;

/**
 * A meeting's documents: the secretary adds them (a form of its own) and removes them (asked first); insiders
 * download them, and anyone a public document of a public meeting that is not a draft. Always a download,
 * never shown in the browser.
 */
@Controller
class MeetingDocumentsController {

    private static final String DOCUMENTS = MeetingsController.MEETING + "/dokumenty";

    private final SpaceAccess access;
    private final MeetingDocuments documents;
    private final MeetingQueries queries;
    private final MeetingStore store;
    private final CommitteePermissions permissions;
    private final Directory directory;

    MeetingDocumentsController(
            SpaceAccess access,
            MeetingDocuments documents,
            MeetingQueries queries,
            MeetingStore store,
            CommitteePermissions permissions,
            Directory directory) {
        this.access = access;
        this.documents = documents;
        this.queries = queries;
        this.store = store;
        this.permissions = permissions;
        this.directory = directory;
    }

    @GetMapping(DOCUMENTS)
    String form(CurrentUser user, @PathVariable String slug, @PathVariable long id, Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        return page(model, space, access.meeting(user, space, id), DocumentForm.empty(), FormErrors.none());
    }

    @PostMapping(DOCUMENTS)
    String add(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @Valid DocumentForm form,
            BindingResult result,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        Meeting meeting = access.meeting(user, space, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    documents.add(user, space, id, form, UploadTypes.Upload.of(file));
                    redirect.addFlashAttribute("notice", "committees.meetings.document.added");
                    return "redirect:" + CommitteePaths.meeting(space, id) + "#dokumenty";
                },
                errors -> page(model, space, meeting, form, errors));
    }

    @GetMapping(DOCUMENTS + "/{documentId}")
    ResponseEntity<byte[]> download(
            Optional<CurrentUser> user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long documentId) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        Meeting meeting = store.find(region.id(), id).orElseThrow(() -> new NotFound("committee meeting", id));
        boolean insider = permissions.canSeeInternal(user.orElse(null), region.id())
                && (meeting.status() != MeetingStatus.DRAFT || permissions.canManage(user.orElse(null), region.id()));
        MeetingQueries.DocumentFile file = queries.file(id, documentId)
                .filter(f -> insider
                        || (f.publicDocument() && meeting.publicMeeting() && meeting.status() != MeetingStatus.DRAFT))
                .orElseThrow(() -> new NotFound("committee document", documentId));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, file.fileType())
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadTypes.contentDisposition(file.fileName(), false))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.data());
    }

    @GetMapping(DOCUMENTS + "/{documentId}/usun")
    String confirmRemove(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long documentId,
            Locale locale,
            Model model) {
        CommitteeSpace space = access.secretary(user, slug);
        access.meeting(user, space, id);
        MeetingQueries.Document document =
                queries.document(id, documentId).orElseThrow(() -> new NotFound("committee document", documentId));
        String path = CommitteePaths.meeting(space, id);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                path + "/dokumenty/" + documentId + "/usun",
                                path + "#dokumenty",
                                "committees.meetings.confirm.removeDocument.title",
                                "committees.meetings.confirm.removeDocument.button")
                        .subject(document.title() + " (" + document.fileName() + ", "
                                + Formats.fileSize(document.size(), locale) + ")")
                        .consequence(
                                document.publicDocument()
                                        ? "committees.meetings.confirm.removeDocument.public"
                                        : "committees.meetings.confirm.removeDocument.internal")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping(DOCUMENTS + "/{documentId}/usun")
    String remove(
            CurrentUser user,
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long documentId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        CommitteeSpace space = access.secretary(user, slug);
        access.meeting(user, space, id);
        String path = CommitteePaths.meeting(space, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path + "/dokumenty/" + documentId + "/usun";
        }
        documents.remove(user, space, id, documentId);
        redirect.addFlashAttribute("notice", "committees.meetings.document.removed");
        return "redirect:" + path + "#dokumenty";
    }

    private String page(Model model, CommitteeSpace space, Meeting meeting, DocumentForm form, FormErrors errors) {
        model.addAttribute("space", space);
        model.addAttribute("meeting", meeting);
        model.addAttribute("path", CommitteePaths.meeting(space, meeting.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxMegabytes", MeetingDocuments.MAX_BYTES / (1024 * 1024));
        return "committees/meetings/document";
    }
}
