package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.ProgrammeOpinions;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ProgrammeComparison;
import pl.koordes.monitoring.internal.ProgrammeForms.AdoptForm;
import pl.koordes.monitoring.internal.ProgrammeForms.DetailsForm;
import pl.koordes.monitoring.internal.ProgrammeForms.OpinionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.StartForm;
import pl.koordes.monitoring.internal.ProgrammeManagement;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.monitoring.internal.VersionStatus;
import pl.koordes.monitoring.web.ProgrammeDraftPages.Draft;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Preparing and adopting an update of a region's programme, under {@code /monitoring/regiony/{slug}/projekt}:
 * the draft, starting an update or founding a programme, the draft's details, the committee's opinion,
 * adopting and discarding (the draft's goals, actions and indicators: {@link ProgrammeContentController}).
 * Every handler first finds the region in the address and checks {@link MonitoringPermissions} for it
 * (unknown region 404, not this person's 403; {@link ProgrammeDraftPages}), then works on that region's draft
 * only, so a current or superseded version cannot be changed by any address or form. Reading the draft is for the
 * region (coordinators, committee members), operators and central institutions; editing for the region's
 * coordinators and operators; the committee's opinion for the region's committee and coordinators.
 */
@Controller
class ProgrammeDraftController {

    static final String BASE = ProgrammeController.BASE + "/{slug}/projekt";

    private final ProgrammeDraftPages pages;
    private final ProgrammeStore store;
    private final ProgrammeManagement management;
    private final MonitoringPermissions permissions;
    private final List<ProgrammeOpinions> opinions;

    ProgrammeDraftController(
            ProgrammeDraftPages pages,
            ProgrammeStore store,
            ProgrammeManagement management,
            MonitoringPermissions permissions,
            List<ProgrammeOpinions> opinions) {
        this.pages = pages;
        this.store = store;
        this.management = management;
        this.permissions = permissions;
        this.opinions = opinions;
    }

    // The draft, starting an update, founding a programme

    @GetMapping(BASE)
    String draft(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = pages.readable(slug, user);
        return showDraft(model, user, region, new StartForm(null), DetailsForm.blank(), FormErrors.none());
    }

    @PostMapping(BASE + "/nowy")
    String start(
            @PathVariable String slug,
            CurrentUser user,
            @Valid StartForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = pages.editable(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.startUpdate(region.id(), user.id(), String.valueOf(form.rationale()));
                    return started(redirect, region, "monitoring.programmes.draft.started");
                },
                errors -> showDraft(model, user, region, form, DetailsForm.blank(), errors));
    }

    @PostMapping(BASE + "/program")
    String found(
            @PathVariable String slug,
            CurrentUser user,
            @Valid DetailsForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = pages.editable(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.createProgramme(region.id(), user.id(), form);
                    return started(redirect, region, "monitoring.programmes.created");
                },
                errors -> showDraft(model, user, region, new StartForm(null), form, errors));
    }

    @GetMapping(BASE + "/porownanie")
    String comparison(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = pages.readable(slug, user);
        List<Version> versions = store.versions(region.id());
        Version draft = ProgrammeDraftPages.draftOf(region, versions);
        Content after = store.content(draft);
        Version current =
                ProgrammeStore.withStatus(versions, VersionStatus.CURRENT).orElse(null);
        Content before = current == null ? emptyLike(draft) : store.content(current);
        model.addAttribute("region", region);
        model.addAttribute("comparison", ProgrammeComparison.of(before, after));
        model.addAttribute("back", base(region));
        model.addAttribute("draftArea", true);
        return "monitoring/programmes/comparison";
    }

    // The draft's details

    @GetMapping(BASE + "/dane")
    String details(@PathVariable String slug, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        return pages.showForm(model, draft, "details", DetailsForm.of(draft.version()), FormErrors.none());
    }

    @PostMapping(BASE + "/dane")
    String saveDetails(
            @PathVariable String slug,
            CurrentUser user,
            @Valid DetailsForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Draft draft = pages.editableDraft(slug, user);
        return pages.save(
                draft,
                "details",
                form,
                result,
                response,
                model,
                redirect,
                () -> management.updateDetails(draft.version(), form));
    }

    // The committee's opinion

    @GetMapping(BASE + "/opinia")
    String opinion(@PathVariable String slug, CurrentUser user, Model model) {
        Draft draft = pages.committeeDraft(slug, user);
        Version version = draft.version();
        OpinionForm form =
                new OpinionForm(version.committeeOpinion(), version.committeeOpinionDate(), version.rowVersion());
        return pages.showForm(model, draft, "opinion", form, FormErrors.none());
    }

    @PostMapping(BASE + "/opinia")
    String saveOpinion(
            @PathVariable String slug,
            CurrentUser user,
            @Valid OpinionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Draft draft = pages.committeeDraft(slug, user);
        return pages.save(
                draft,
                "opinion",
                form,
                result,
                response,
                model,
                redirect,
                () -> management.recordOpinion(draft.version(), form));
    }

    // Adopting and discarding

    /**
     * The adopting form; with its data in the address (the form was checked), the question before adopting,
     * saying what becomes current.
     */
    @GetMapping(BASE + "/przyjmij")
    String adoptForm(
            @PathVariable String slug, CurrentUser user, @Valid AdoptForm form, BindingResult result, Model model) {
        Region region = pages.editable(slug, user);
        List<Version> versions = store.versions(region.id());
        Version draft = ProgrammeDraftPages.draftOf(region, versions);
        boolean filled = form.resolutionNumber() != null || form.resolutionDate() != null;
        if (filled && !FormErrors.check(form, result).any()) {
            Version current =
                    ProgrammeStore.withStatus(versions, VersionStatus.CURRENT).orElse(null);
            Confirmation question = Confirmation.of(
                            base(region) + "/przyjmij",
                            base(region),
                            "monitoring.programmes.adopt.title",
                            "monitoring.programmes.adopt.button")
                    .subject(draft.name())
                    .consequence(
                            "monitoring.programmes.adopt.becomesCurrent",
                            draft.number(),
                            String.valueOf(form.resolutionNumber()),
                            form.resolutionDate() == null ? "" : page(form))
                    .consequence(
                            current == null
                                    ? "monitoring.programmes.adopt.first"
                                    : "monitoring.programmes.adopt.supersedes",
                            current == null ? 0 : current.number())
                    .consequence("monitoring.programmes.adopt.readable")
                    .field("resolutionNumber", String.valueOf(form.resolutionNumber()))
                    .field("resolutionDate", String.valueOf(form.resolutionDate()))
                    .field("rowVersion", String.valueOf(form.rowVersion()));
            model.addAttribute("confirmation", question);
            return "shared/confirm";
        }
        AdoptForm blank = new AdoptForm(null, null, draft.rowVersion());
        return pages.showForm(model, new Draft(region, draft), "adopt", blank, FormErrors.none());
    }

    private static String page(AdoptForm form) {
        return form.resolutionDate() == null ? "" : Formats.date(form.resolutionDate());
    }

    @PostMapping(BASE + "/przyjmij")
    String adopt(
            @PathVariable String slug,
            CurrentUser user,
            @Valid AdoptForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Draft draft = pages.editableDraft(slug, user);
        Region region = draft.region();
        boolean answered = Confirmation.given(confirmed);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (!answered) {
                        return "redirect:"
                                + UriComponentsBuilder.fromPath(base(region) + "/przyjmij")
                                        .queryParam("resolutionNumber", form.resolutionNumber())
                                        .queryParam("resolutionDate", form.resolutionDate())
                                        .queryParam("rowVersion", form.rowVersion())
                                        .encode()
                                        .build()
                                        .toUriString();
                    }
                    management.adopt(draft.version(), form);
                    redirect.addFlashAttribute("notice", "monitoring.programmes.adopted");
                    return "redirect:" + ProgrammeController.BASE + "/" + region.slug();
                },
                errors -> pages.showForm(model, draft, "adopt", form, errors));
    }

    @GetMapping(BASE + "/odrzuc")
    String confirmDiscard(@PathVariable String slug, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Content content = store.content(draft.version());
        Confirmation question = ProgrammeDraftPages.question(
                        draft,
                        "/odrzuc",
                        "monitoring.programmes.discard",
                        draft.version().name())
                .consequence(
                        "monitoring.programmes.discard.content",
                        content.goals().size(),
                        content.actions().size(),
                        content.indicators().size())
                .consequence("monitoring.programmes.discard.current")
                .consequence("confirm.irreversible");
        return ProgrammeDraftPages.ask(model, draft, question);
    }

    @PostMapping(BASE + "/odrzuc")
    String discard(
            @PathVariable String slug,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Region region = pages.editable(slug, user);
        Version draft = pages.draftOf(region);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(region) + "/odrzuc";
        }
        if (rowVersion == null || rowVersion != draft.rowVersion()) {
            redirect.addFlashAttribute("problem", "monitoring.programmes.stale");
            return ProgrammeDraftPages.redirectTo(region);
        }
        management.discard(draft);
        return started(redirect, region, "monitoring.programmes.discarded");
    }

    /** Starting, founding or discarding: back to the draft's page with the notice. */
    private static String started(RedirectAttributes redirect, Region region, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return ProgrammeDraftPages.redirectTo(region);
    }

    /** A draft of a programme that has no current version yet is compared with nothing. */
    private static Content emptyLike(Version draft) {
        return new Content(draft, List.of(), List.of(), List.of());
    }

    static String base(Region region) {
        return ProgrammeDraftPages.base(region);
    }

    private String showDraft(
            Model model, CurrentUser user, Region region, StartForm start, DetailsForm found, FormErrors errors) {
        List<Version> versions = store.versions(region.id());
        Version draft = ProgrammeStore.withStatus(versions, VersionStatus.DRAFT).orElse(null);
        model.addAttribute("region", region);
        model.addAttribute("versions", versions);
        model.addAttribute("draft", draft);
        model.addAttribute("content", draft == null ? null : store.content(draft));
        model.addAttribute(
                "opinions",
                draft == null
                        ? List.of()
                        : opinions.stream()
                                .flatMap(o -> o.opinions(region.id(), draft.id(), user).stream())
                                .toList());
        model.addAttribute("hasProgramme", !versions.isEmpty());
        model.addAttribute("canEdit", permissions.canEditProgramme(user, region.id()));
        model.addAttribute("canGiveOpinion", permissions.canGiveCommitteeOpinion(user, region.id()));
        model.addAttribute("start", start);
        model.addAttribute("found", found);
        model.addAttribute("errors", errors);
        return "monitoring/programmes/draft";
    }
}
