package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.NationalIndicatorForm;
import pl.koordes.monitoring.internal.NationalIndicatorManagement;
import pl.koordes.monitoring.internal.NationalNumbers;
import pl.koordes.monitoring.internal.NationalProgramme.Area;
import pl.koordes.monitoring.internal.NationalProgramme.Indicator;
import pl.koordes.monitoring.internal.NationalProgrammeReads;
import pl.koordes.monitoring.internal.NationalTargetsForm;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Administrators edit the national indicators: add one to an area, change it (its direction within the
 * area, improvement, time rule and figures), delete it, and keep its yearly targets as rows of their own
 * ("add a row" and "remove" buttons post the form back; no script needed).
 */
@Controller
class NationalIndicatorAdminController {

    private static final String BASE = NationalProgrammeAdminController.BASE;

    /** The name of the submit buttons that add or remove a target row instead of saving. */
    static final String ROW_ACTION = "akcja";

    private static final Pattern ROW = Pattern.compile("dodaj-wiersz|usun-wiersz-(\\d{1,3})");

    private final NationalProgrammeReads reads;
    private final NationalIndicatorManagement management;
    private final MonitoringPermissions permissions;
    private final SpringValidatorAdapter validator;

    NationalIndicatorAdminController(
            NationalProgrammeReads reads,
            NationalIndicatorManagement management,
            MonitoringPermissions permissions,
            Validator validator) {
        this.reads = reads;
        this.management = management;
        this.permissions = permissions;
        this.validator = new SpringValidatorAdapter(validator);
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

    @GetMapping(BASE + "/obszary/{areaId}/wskazniki/nowy")
    String newIndicator(@PathVariable long areaId, Model model) {
        Area area = area(areaId);
        return show(
                model,
                area,
                null,
                NationalIndicatorForm.blank(reads.nextPosition("indicator", areaId)),
                FormErrors.none());
    }

    @PostMapping(BASE + "/obszary/{areaId}/wskazniki/nowy")
    String create(
            @PathVariable long areaId,
            @Valid NationalIndicatorForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Area area = area(areaId);
        checkConverted(form, result);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = management.createIndicator(areaId, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.indicator.created");
                    return "redirect:" + BASE + "/wskazniki/" + id;
                },
                errors -> show(model, area, null, form, errors));
    }

    @GetMapping(BASE + "/wskazniki/{id}")
    String form(@PathVariable long id, Model model) {
        Indicator indicator = indicator(id);
        return show(model, area(indicator.areaId()), indicator, indicator.form(), FormErrors.none());
    }

    @PostMapping(BASE + "/wskazniki/{id}")
    String save(
            @PathVariable long id,
            @Valid NationalIndicatorForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Indicator indicator = indicator(id);
        Area area = area(indicator.areaId());
        checkConverted(form, result);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.updateIndicator(id, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.indicator.saved");
                    return "redirect:" + BASE + "/wskazniki/" + id;
                },
                errors -> show(model, area, indicator, form, errors));
    }

    @GetMapping(BASE + "/wskazniki/{id}/usun")
    String confirmDelete(@PathVariable long id, Model model) {
        Indicator indicator = indicator(id);
        return question(model, indicator, reads.indicatorUsage(id).any());
    }

    @PostMapping(BASE + "/wskazniki/{id}/usun")
    String delete(
            @PathVariable long id,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Indicator indicator = indicator(id);
        return NationalDeletion.delete(
                confirmed,
                BASE + "/wskazniki/" + id + "/usun",
                () -> management.deleteIndicator(id),
                response,
                () -> question(model, indicator, true),
                redirect,
                "monitoring.national.indicator.deleted",
                BASE);
    }

    private String question(Model model, Indicator indicator, boolean refused) {
        String self = BASE + "/wskazniki/" + indicator.id();
        Confirmation question = Confirmation.of(
                        self + "/usun",
                        self,
                        "monitoring.national.indicator.deleteTitle",
                        "monitoring.national.indicator.deleteConfirm")
                .subject(indicator.code() + " " + indicator.namePl())
                .consequence(
                        "monitoring.national.indicator.deleteTargets",
                        indicator.targets().size())
                .consequence("confirm.irreversible");
        if (refused) {
            NationalProgrammeReads.Usage usage = reads.indicatorUsage(indicator.id());
            question = question.refused(
                    "monitoring.national.indicator.inUseCounts", usage.regionalIndicators(), usage.regions());
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    // Yearly targets

    @GetMapping(BASE + "/wskazniki/{id}/cele")
    String targets(@PathVariable long id, Model model) {
        Indicator indicator = indicator(id);
        return showTargets(model, indicator, indicator.targetsForm(), FormErrors.none());
    }

    /** Saves the targets, or shows the form again with a row added or removed when a row button was pressed. */
    @PostMapping(BASE + "/wskazniki/{id}/cele")
    String saveTargets(
            @PathVariable long id,
            @Valid NationalTargetsForm form,
            BindingResult result,
            @RequestParam(name = ROW_ACTION, required = false) @Nullable String action,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Indicator indicator = indicator(id);
        NationalTargetsForm changed = rowsChanged(form, action);
        if (changed != null) {
            return showTargets(model, indicator, changed, FormErrors.none());
        }
        checkConverted(form, result);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    management.saveTargets(id, form);
                    redirect.addFlashAttribute("notice", "monitoring.national.targets.saved");
                    return "redirect:" + BASE + "/wskazniki/" + id + "/cele";
                },
                errors -> showTargets(model, indicator, form, errors));
    }

    /** The form with a row added or removed, or null when the form is to be saved. */
    static @Nullable NationalTargetsForm rowsChanged(NationalTargetsForm form, @Nullable String action) {
        if (action == null) {
            return null;
        }
        Matcher matcher = ROW.matcher(action);
        if (!matcher.matches()) {
            return null;
        }
        return matcher.group(1) == null ? form.withRow() : form.withoutRow(Integer.parseInt(matcher.group(1)));
    }

    /**
     * Adds the errors of the annotations of the fields that did convert: Spring skips them all when one
     * value does not (a word for a number), and the person should see every error at once.
     */
    private void checkConverted(Object form, BindingResult result) {
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            DirectFieldBindingResult annotations = new DirectFieldBindingResult(form, result.getObjectName());
            validator.validate(form, annotations);
            for (FieldError error : annotations.getFieldErrors()) {
                if (!result.hasFieldErrors(error.getField())) {
                    result.addError(error);
                }
            }
        }
    }

    // Reading

    private Area area(long id) {
        return reads.area(id).orElseThrow(() -> new NotFound("area", id));
    }

    private Indicator indicator(long id) {
        return reads.indicator(id).orElseThrow(() -> new NotFound("indicator", id));
    }

    private String show(
            Model model, Area area, @Nullable Indicator indicator, NationalIndicatorForm form, FormErrors errors) {
        model.addAttribute("area", area);
        model.addAttribute("indicator", indicator);
        model.addAttribute("directions", reads.directionsOf(area.id()));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/national/indicator";
    }

    private String showTargets(Model model, Indicator indicator, NationalTargetsForm form, FormErrors errors) {
        model.addAttribute("indicator", indicator);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/national/targets";
    }
}
