package pl.koordes.knowledge.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
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
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.knowledge.internal.library.DocumentKind;
import pl.koordes.knowledge.internal.library.LibraryAudience;
import pl.koordes.knowledge.internal.library.LibraryDocument;
import pl.koordes.knowledge.internal.library.LibraryDocumentForm;
import pl.koordes.knowledge.internal.library.LibraryManagement;
import pl.koordes.knowledge.internal.library.LibraryPermissions;
import pl.koordes.knowledge.internal.library.LibraryPickers;
import pl.koordes.knowledge.internal.library.LibraryStore;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.UploadTypes;

/**
 * Adding, editing and deleting library documents: editors and administrators for any region or the whole
 * country, regional coordinators for their own region (others: 403). A document the person may not even open is
 * not there (404); editing one read at an older version is a conflict (409, the text kept); deleting asks first.
 */
@Controller
class LibraryEditController {

    private static final String NEW = LibraryDocument.BASE + "/nowy";

    private final LibraryStore store;
    private final LibraryManagement management;
    private final LibraryPermissions permissions;
    private final Directory directory;
    private final StoredFiles files;
    private final Clock clock;
    private final LibraryPickers pickers;

    LibraryEditController(
            LibraryStore store,
            LibraryManagement management,
            LibraryPermissions permissions,
            Directory directory,
            StoredFiles files,
            Clock clock,
            LibraryPickers pickers) {
        this.store = store;
        this.management = management;
        this.permissions = permissions;
        this.directory = directory;
        this.files = files;
        this.clock = clock;
        this.pickers = pickers;
    }

    @GetMapping(NEW)
    String newForm(CurrentUser user, Model model) {
        mayAdd(user);
        List<Region> regions = permissions.regionsFor(user);
        Long region = permissions.canAddNational(user) || regions.isEmpty()
                ? null
                : regions.getFirst().id();
        int year = clock.instant().atZone(Formats.ZONE).getYear();
        return form(model, user, null, LibraryDocumentForm.empty(region, year), FormErrors.none());
    }

    @PostMapping(NEW)
    String add(
            CurrentUser user,
            @Valid LibraryDocumentForm form,
            BindingResult result,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        mayAdd(user);
        UploadTypes.Upload upload = UploadTypes.Upload.of(file);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = management.add(user, form, upload);
                    redirect.addFlashAttribute("notice", "knowledge.library.added");
                    return "redirect:" + LibraryDocument.BASE + "/" + id;
                },
                errors -> form(model, user, null, form, errors));
    }

    @GetMapping(LibraryDocument.BASE + "/{id}/edycja")
    String editForm(@PathVariable long id, CurrentUser user, Model model) {
        LibraryDocument document = managed(user, id);
        return form(model, user, document, LibraryDocumentForm.of(document, store.related(id)), FormErrors.none());
    }

    @PostMapping(LibraryDocument.BASE + "/{id}/edycja")
    String update(
            @PathVariable long id,
            CurrentUser user,
            @Valid LibraryDocumentForm form,
            BindingResult result,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        LibraryDocument document = managed(user, id);
        UploadTypes.Upload upload = UploadTypes.Upload.of(file);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.update(user, id, form, upload);
                    redirect.addFlashAttribute("notice", "knowledge.library.saved");
                    return "redirect:" + document.path();
                },
                errors -> form(model, user, document, form, errors));
    }

    @GetMapping(LibraryDocument.BASE + "/{id}/usun")
    String confirmDelete(@PathVariable long id, CurrentUser user, Model model) {
        LibraryDocument document = managed(user, id);
        int linking = store.linkingTo(id, SearchAudience.of(user)).size();
        Confirmation confirmation = Confirmation.of(
                        document.path() + "/usun",
                        document.path(),
                        "knowledge.library.confirm.title",
                        "knowledge.library.confirm.button")
                .subject(document.title())
                .consequence("knowledge.library.confirm.gone")
                .consequence("knowledge.library.confirm.links", linking);
        if (document.hasFile()) {
            confirmation = confirmation.consequence("knowledge.library.confirm.file", document.fileName());
        }
        model.addAttribute("confirmation", confirmation.consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping(LibraryDocument.BASE + "/{id}/usun")
    String delete(
            @PathVariable long id,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        LibraryDocument document = managed(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + document.path() + "/usun";
        }
        management.delete(user, id);
        redirect.addFlashAttribute("notice", "knowledge.library.deleted");
        return "redirect:" + LibraryDocument.BASE;
    }

    private String form(
            Model model,
            CurrentUser user,
            @Nullable LibraryDocument document,
            LibraryDocumentForm form,
            FormErrors errors) {
        model.addAttribute("document", document);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", Arrays.asList(DocumentKind.values()));
        model.addAttribute("regions", permissions.regionsFor(user));
        model.addAttribute("allRegions", directory.regions());
        model.addAttribute("national", permissions.canAddNational(user));
        model.addAttribute("institutions", directory.institutions());
        model.addAttribute(
                "readerRoles",
                Arrays.stream(Role.values())
                        .filter(r -> r != Role.EDITOR && r != Role.ADMINISTRATOR)
                        .toList());
        model.addAttribute("maxSize", files.maxBytes() / (1024 * 1024));
        model.addAttribute(
                "choices",
                pickers.of(user, form, document == null ? null : document.id(), LocaleContextHolder.getLocale()));
        return "knowledge/library/form";
    }

    private void mayAdd(CurrentUser user) {
        if (!permissions.canAdd(user)) {
            throw new AccessDeniedException("Adds no library documents");
        }
    }

    /** The document if this person may edit it: 404 when they may not even open it, 403 when only that. */
    private LibraryDocument managed(CurrentUser user, long id) {
        LibraryDocument document = store.find(id)
                .map(LibraryStore.Listed::document)
                .filter(d -> LibraryAudience.mayOpen(user, d))
                .orElseThrow(() -> new NotFound("library document", id));
        if (!permissions.canManage(user, document)) {
            throw new AccessDeniedException("Not this person's library document");
        }
        return document;
    }
}
