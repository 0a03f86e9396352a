package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.monitoring.internal.AreaForm;
import pl.koordes.monitoring.internal.DirectionForm;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.NationalActionForm;
import pl.koordes.monitoring.internal.NationalNumbers;
import pl.koordes.monitoring.internal.NationalProgramme.Action;
import pl.koordes.monitoring.internal.NationalProgramme.Area;
import pl.koordes.monitoring.internal.NationalProgramme.Direction;
import pl.koordes.monitoring.internal.NationalProgrammeManagement;
import pl.koordes.monitoring.internal.NationalProgrammeReads;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Administrators edit the national programme's structure: the overview of the whole tree, renaming an
 * area, and adding, changing and deleting directions and national actions. Indicators and their targets
 * are {@link NationalIndicatorAdminController}'s.
 */
@Controller
class NationalProgrammeAdminController {

    static final String BASE = "/admin/monitoring/kpres";

    private final NationalProgrammeReads reads;
    private final NationalProgrammeManagement management;
    private final MonitoringPermissions permissions;

    NationalProgrammeAdminController(
            NationalProgrammeReads reads, NationalProgrammeManagement management, MonitoringPermissions permissions) {
        this.reads = reads;
        this.management = management;
        this.permissions = permissions;
    }

    /** Runs before every handler here: the URL rule for /admin/** is the second line, this the first. */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canEditNational(user)) {
            throw new AccessDeniedException("national programme");
        }
    }

    @InitBinder
    void numbers(WebDataBinder binder) {
        binder.registerCustomEditor(BigDecimal.class, new NationalNumbers.Editor());
    }

    @GetMapping(BASE)
    String overview(Model model) {
        model.addAttribute("programme", reads.programme());
        return "monitoring/national/admin";
    }

    // Areas

    @GetMapping(BASE + "/obszary/{id}")
    String areaForm(@PathVariable long id, Model model) {
        Area area = area(id);
        return showArea(model, area, new AreaForm(area.namePl(), area.nameEn()), FormErrors.none());
    }

    @PostMapping(BASE + "/obszary/{id}")
    String saveArea(
            @PathVariable long id,
            @Valid AreaForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Area area = area(id);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.renameArea(id, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.area.saved");
                    return "redirect:" + BASE;
                },
                errors -> showArea(model, area, form, errors));
    }

    // Directions

    @GetMapping(BASE + "/obszary/{areaId}/kierunki/nowy")
    String newDirection(@PathVariable long areaId, Model model) {
        Area area = area(areaId);
        int position = reads.nextPosition("direction", areaId);
        return showDirection(
                model,
                area,
                null,
                new DirectionForm(area.code() + ".", null, null, null, position, null),
                FormErrors.none());
    }

    @PostMapping(BASE + "/obszary/{areaId}/kierunki/nowy")
    String createDirection(
            @PathVariable long areaId,
            @Valid DirectionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Area area = area(areaId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = management.createDirection(areaId, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.direction.created");
                    return "redirect:" + BASE + "/kierunki/" + id;
                },
                errors -> showDirection(model, area, null, form, errors));
    }

    @GetMapping(BASE + "/kierunki/{id}")
    String directionForm(@PathVariable long id, Model model) {
        Direction direction = direction(id);
        return showDirection(
                model,
                area(direction.areaId()),
                direction,
                new DirectionForm(
                        direction.code(),
                        direction.namePl(),
                        direction.nameEn(),
                        direction.description(),
                        direction.position(),
                        direction.rowVersion()),
                FormErrors.none());
    }

    @PostMapping(BASE + "/kierunki/{id}")
    String saveDirection(
            @PathVariable long id,
            @Valid DirectionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Direction direction = direction(id);
        Area area = area(direction.areaId());
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.updateDirection(id, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.direction.saved");
                    return "redirect:" + BASE + "/kierunki/" + id;
                },
                errors -> showDirection(model, area, direction, form, errors));
    }

    @GetMapping(BASE + "/kierunki/{id}/usun")
    String confirmDeleteDirection(@PathVariable long id, Model model) {
        Direction direction = direction(id);
        return directionQuestion(model, direction, reads.directionUsage(id).any());
    }

    @PostMapping(BASE + "/kierunki/{id}/usun")
    String deleteDirection(
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Direction direction = direction(id);
        return NationalDeletion.delete(
                confirmed,
                BASE + "/kierunki/" + id + "/usun",
                () -> management.deleteDirection(id),
                response,
                () -> directionQuestion(model, direction, true),
                redirect,
                "monitoring.national.direction.deleted",
                BASE);
    }

    private String directionQuestion(Model model, Direction direction, boolean refused) {
        String self = BASE + "/kierunki/" + direction.id();
        Confirmation question = Confirmation.of(
                        self + "/usun",
                        self,
                        "monitoring.national.direction.deleteTitle",
                        "monitoring.national.direction.deleteConfirm")
                .subject(direction.code() + " " + direction.namePl())
                .consequence(
                        "monitoring.national.direction.deleteActions",
                        reads.actionsOf(direction.id()).size())
                .consequence("confirm.irreversible");
        if (refused) {
            NationalProgrammeReads.Usage usage = reads.directionUsage(direction.id());
            question = question.refused(
                    "monitoring.national.direction.inUseCounts",
                    usage.regionalActions(),
                    usage.regions(),
                    usage.nationalIndicators());
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    // National actions

    @GetMapping(BASE + "/kierunki/{directionId}/dzialania/nowe")
    String newAction(@PathVariable long directionId, Model model) {
        Direction direction = direction(directionId);
        int position = reads.nextPosition("action", directionId);
        return showAction(
                model,
                direction,
                null,
                new NationalActionForm(direction.code() + "." + position, null, null, position, null),
                FormErrors.none());
    }

    @PostMapping(BASE + "/kierunki/{directionId}/dzialania/nowe")
    String createAction(
            @PathVariable long directionId,
            @Valid NationalActionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Direction direction = direction(directionId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.createAction(directionId, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.action.created");
                    return "redirect:" + BASE + "/kierunki/" + directionId;
                },
                errors -> showAction(model, direction, null, form, errors));
    }

    @GetMapping(BASE + "/dzialania/{id}")
    String actionForm(@PathVariable long id, Model model) {
        Action action = action(id);
        return showAction(
                model,
                direction(action.directionId()),
                action,
                new NationalActionForm(
                        action.code(), action.namePl(), action.nameEn(), action.position(), action.rowVersion()),
                FormErrors.none());
    }

    @PostMapping(BASE + "/dzialania/{id}")
    String saveAction(
            @PathVariable long id,
            @Valid NationalActionForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Action action = action(id);
        Direction direction = direction(action.directionId());
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.updateAction(id, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.action.saved");
                    return "redirect:" + BASE + "/kierunki/" + direction.id();
                },
                errors -> showAction(model, direction, action, form, errors));
    }

    @GetMapping(BASE + "/dzialania/{id}/usun")
    String confirmDeleteAction(@PathVariable long id, Model model) {
        return actionQuestion(model, action(id));
    }

    @PostMapping(BASE + "/dzialania/{id}/usun")
    String deleteAction(
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        Action action = action(id);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + BASE + "/dzialania/" + id + "/usun";
        }
        management.deleteAction(id);
        redirect.addFlashAttribute("notice", "monitoring.national.action.deleted");
        return "redirect:" + BASE + "/kierunki/" + action.directionId();
    }

    private String actionQuestion(Model model, Action action) {
        String self = BASE + "/dzialania/" + action.id();
        model.addAttribute(
                "confirmation",
                Confirmation.of(
                                self + "/usun",
                                self,
                                "monitoring.national.action.deleteTitle",
                                "monitoring.national.action.deleteConfirm")
                        .subject(action.code() + " " + action.namePl())
                        .consequence("monitoring.national.action.deleteWarning")
                        .consequence("confirm.irreversible"));
        return "shared/confirm";
    }

    // Reading

    private Area area(long id) {
        return reads.area(id).orElseThrow(() -> new NotFound("area", id));
    }

    private Direction direction(long id) {
        return reads.direction(id).orElseThrow(() -> new NotFound("direction", id));
    }

    private Action action(long id) {
        return reads.action(id).orElseThrow(() -> new NotFound("action", id));
    }

    private String showArea(Model model, Area area, AreaForm form, FormErrors errors) {
        model.addAttribute("area", area);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/national/area";
    }

    private String showDirection(
            Model model, Area area, @Nullable Direction direction, DirectionForm form, FormErrors errors) {
        model.addAttribute("area", area);
        model.addAttribute("direction", direction);
        model.addAttribute("actions", direction == null ? List.of() : reads.actionsOf(direction.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/national/direction";
    }

    private String showAction(
            Model model, Direction direction, @Nullable Action action, NationalActionForm form, FormErrors errors) {
        model.addAttribute("direction", direction);
        model.addAttribute("action", action);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/national/action";
    }
}
