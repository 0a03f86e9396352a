package pl.koordes.committees.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Resolution;
import pl.koordes.committees.internal.ResolutionAttachments;
import pl.koordes.committees.internal.ResolutionStore;
import pl.koordes.monitoring.ProgrammeDrafts;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.UploadTypes;

/**
 * A resolution's attachments: the secretary uploads and removes them (removal asks first); whoever may read the
 * resolution downloads them (an internal one's only its insiders: to others it is not there).
 */
@Controller
class ResolutionAttachmentsController {

    private static final String BASE = ResolutionsController.BASE + "/{id}/zalaczniki";

    private final SpaceAccess spaces;
    private final ResolutionStore store;
    private final ResolutionAttachments attachments;
    private final CommitteePermissions permissions;
    private final ProgrammeDrafts drafts;

    ResolutionAttachmentsController(
            SpaceAccess spaces,
            ResolutionStore store,
            ResolutionAttachments attachments,
            CommitteePermissions permissions,
            ProgrammeDrafts drafts) {
        this.spaces = spaces;
        this.store = store;
        this.attachments = attachments;
        this.permissions = permissions;
        this.drafts = drafts;
    }

    @PostMapping(BASE)
    String upload(
            @PathVariable String slug,
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id, true);
        try {
            attachments.add(user.id(), space.region().id(), id, file);
        } catch (Refused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return ResolutionPage.show(model, space, resolution, store, true, drafts, FormErrors.of(refused));
        }
        redirect.addFlashAttribute("notice", "committees.resolutions.attachment.added");
        return "redirect:" + resolution.path(space.region().slug()) + "#zalaczniki";
    }

    @GetMapping(BASE + "/{attachmentId}")
    ResponseEntity<byte[]> download(
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long attachmentId,
            Optional<CurrentUser> user) {
        CommitteeSpace space = spaces.space(slug);
        boolean internal =
                permissions.canSeeInternal(user.orElse(null), space.region().id());
        resolution(space, id, internal);
        ResolutionStore.AttachmentFile file =
                store.file(id, attachmentId).orElseThrow(() -> new NotFound("committee attachment", attachmentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.fileType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadTypes.contentDisposition(file.fileName(), false))
                .header("X-Content-Type-Options", "nosniff")
                .body(file.data());
    }

    @GetMapping(BASE + "/{attachmentId}/usun")
    String confirmRemove(
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long attachmentId,
            CurrentUser user,
            Locale locale,
            Model model) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id, true);
        ResolutionStore.Attachment attachment = attachment(id, attachmentId);
        String path = resolution.path(space.region().slug());
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                path + "/zalaczniki/" + attachmentId + "/usun",
                                path + "#zalaczniki",
                                "committees.resolutions.confirm.attachment.title",
                                "committees.resolutions.confirm.attachment.button")
                        .subject(attachment.fileName())
                        .consequence("committees.resolutions.confirm.attachment.gone")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping(BASE + "/{attachmentId}/usun")
    String remove(
            @PathVariable String slug,
            @PathVariable long id,
            @PathVariable long attachmentId,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        CommitteeSpace space = spaces.secretary(user, slug);
        Resolution resolution = resolution(space, id, true);
        attachment(id, attachmentId);
        String path = resolution.path(space.region().slug());
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + path + "/zalaczniki/" + attachmentId + "/usun";
        }
        attachments.remove(space.region().id(), id, attachmentId);
        redirect.addFlashAttribute("notice", "committees.resolutions.attachment.removed");
        return "redirect:" + path + "#zalaczniki";
    }

    private Resolution resolution(CommitteeSpace space, long id, boolean internal) {
        return store.find(space.region().id(), id, internal)
                .orElseThrow(() -> new NotFound("committee resolution", id));
    }

    private ResolutionStore.Attachment attachment(long id, long attachmentId) {
        return store.attachment(id, attachmentId).orElseThrow(() -> new NotFound("committee attachment", attachmentId));
    }
}
