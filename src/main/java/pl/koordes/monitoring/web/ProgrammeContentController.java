package pl.koordes.monitoring.web;

import static pl.koordes.monitoring.web.ProgrammeDraftPages.ask;
import static pl.koordes.monitoring.web.ProgrammeDraftPages.delete;
import static pl.koordes.monitoring.web.ProgrammeDraftPages.question;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ProgrammeContentManagement;
import pl.koordes.monitoring.internal.ProgrammeForms.ActionForm;
import pl.koordes.monitoring.internal.ProgrammeForms.GoalForm;
import pl.koordes.monitoring.internal.ProgrammeForms.IndicatorForm;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.ProgrammeViews.Action;
import pl.koordes.monitoring.internal.ProgrammeViews.Content;
import pl.koordes.monitoring.internal.ProgrammeViews.Goal;
import pl.koordes.monitoring.internal.ProgrammeViews.Indicator;
import pl.koordes.monitoring.web.ProgrammeDraftPages.Draft;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;

/**
 * The content of a region's programme draft, under {@code /monitoring/regiony/{slug}/projekt}: its goals,
 * actions and indicators with their yearly targets. Every handler finds the region's draft for a person who
 * may edit it ({@link ProgrammeDraftPages}, {@link MonitoringPermissions#canEditProgramme}), then looks a
 * goal, an action or an indicator up within that draft, so an id of another version or region is not found.
 */
@Controller
class ProgrammeContentController {

    private static final String BASE = ProgrammeDraftController.BASE;

    /** The name of the submit buttons that add or remove a target row instead of saving. */
    static final String ROW_ACTION = "akcja";

    private static final Pattern ROW = Pattern.compile("(dodaj|usun)-cel(?:-(\\d{1,3}))?");

    private final ProgrammeDraftPages pages;
    private final ProgrammeStore store;
    private final ProgrammeContentManagement management;

    ProgrammeContentController(ProgrammeDraftPages pages, ProgrammeStore store, ProgrammeContentManagement management) {
        this.pages = pages;
        this.store = store;
        this.management = management;
    }

    // Goals

    @GetMapping(BASE + "/cele/nowy")
    String newGoal(@PathVariable String slug, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        return edit(
                model, draft, "goal", null, new GoalForm("", "", draft.version().rowVersion()));
    }

    @GetMapping(BASE + "/cele/{goalId}")
    String goal(@PathVariable String slug, @PathVariable long goalId, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Goal goal = goal(content(draft), goalId);
        return edit(
                model, draft, "goal", goal, GoalForm.of(goal, draft.version().rowVersion()));
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
        Draft draft = pages.editableDraft(slug, user);
        Goal goal = goalId == null ? null : goal(content(draft), goalId);
        model.addAttribute("goal", goal);
        Runnable save = createOrUpdate(
                goal,
                () -> management.createGoal(draft.version(), form),
                existing -> management.updateGoal(draft.version(), existing, form));
        return pages.save(draft, "goal", form, result, response, model, redirect, save);
    }

    @GetMapping(BASE + "/cele/{goalId}/usun")
    String confirmDeleteGoal(@PathVariable String slug, @PathVariable long goalId, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Content content = content(draft);
        Goal goal = goal(content, goalId);
        Confirmation question = question(
                        draft, "/cele/" + goalId + "/usun", "monitoring.programmes.goal.delete", goal.name())
                .consequence(
                        "monitoring.programmes.goal.delete.actions",
                        content.actionsOf(goal).size())
                .consequence(
                        "monitoring.programmes.goal.delete.indicators",
                        content.indicatorsOf(goal).size())
                .consequence("monitoring.programmes.draftOnly");
        return ask(model, draft, question);
    }

    @PostMapping(BASE + "/cele/{goalId}/usun")
    String deleteGoal(
            @PathVariable String slug,
            @PathVariable long goalId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Draft draft = pages.editableDraft(slug, user);
        Goal goal = goal(content(draft), goalId);
        return delete(
                draft,
                "/cele/" + goalId + "/usun",
                confirmed,
                redirect,
                () -> management.deleteGoal(draft.version(), goal, rowVersion));
    }

    // Actions

    @GetMapping(BASE + "/dzialania/nowe")
    String newAction(
            @PathVariable String slug,
            @RequestParam(name = "cel", required = false) @Nullable Long goalId,
            CurrentUser user,
            Model model) {
        Draft draft = pages.editableDraft(slug, user);
        return edit(
                model,
                draft,
                "action",
                null,
                new ActionForm(goalId, "", "", List.of(), draft.version().rowVersion()));
    }

    @GetMapping(BASE + "/dzialania/{actionId}")
    String action(@PathVariable String slug, @PathVariable long actionId, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Action action = action(content(draft), actionId);
        ActionForm form = ActionForm.of(action, draft.version().rowVersion());
        return edit(model, draft, "action", action, form);
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
        Draft draft = pages.editableDraft(slug, user);
        Action action = actionId == null ? null : action(content(draft), actionId);
        model.addAttribute("action", action);
        Runnable save = createOrUpdate(
                action,
                () -> management.createAction(draft.version(), form),
                existing -> management.updateAction(draft.version(), existing, form));
        return pages.save(draft, "action", form, result, response, model, redirect, save);
    }

    @GetMapping(BASE + "/dzialania/{actionId}/usun")
    String confirmDeleteAction(@PathVariable String slug, @PathVariable long actionId, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Action action = action(content(draft), actionId);
        Confirmation question = question(
                        draft, "/dzialania/" + actionId + "/usun", "monitoring.programmes.action.delete", action.name())
                .consequence(
                        "monitoring.programmes.action.delete.directions",
                        action.directions().size())
                .consequence("monitoring.programmes.draftOnly");
        return ask(model, draft, question);
    }

    @PostMapping(BASE + "/dzialania/{actionId}/usun")
    String deleteAction(
            @PathVariable String slug,
            @PathVariable long actionId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Draft draft = pages.editableDraft(slug, user);
        Action action = action(content(draft), actionId);
        return delete(
                draft,
                "/dzialania/" + actionId + "/usun",
                confirmed,
                redirect,
                () -> management.deleteAction(draft.version(), action, rowVersion));
    }

    // Indicators and their targets

    @GetMapping(BASE + "/wskazniki/nowy")
    String newIndicator(@PathVariable String slug, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        return edit(
                model,
                draft,
                "indicator",
                null,
                IndicatorForm.blank(draft.version().rowVersion()));
    }

    @GetMapping(BASE + "/wskazniki/{indicatorId}")
    String indicator(@PathVariable String slug, @PathVariable long indicatorId, CurrentUser user, Model model) {
        Draft draft = pages.editableDraft(slug, user);
        Indicator indicator = indicator(content(draft), indicatorId);
        IndicatorForm form = IndicatorForm.of(indicator, draft.version().rowVersion());
        return edit(model, draft, "indicator", indicator, form);
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
        Draft draft = pages.editableDraft(slug, user);
        Indicator indicator = indicatorId == null ? null : indicator(content(draft), indicatorId);
        IndicatorForm changed = rowsChanged(form, rowAction);
        if (changed != null) {
            return edit(model, draft, "indicator", indicator, changed);
        }
        model.addAttribute("indicator", indicator);
        Runnable save = createOrUpdate(
                indicator,
                () -> management.addIndicator(draft.version(), form),
                existing -> management.updateIndicator(draft.version(), existing, form));
        return pages.save(draft, "indicator", form, result, response, model, redirect, save);
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
        Draft draft = pages.editableDraft(slug, user);
        Indicator indicator = indicator(content(draft), indicatorId);
        Confirmation question = question(
                        draft,
                        "/wskazniki/" + indicatorId + "/usun",
                        "monitoring.programmes.indicator.delete",
                        indicator.code() + " " + indicator.name())
                .consequence(
                        "monitoring.programmes.indicator.delete.targets",
                        indicator.targets().size())
                .consequence("monitoring.programmes.indicator.delete.values")
                .consequence("monitoring.programmes.draftOnly");
        return ask(model, draft, question);
    }

    @PostMapping(BASE + "/wskazniki/{indicatorId}/usun")
    String removeIndicator(
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @RequestParam(required = false) @Nullable Integer rowVersion,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Draft draft = pages.editableDraft(slug, user);
        Indicator indicator = indicator(content(draft), indicatorId);
        return delete(
                draft,
                "/wskazniki/" + indicatorId + "/usun",
                confirmed,
                redirect,
                () -> management.removeIndicator(draft.version(), indicator, rowVersion));
    }

    private Content content(Draft draft) {
        return store.content(draft.version());
    }

    private static Goal goal(Content content, long id) {
        return within(content.goals(), Goal::id, "goal", id);
    }

    private static Action action(Content content, long id) {
        return within(content.actions(), Action::id, "action", id);
    }

    private static Indicator indicator(Content content, long id) {
        return within(content.indicators(), Indicator::indicatorId, "indicator", id);
    }

    /** The item of the draft's content with this id; not found when it belongs to another version or region. */
    private static <T> T within(List<T> items, ToLongFunction<T> idOf, String what, long id) {
        return items.stream()
                .filter(item -> idOf.applyAsLong(item) == id)
                .findFirst()
                .orElseThrow(() -> new NotFound(what, id));
    }

    /** The form of a goal, an action or an indicator ({@code kind}): a new one when {@code item} is null. */
    private String edit(Model model, Draft draft, String kind, @Nullable Object item, Object form) {
        model.addAttribute(kind, item);
        return pages.showForm(model, draft, kind, form, FormErrors.none());
    }

    /** What saving the form does: adds a new item when {@code item} is null, changes {@code item} otherwise. */
    private static <T> Runnable createOrUpdate(@Nullable T item, Runnable create, Consumer<T> update) {
        return () -> {
            if (item == null) {
                create.run();
            } else {
                update.accept(item);
            }
        };
    }
}
