package pl.koordes.postulates.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
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
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresAreas;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.DraftAttachments;
import pl.koordes.postulates.internal.DraftForm;
import pl.koordes.postulates.internal.DraftingManagement;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateView;
import pl.koordes.postulates.internal.PostulatesProperties;
import pl.koordes.postulates.internal.WithdrawalForm;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.UploadTypes;

/**
 * Drafting by a region: its list of postulates and drafts, a new draft, editing it (optimistic locking),
 * its attachments, submitting, deleting a draft and withdrawing a postulate; and the download of an
 * attachment for whoever may see the postulate. Who may do what is {@link PostulatePermissions}'s,
 * {@link DraftingManagement}'s and {@link DraftAttachments}'s to say; destructive actions ask first.
 */
@Controller
class DraftingController {

    @Bean
    static HeaderLink draftingHeaderLink(PostulatePermissions permissions) {
        return HeaderLink.to(REGION, "postulates.drafting.link", 55, permissions::draftsForSomeRegion);
    }

    static final String REGION = "/postulaty/region";

    private final DraftingManagement drafting;
    private final DraftAttachments attachments;
    private final PostulatePermissions permissions;
    private final PostulatesProperties settings;
    private final Directory directory;
    private final KpresAreas areas;

    DraftingController(
            DraftingManagement drafting,
            DraftAttachments attachments,
            PostulatePermissions permissions,
            PostulatesProperties settings,
            Directory directory,
            KpresAreas areas) {
        this.drafting = drafting;
        this.attachments = attachments;
        this.permissions = permissions;
        this.settings = settings;
        this.directory = directory;
        this.areas = areas;
    }

    /** The person's region's list, or a choice when they draft for several regions. */
    @GetMapping(REGION)
    String regions(CurrentUser user, Model model) {
        List<Region> regions = drafting.draftingRegions(user);
        if (regions.isEmpty()) {
            throw new AccessDeniedException("Drafts for no region");
        }
        if (regions.size() == 1) {
            return "redirect:" + REGION + "/" + regions.getFirst().slug();
        }
        model.addAttribute("regions", regions);
        return "postulates/drafting/regions";
    }

    @GetMapping(REGION + "/{slug}")
    String region(CurrentUser user, @PathVariable String slug, Model model) {
        Region region = drafter(user, slug);
        model.addAttribute("region", region);
        model.addAttribute("rows", drafting.regionList(region.id()));
        return "postulates/drafting/region";
    }

    @GetMapping(REGION + "/{slug}/nowy")
    String newDraft(CurrentUser user, @PathVariable String slug, Model model) {
        Region region = drafter(user, slug);
        return form(model, region, null, DraftForm.empty(), FormErrors.none());
    }

    @PostMapping(REGION + "/{slug}/nowy")
    String create(
            CurrentUser user,
            @PathVariable String slug,
            @Valid DraftForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Region region = drafter(user, slug);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = drafting.create(user, region.id(), form);
                    redirect.addFlashAttribute("draftingNotice", "postulates.drafting.created");
                    return "redirect:" + Postulate.path(id);
                },
                errors -> form(model, region, null, form, errors));
    }

    @GetMapping("/postulaty/{id}/edycja")
    String edit(CurrentUser user, @PathVariable long id, Model model) {
        Postulate postulate = onlyDraft(draft(user, id));
        return form(model, region(postulate), postulate, DraftForm.of(postulate), FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/edycja")
    String update(
            CurrentUser user,
            @PathVariable long id,
            @Valid DraftForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Postulate postulate = draft(user, id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    drafting.update(user, id, form);
                    redirect.addFlashAttribute("draftingNotice", "postulates.drafting.saved");
                    return "redirect:" + Postulate.path(id);
                },
                errors -> form(model, region(postulate), postulate, form, errors));
    }

    @GetMapping("/postulaty/{id}/zalaczniki")
    String attachments(CurrentUser user, @PathVariable long id, Model model) {
        return attachmentsPage(model, onlyDraft(draft(user, id)), FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/zalaczniki")
    String upload(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Postulate postulate = draft(user, id);
        try {
            attachments.add(user, id, UploadTypes.Upload.of(file));
        } catch (Refused refused) {
            response.setStatus(refused.kind() == Refused.Kind.CONFLICT ? 409 : 422);
            return attachmentsPage(model, postulate, FormErrors.of(refused));
        }
        redirect.addFlashAttribute("notice", "postulates.drafting.file.added");
        return "redirect:/postulaty/" + id + "/zalaczniki";
    }

    /**
     * An attachment's bytes, always as a download (never shown in the browser) and never guessed as
     * another type (nosniff); a public postulate's may be kept by any cache for a few minutes, a draft's
     * only by the reader's own browser.
     */
    @GetMapping("/postulaty/{id}/zalaczniki/{attachmentId}")
    void download(
            @PathVariable long id,
            @PathVariable long attachmentId,
            Optional<CurrentUser> user,
            HttpServletResponse response)
            throws IOException {
        DraftAttachments.AttachmentFile file = attachments.forDownload(user.orElse(null), id, attachmentId);
        boolean shared = file.publicPostulate();
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.content().length);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, UploadTypes.contentDisposition(file.fileName(), false));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, shared ? "public, max-age=300" : "private, max-age=300");
        if (!shared) {
            response.setHeader(HttpHeaders.VARY, "Cookie");
        }
        response.getOutputStream().write(file.content());
        response.getOutputStream().flush();
    }

    @GetMapping("/postulaty/{id}/zalaczniki/{attachmentId}/usun")
    String confirmRemoveAttachment(
            CurrentUser user, @PathVariable long id, @PathVariable long attachmentId, Model model) {
        draft(user, id);
        PostulateView.Attachment file = attachments.ofDraft(user, id, attachmentId);
        String back = "/postulaty/" + id + "/zalaczniki";
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                back + "/" + attachmentId + "/usun",
                                back,
                                "postulates.drafting.confirm.file.title",
                                "postulates.drafting.confirm.file.button")
                        .subject(file.fileName())
                        .consequence("postulates.drafting.confirm.file.gone")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/zalaczniki/{attachmentId}/usun")
    String removeAttachment(
            CurrentUser user,
            @PathVariable long id,
            @PathVariable long attachmentId,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        draft(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:/postulaty/" + id + "/zalaczniki/" + attachmentId + "/usun";
        }
        attachments.remove(user, id, attachmentId);
        redirect.addFlashAttribute("notice", "postulates.drafting.file.removed");
        return "redirect:/postulaty/" + id + "/zalaczniki";
    }

    @GetMapping("/postulaty/{id}/zloz")
    String confirmSubmit(CurrentUser user, @PathVariable long id, Model model) {
        Postulate postulate = submittable(user, id);
        Confirmation confirmation = Confirmation.of(
                        "/postulaty/" + id + "/zloz",
                        postulate.href(),
                        "postulates.drafting.confirm.submit.title",
                        "postulates.drafting.confirm.submit.button")
                .subject(postulate.title())
                .consequence("postulates.drafting.confirm.submit.public")
                .consequence("postulates.drafting.confirm.submit.signing", settings.signingDays())
                .consequence("postulates.drafting.confirm.submit.operators")
                .consequence("postulates.drafting.confirm.submit.final");
        if (postulate.status() != PostulateStatus.DRAFT) {
            confirmation = confirmation.refused("postulates.drafting.notDraft");
        }
        model.addAttribute("confirmation", confirmation);
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/zloz")
    String submit(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        submittable(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:/postulaty/" + id + "/zloz";
        }
        drafting.submit(user, id);
        redirect.addFlashAttribute("draftingNotice", "postulates.drafting.submitted");
        return "redirect:" + Postulate.path(id);
    }

    @GetMapping("/postulaty/{id}/usun")
    String confirmDelete(CurrentUser user, @PathVariable long id, Model model) {
        Postulate postulate = draft(user, id);
        int files = attachments.attachments(id).size();
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                "/postulaty/" + id + "/usun",
                                postulate.href(),
                                "postulates.drafting.confirm.delete.title",
                                "postulates.drafting.confirm.delete.button")
                        .subject(postulate.title())
                        .consequence("postulates.drafting.confirm.delete.gone", files)
                        .consequence("confirm.irreversible"));
        if (postulate.status() != PostulateStatus.DRAFT) {
            model.addAttribute(
                    "confirmation",
                    Confirmation.of(
                                    "/postulaty/" + id + "/usun",
                                    postulate.href(),
                                    "postulates.drafting.confirm.delete.title",
                                    "postulates.drafting.confirm.delete.button")
                            .subject(postulate.title())
                            .refused("postulates.drafting.notDraft"));
        }
        return "shared/confirm";
    }

    @PostMapping("/postulaty/{id}/usun")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        draft(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:/postulaty/" + id + "/usun";
        }
        Postulate deleted = drafting.delete(user, id);
        redirect.addFlashAttribute("notice", "postulates.drafting.deleted");
        return "redirect:" + REGION + "/" + region(deleted).slug();
    }

    @GetMapping("/postulaty/{id}/wycofaj")
    String confirmWithdraw(CurrentUser user, @PathVariable long id, Model model) {
        Postulate postulate = withdrawable(user, id);
        return withdrawPage(model, user, postulate, new WithdrawalForm(""), FormErrors.none());
    }

    @PostMapping("/postulaty/{id}/wycofaj")
    String withdraw(
            CurrentUser user,
            @PathVariable long id,
            @Valid WithdrawalForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Postulate postulate = withdrawable(user, id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:/postulaty/" + id + "/wycofaj";
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    drafting.withdraw(user, id, form.reasonText());
                    redirect.addFlashAttribute("draftingNotice", "postulates.drafting.withdrawn");
                    return "redirect:" + Postulate.path(id);
                },
                errors -> withdrawPage(model, user, postulate, form, errors));
    }

    private String withdrawPage(
            Model model, CurrentUser user, Postulate postulate, WithdrawalForm form, FormErrors errors) {
        model.addAttribute("postulate", postulate);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("allowed", permissions.canWithdraw(user, postulate.status(), postulate.regionId()));
        return "postulates/drafting/withdraw";
    }

    private String form(Model model, Region region, @Nullable Postulate postulate, DraftForm form, FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("postulate", postulate);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "institutions",
                directory.centralInstitutions().stream()
                        .map(DraftingController::option)
                        .toList());
        model.addAttribute("areas", areas.all());
        return "postulates/drafting/form";
    }

    private static String[] option(CentralInstitution institution) {
        return new String[] {
            String.valueOf(institution.id()),
            institution.shortName() == null
                    ? institution.name()
                    : institution.name() + " (" + institution.shortName() + ")"
        };
    }

    private String attachmentsPage(Model model, Postulate postulate, FormErrors errors) {
        model.addAttribute("postulate", postulate);
        model.addAttribute("files", attachments.attachments(postulate.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("maxSize", settings.attachmentMaxSize().toMegabytes());
        return "postulates/drafting/attachments";
    }

    private Region drafter(CurrentUser user, String slug) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canDraft(user, region.id())) {
            throw new AccessDeniedException("Not this region's drafter");
        }
        return region;
    }

    private Region region(Postulate postulate) {
        return directory.region(postulate.regionId()).orElseThrow();
    }

    /** A postulate of the person's region (404 for another region's draft, 403 for its public one). */
    private Postulate draft(CurrentUser user, long id) {
        return drafting.ofRegion(user, id);
    }

    /** Pages that change a draft are for drafts only: a submitted postulate's text is what the public reads. */
    private static Postulate onlyDraft(Postulate postulate) {
        if (postulate.status() != PostulateStatus.DRAFT) {
            throw Refused.conflict("postulates.drafting.notDraft");
        }
        return postulate;
    }

    private Postulate submittable(CurrentUser user, long id) {
        Postulate postulate = drafting.ofRegion(user, id);
        if (!permissions.canSubmit(user, postulate.regionId())) {
            throw new AccessDeniedException("Only the region's coordinator submits");
        }
        return postulate;
    }

    private Postulate withdrawable(CurrentUser user, long id) {
        Postulate postulate = drafting.ofRegion(user, id);
        if (!permissions.canSubmit(user, postulate.regionId())) {
            throw new AccessDeniedException("Only the region's coordinator withdraws");
        }
        return postulate;
    }
}
