package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ProgrammeComparison;
import pl.koordes.monitoring.internal.ProgrammeForms.ActionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.AdoptForm;
import pl.koordes.monitoring.internal.ProgrammeForms.DetailsForm;
import pl.koordes.monitoring.internal.ProgrammeForms.GoalForm;
import pl.koordes.monitoring.internal.ProgrammeForms.IndicatorForm;
import pl.koordes.monitoring.internal.ProgrammeForms.OpinionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.StartForm;
import pl.koordes.monitoring.internal.ProgrammeManagement;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.monitoring.internal.VersionStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Preparing and adopting an update of a region's programme, under {@code /monitoring/regiony/{slug}/projekt}.
 * Every handler first finds the region in the address and checks {@link MonitoringPermissions} for it
 * (unknown region 404, not this person's 403), then works on that region's draft only: a goal, an action or
 * an indicator is looked up within the draft, so an id of another version or region is not found, and a
 * current or superseded version cannot be changed by any address or form. Reading the draft is for the
 * region (coordinators, committee members), operators and central institutions; editing for the region's
 * coordinators and operators; the committee's opinion for the region's committee and coordinators.
 */
@Controller
class ProgrammeDraftController {

    static final String BASE = ProgrammeController.BASE + "/{slug}/projekt";

    /** The name of the submit buttons that add or remove a target row instead of saving. */
    static final String ROW_ACTION = "akcja";

    private static final Pattern ROW = Pattern.compile("(dodaj|usun)-cel(?:-(\\d{1,3}))?");

    private final Directory directory;
    private final ProgrammeStore store;
    private final ProgrammeManagement management;
    private final MonitoringPermissions permissions;

    ProgrammeDraftController(
            Directory directory,
            ProgrammeStore store,
            ProgrammeManagement management,
            MonitoringPermissions permissions) {
        this.directory = directory;
        this.store = store;
        this.management = management;
        this.permissions = permissions;
    }

    // The draft, starting an update, founding a programme

    @GetMapping(BASE)
    String draft(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = readable(slug, user);
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
        Region region = editable(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.startUpdate(region.id(), user.id(), String.valueOf(form.rationale()));
                    redirect.addFlashAttribute("notice", "monitoring.programmes.draft.started");
                    return redirectTo(region);
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
        Region region = editable(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.createProgramme(region.id(), user.id(), form);
                    redirect.addFlashAttribute("notice", "monitoring.programmes.created");
                    return redirectTo(region);
                },
                errors -> showDraft(model, user, region, new StartForm(null), form, errors));
    }

    @GetMapping(BASE + "/porownanie")
    String comparison(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = readable(slug, user);
        List<Version> versions = store.versions(region.id());
        Version draft = draftOf(region, versions);
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
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        return showForm(model, region, draft, "details", DetailsForm.of(draft), FormErrors.none());
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
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.updateDetails(draft, form);
                    return saved(redirect, region);
                },
                errors -> showForm(model, region, draft, "details", form, errors));
    }

    // Goals

    @GetMapping(BASE + "/cele/nowy")
    String newGoal(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        model.addAttribute("goal", null);
        return showForm(model, region, draft, "goal", new GoalForm("", "", draft.rowVersion()), FormErrors.none());
    }

    @GetMapping(BASE + "/cele/{goalId}")
    String goal(@PathVariable String slug, @PathVariable long goalId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Goal goal = goal(store.content(draft), goalId);
        model.addAttribute("goal", goal);
        return showForm(model, region, draft, "goal", GoalForm.of(goal, draft.rowVersion()), FormErrors.none());
    }

    @PostMapping({BASE + "/cele/nowy", BASE + "/cele/{goalId}"})
    String saveGoal(
            @PathVariable String slug,
            @PathVariable(required = false) @Nullable Long goalId,
            CurrentUser user,
            @Valid GoalForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Goal goal = goalId == null ? null : goal(store.content(draft), goalId);
        model.addAttribute("goal", goal);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (goal == null) {
                        management.createGoal(draft, form);
                    } else {
                        management.updateGoal(draft, goal, form);
                    }
                    return saved(redirect, region);
                },
                errors -> showForm(model, region, draft, "goal", form, errors));
    }

    @GetMapping(BASE + "/cele/{goalId}/usun")
    String confirmDeleteGoal(@PathVariable String slug, @PathVariable long goalId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Content content = store.content(draft);
        Goal goal = goal(content, goalId);
        int actions = content.actionsOf(goal).size();
        int indicators = content.indicatorsOf(goal).size();
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                base(region) + "/cele/" + goalId + "/usun",
                                base(region),
                                "monitoring.programmes.goal.delete.title",
                                "monitoring.programmes.goal.delete.button")
                        .subject(goal.name())
                        .consequence("monitoring.programmes.goal.delete.actions", actions)
                        .consequence("monitoring.programmes.goal.delete.indicators", indicators)
                        .consequence("monitoring.programmes.draftOnly")
                        .field("rowVersion", Integer.toString(draft.rowVersion())));
        return "shared/confirm";
    }

    @PostMapping(BASE + "/cele/{goalId}/usun")
    String deleteGoal(
            @PathVariable String slug,
            @PathVariable long goalId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Goal goal = goal(store.content(draft), goalId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(region) + "/cele/" + goalId + "/usun";
        }
        management.deleteGoal(draft, goal, rowVersion);
        redirect.addFlashAttribute("notice", "monitoring.programmes.deleted");
        return redirectTo(region);
    }

    // Actions

    @GetMapping(BASE + "/dzialania/nowe")
    String newAction(
            @PathVariable String slug,
            @RequestParam(name = "cel", required = false) @Nullable Long goalId,
            CurrentUser user,
            Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        model.addAttribute("action", null);
        return showForm(
                model,
                region,
                draft,
                "action",
                new ActionForm(goalId, "", "", List.of(), draft.rowVersion()),
                FormErrors.none());
    }

    @GetMapping(BASE + "/dzialania/{actionId}")
    String action(@PathVariable String slug, @PathVariable long actionId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Action action = action(store.content(draft), actionId);
        model.addAttribute("action", action);
        return showForm(model, region, draft, "action", ActionForm.of(action, draft.rowVersion()), FormErrors.none());
    }

    @PostMapping({BASE + "/dzialania/nowe", BASE + "/dzialania/{actionId}"})
    String saveAction(
            @PathVariable String slug,
            @PathVariable(required = false) @Nullable Long actionId,
            CurrentUser user,
            @Valid ActionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Action action = actionId == null ? null : action(store.content(draft), actionId);
        model.addAttribute("action", action);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (action == null) {
                        management.createAction(draft, form);
                    } else {
                        management.updateAction(draft, action, form);
                    }
                    return saved(redirect, region);
                },
                errors -> showForm(model, region, draft, "action", form, errors));
    }

    @GetMapping(BASE + "/dzialania/{actionId}/usun")
    String confirmDeleteAction(@PathVariable String slug, @PathVariable long actionId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Action action = action(store.content(draft), actionId);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                base(region) + "/dzialania/" + actionId + "/usun",
                                base(region),
                                "monitoring.programmes.action.delete.title",
                                "monitoring.programmes.action.delete.button")
                        .subject(action.name())
                        .consequence(
                                "monitoring.programmes.action.delete.directions",
                                action.directions().size())
                        .consequence("monitoring.programmes.draftOnly")
                        .field("rowVersion", Integer.toString(draft.rowVersion())));
        return "shared/confirm";
    }

    @PostMapping(BASE + "/dzialania/{actionId}/usun")
    String deleteAction(
            @PathVariable String slug,
            @PathVariable long actionId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Action action = action(store.content(draft), actionId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(region) + "/dzialania/" + actionId + "/usun";
        }
        management.deleteAction(draft, action, rowVersion);
        redirect.addFlashAttribute("notice", "monitoring.programmes.deleted");
        return redirectTo(region);
    }

    // Indicators and their targets

    @GetMapping(BASE + "/wskazniki/nowy")
    String newIndicator(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        model.addAttribute("indicator", null);
        return showForm(model, region, draft, "indicator", IndicatorForm.blank(draft.rowVersion()), FormErrors.none());
    }

    @GetMapping(BASE + "/wskazniki/{indicatorId}")
    String indicator(@PathVariable String slug, @PathVariable long indicatorId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Indicator indicator = indicator(store.content(draft), indicatorId);
        model.addAttribute("indicator", indicator);
        return showForm(
                model, region, draft, "indicator", IndicatorForm.of(indicator, draft.rowVersion()), FormErrors.none());
    }

    /**
     * Adds an indicator ({@code nowy}) or saves the one in the address; the target rows' buttons show the
     * form again with a row added or removed, saving nothing.
     */
    @PostMapping({BASE + "/wskazniki/nowy", BASE + "/wskazniki/{indicatorId}"})
    String saveIndicator(
            @PathVariable String slug,
            @PathVariable(required = false) @Nullable Long indicatorId,
            CurrentUser user,
            @Valid IndicatorForm form,
            BindingResult result,
            @RequestParam(name = ROW_ACTION, required = false) @Nullable String rowAction,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Indicator indicator = indicatorId == null ? null : indicator(store.content(draft), indicatorId);
        model.addAttribute("indicator", indicator);
        IndicatorForm changed = rowsChanged(form, rowAction);
        if (changed != null) {
            return showForm(model, region, draft, "indicator", changed, FormErrors.none());
        }
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (indicator == null) {
                        management.addIndicator(draft, form);
                    } else {
                        management.updateIndicator(draft, indicator, form);
                    }
                    return saved(redirect, region);
                },
                errors -> showForm(model, region, draft, "indicator", form, errors));
    }

    static @Nullable IndicatorForm rowsChanged(IndicatorForm form, @Nullable String action) {
        if (action == null) {
            return null;
        }
        Matcher matcher = ROW.matcher(action);
        if (!matcher.matches()) {
            return null;
        }
        if (matcher.group(1).equals("dodaj")) {
            return form.withRow();
        }
        return matcher.group(2) == null ? form : form.withoutRow(Integer.parseInt(matcher.group(2)));
    }

    @GetMapping(BASE + "/wskazniki/{indicatorId}/usun")
    String confirmRemoveIndicator(
            @PathVariable String slug, @PathVariable long indicatorId, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Indicator indicator = indicator(store.content(draft), indicatorId);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                base(region) + "/wskazniki/" + indicatorId + "/usun",
                                base(region),
                                "monitoring.programmes.indicator.delete.title",
                                "monitoring.programmes.indicator.delete.button")
                        .subject(indicator.code() + " " + indicator.name())
                        .consequence(
                                "monitoring.programmes.indicator.delete.targets",
                                indicator.targets().size())
                        .consequence("monitoring.programmes.indicator.delete.values")
                        .consequence("monitoring.programmes.draftOnly")
                        .field("rowVersion", Integer.toString(draft.rowVersion())));
        return "shared/confirm";
    }

    @PostMapping(BASE + "/wskazniki/{indicatorId}/usun")
    String removeIndicator(
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Indicator indicator = indicator(store.content(draft), indicatorId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(region) + "/wskazniki/" + indicatorId + "/usun";
        }
        management.removeIndicator(draft, indicator, rowVersion);
        redirect.addFlashAttribute("notice", "monitoring.programmes.deleted");
        return redirectTo(region);
    }

    // The committee's opinion

    @GetMapping(BASE + "/opinia")
    String opinion(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = committee(slug, user);
        Version draft = draftOf(region);
        OpinionForm form = new OpinionForm(draft.committeeOpinion(), draft.committeeOpinionDate(), draft.rowVersion());
        return showForm(model, region, draft, "opinion", form, FormErrors.none());
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
        Region region = committee(slug, user);
        Version draft = draftOf(region);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.recordOpinion(draft, form);
                    return saved(redirect, region);
                },
                errors -> showForm(model, region, draft, "opinion", form, errors));
    }

    // Adopting and discarding

    /**
     * The adopting form; with its data in the address (the form was checked), the question before adopting,
     * saying what becomes current.
     */
    @GetMapping(BASE + "/przyjmij")
    String adoptForm(
            @PathVariable String slug, CurrentUser user, @Valid AdoptForm form, BindingResult result, Model model) {
        Region region = editable(slug, user);
        List<Version> versions = store.versions(region.id());
        Version draft = draftOf(region, versions);
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
        return showForm(
                model, region, draft, "adopt", new AdoptForm(null, null, draft.rowVersion()), FormErrors.none());
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
        Region region = editable(slug, user);
        Version draft = draftOf(region);
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
                    management.adopt(draft, form);
                    redirect.addFlashAttribute("notice", "monitoring.programmes.adopted");
                    return "redirect:" + ProgrammeController.BASE + "/" + region.slug();
                },
                errors -> showForm(model, region, draft, "adopt", form, errors));
    }

    @GetMapping(BASE + "/odrzuc")
    String confirmDiscard(@PathVariable String slug, CurrentUser user, Model model) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        Content content = store.content(draft);
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                base(region) + "/odrzuc",
                                base(region),
                                "monitoring.programmes.discard.title",
                                "monitoring.programmes.discard.button")
                        .subject(draft.name())
                        .consequence(
                                "monitoring.programmes.discard.content",
                                content.goals().size(),
                                content.actions().size(),
                                content.indicators().size())
                        .consequence("monitoring.programmes.discard.current")
                        .consequence("confirm.irreversible")
                        .field("rowVersion", Integer.toString(draft.rowVersion())));
        return "shared/confirm";
    }

    @PostMapping(BASE + "/odrzuc")
    String discard(
            @PathVariable String slug,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Region region = editable(slug, user);
        Version draft = draftOf(region);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + base(region) + "/odrzuc";
        }
        if (rowVersion == null || rowVersion != draft.rowVersion()) {
            redirect.addFlashAttribute("problem", "monitoring.programmes.stale");
            return redirectTo(region);
        }
        management.discard(draft);
        redirect.addFlashAttribute("notice", "monitoring.programmes.discarded");
        return redirectTo(region);
    }

    // Reading, in the order that keeps other regions' drafts out of reach

    /** The region in the address when this person may read its draft: unknown 404, not theirs 403. */
    private Region readable(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canReadRegion(user, region.id())) {
            throw new AccessDeniedException("programme draft of region " + region.id());
        }
        return region;
    }

    private Region editable(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canEditProgramme(user, region.id())) {
            throw new AccessDeniedException("programme of region " + region.id());
        }
        return region;
    }

    private Region committee(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canGiveCommitteeOpinion(user, region.id())) {
            throw new AccessDeniedException("committee opinion of region " + region.id());
        }
        return region;
    }

    private Version draftOf(Region region) {
        return draftOf(region, store.versions(region.id()));
    }

    private static Version draftOf(Region region, List<Version> versions) {
        return ProgrammeStore.withStatus(versions, VersionStatus.DRAFT)
                .orElseThrow(() -> new NotFound("programme draft of region", region.id()));
    }

    private static Goal goal(Content content, long id) {
        return content.goals().stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("goal", id));
    }

    private static Action action(Content content, long id) {
        return content.actions().stream()
                .filter(a -> a.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("action", id));
    }

    private static Indicator indicator(Content content, long id) {
        return content.indicators().stream()
                .filter(i -> i.indicatorId() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound("indicator", id));
    }

    /** A draft of a programme that has no current version yet is compared with nothing. */
    private static Content emptyLike(Version draft) {
        return new Content(draft, List.of(), List.of(), List.of());
    }

    static String base(Region region) {
        return ProgrammeController.BASE + "/" + region.slug() + "/projekt";
    }

    private static String redirectTo(Region region) {
        return "redirect:" + base(region);
    }

    private static String saved(RedirectAttributes redirect, Region region) {
        redirect.addFlashAttribute("notice", "monitoring.programmes.saved");
        return redirectTo(region);
    }

    private String showDraft(
            Model model, CurrentUser user, Region region, StartForm start, DetailsForm found, FormErrors errors) {
        List<Version> versions = store.versions(region.id());
        Version draft = ProgrammeStore.withStatus(versions, VersionStatus.DRAFT).orElse(null);
        model.addAttribute("region", region);
        model.addAttribute("versions", versions);
        model.addAttribute("draft", draft);
        model.addAttribute("content", draft == null ? null : store.content(draft));
        model.addAttribute("hasProgramme", !versions.isEmpty());
        model.addAttribute("canEdit", permissions.canEditProgramme(user, region.id()));
        model.addAttribute("canGiveOpinion", permissions.canGiveCommitteeOpinion(user, region.id()));
        model.addAttribute("start", start);
        model.addAttribute("found", found);
        model.addAttribute("errors", errors);
        return "monitoring/programmes/draft";
    }

    private String showForm(Model model, Region region, Version draft, String kind, Object form, FormErrors errors) {
        model.addAttribute("region", region);
        model.addAttribute("draft", draft);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        if ("action".equals(kind) || "indicator".equals(kind)) {
            model.addAttribute("content", store.content(draft));
            model.addAttribute("directions", store.directions());
            model.addAttribute("nationals", store.nationalIndicators());
        }
        return "monitoring/programmes/" + kind;
    }
}
