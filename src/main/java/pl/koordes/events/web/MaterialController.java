package pl.koordes.events.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.events.internal.EventsProperties;
import pl.koordes.events.internal.MaterialFile;
import pl.koordes.events.internal.MaterialFiles;
import pl.koordes.events.internal.MaterialUploadForm;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.UploadTypes;

/**
 * Materials uploaded as files: the organisers' page to upload and delete them, and the download for
 * everyone allowed ({@link MaterialFiles#mayDownload}).
 */
@Controller
class MaterialController {

    private final MaterialFiles files;
    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventsProperties settings;
    private final StoredFiles storage;

    MaterialController(
            MaterialFiles files,
            EventCatalogue catalogue,
            EventPermissions permissions,
            EventsProperties settings,
            StoredFiles storage) {
        this.storage = storage;
        this.files = files;
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.settings = settings;
    }

    @GetMapping(OrganiserController.BASE + "/{id}/materialy")
    String page(CurrentUser user, @PathVariable long id, Model model) {
        return show(model, managed(user, id), "", false, FormErrors.none());
    }

    @PostMapping(OrganiserController.BASE + "/{id}/materialy")
    String upload(
            CurrentUser user,
            @PathVariable long id,
            @Valid MaterialUploadForm form,
            BindingResult result,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Event event = managed(user, id);
        UploadTypes.Upload upload = UploadTypes.Upload.of(file);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    files.upload(user, id, form.titleText(), form.forParticipants(), upload);
                    redirect.addFlashAttribute("notice", "events.files.uploaded");
                    return "redirect:" + OrganiserController.BASE + "/" + id + "/materialy";
                },
                errors -> show(model, event, form.titleText(), form.forParticipants(), errors));
    }

    /** Asks before deleting a file: participants lose it and the deletion cannot be undone. */
    @GetMapping(OrganiserController.BASE + "/{id}/materialy/{file}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, @PathVariable long file, Model model) {
        Event event = managed(user, id);
        MaterialFile material = files.of(event.id()).stream()
                .filter(f -> f.id() == file)
                .findFirst()
                .orElseThrow(() -> new NotFound("material", file));
        String back = OrganiserController.BASE + "/" + id + "/materialy";
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                back + "/" + file + "/usun",
                                back,
                                "events.confirm.file.title",
                                "events.confirm.file.button")
                        .subject(material.title() + " (" + material.fileName() + ")")
                        .consequence("events.confirm.file.gone")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping(OrganiserController.BASE + "/{id}/materialy/{file}/usun")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long file,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        managed(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + OrganiserController.BASE + "/" + id + "/materialy/" + file + "/usun";
        }
        files.delete(user, id, file);
        redirect.addFlashAttribute("notice", "events.files.deleted");
        return "redirect:" + OrganiserController.BASE + "/" + id + "/materialy";
    }

    /**
     * A material's bytes. Pictures are shown in the browser, everything else is downloaded; the browser
     * must not guess another type (nosniff). Public materials of a published event may be kept by any cache
     * for a few minutes; the rest only by the reader's own browser.
     */
    @GetMapping("/wydarzenia/{id}/materialy/{file}")
    void download(
            @PathVariable long id, @PathVariable long file, Optional<CurrentUser> user, HttpServletResponse response)
            throws IOException {
        MaterialFile material = files.forDownload(user.orElse(null), id, file);
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        boolean shared = !material.participantsOnly() && event.status().visible();
        storage.send(
                response,
                material.storedFileId(),
                material.fileName(),
                material.contentType(),
                material.size(),
                shared);
    }

    private String show(Model model, Event event, String title, boolean participantsOnly, FormErrors errors) {
        model.addAttribute("event", event);
        model.addAttribute("files", files.of(event.id()));
        model.addAttribute("title", title);
        model.addAttribute("participantsOnly", participantsOnly);
        model.addAttribute("errors", errors);
        model.addAttribute("maxSize", settings.materialMaxSize().toMegabytes());
        return "events/manage/files";
    }

    /** The event if this person manages it: 404 for an unknown id, 403 for someone else's (AccessDeniedException). */
    private Event managed(CurrentUser user, long id) {
        if (!permissions.canOrganise(user)) {
            throw new AccessDeniedException("Not an organiser");
        }
        Event event = catalogue.find(id).orElseThrow(() -> new NotFound("event", id));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return event;
    }
}
