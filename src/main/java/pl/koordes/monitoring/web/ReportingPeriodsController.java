package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.monitoring.internal.ReportingDeadlineForm;
import pl.koordes.monitoring.internal.ReportingPeriod;
import pl.koordes.monitoring.internal.ReportingPeriodForm;
import pl.koordes.monitoring.internal.ReportingPeriods;
import pl.koordes.monitoring.internal.ReportingProgress;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * Reporting periods, for operators: open one (a year or a half-year, once each), change its deadline, close
 * it (asking first, with how many regions have not submitted everything) and open it again.
 */
@Controller
class ReportingPeriodsController {

    private static final String PERIODS = ReportingAccess.PERIODS;

    private final ReportingAccess access;
    private final ReportingPeriods periods;
    private final Clock clock;

    ReportingPeriodsController(ReportingAccess access, ReportingPeriods periods, Clock clock) {
        this.access = access;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping(PERIODS)
    String list(CurrentUser user, Model model) {
        access.operator(user);
        return showList(
                model, ReportingPeriodForm.starting(LocalDate.now(clock.withZone(Formats.ZONE))), FormErrors.none());
    }

    @PostMapping(PERIODS)
    String open(
            CurrentUser user,
            @Valid ReportingPeriodForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        access.operator(user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    long id = periods.open(form, user.id());
                    redirect.addFlashAttribute("notice", "monitoring.reporting.period.opened");
                    return "redirect:" + ReportingAccess.BASE + "/" + id;
                },
                errors -> showList(model, form, errors));
    }

    @GetMapping(PERIODS + "/{periodId}")
    String edit(@PathVariable long periodId, CurrentUser user, Model model) {
        access.operator(user);
        ReportingPeriod period = access.period(periodId);
        return showEdit(model, period, new ReportingDeadlineForm(period.deadline()), FormErrors.none());
    }

    @PostMapping(PERIODS + "/{periodId}")
    String changeDeadline(
            @PathVariable long periodId,
            CurrentUser user,
            @Valid ReportingDeadlineForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        access.operator(user);
        ReportingPeriod period = access.period(periodId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    periods.changeDeadline(period.id(), deadline(form));
                    redirect.addFlashAttribute("notice", "monitoring.reporting.period.deadlineChanged");
                    return "redirect:" + PERIODS + "/" + period.id();
                },
                errors -> showEdit(model, period, form, errors));
    }

    private static LocalDate deadline(ReportingDeadlineForm form) {
        LocalDate deadline = form.deadline();
        if (deadline == null) {
            throw Refused.field("deadline", "monitoring.reporting.period.deadline.required");
        }
        return deadline;
    }

    /** Asks before closing: how many regions have not submitted everything. */
    @GetMapping(PERIODS + "/{periodId}/zamknij")
    String confirmClose(@PathVariable long periodId, CurrentUser user, Model model) {
        access.operator(user);
        ReportingPeriod period = access.period(periodId);
        List<ReportingProgress> progress = periods.progress(period.id());
        long incomplete = progress.stream().filter(p -> !p.complete()).count();
        String back = PERIODS + "/" + period.id();
        Confirmation question = Confirmation.of(
                        back + "/zamknij",
                        back,
                        "monitoring.reporting.period.close.title",
                        "monitoring.reporting.period.close.button")
                .subject(period.plainLabel())
                .consequence("monitoring.reporting.period.close.incomplete", incomplete)
                .consequence("monitoring.reporting.period.close.noNew");
        if (!period.open()) {
            question = question.refused("monitoring.reporting.period.alreadyClosed");
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    @PostMapping(PERIODS + "/{periodId}/zamknij")
    String close(
            @PathVariable long periodId,
            CurrentUser user,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            RedirectAttributes redirect) {
        access.operator(user);
        ReportingPeriod period = access.period(periodId);
        if (!Confirmation.given(confirmed)) {
            return "redirect:" + PERIODS + "/" + period.id() + "/zamknij";
        }
        act(() -> periods.close(period.id()), "monitoring.reporting.period.closed", redirect);
        return "redirect:" + PERIODS + "/" + period.id();
    }

    @PostMapping(PERIODS + "/{periodId}/otworz")
    String reopen(@PathVariable long periodId, CurrentUser user, RedirectAttributes redirect) {
        access.operator(user);
        ReportingPeriod period = access.period(periodId);
        act(() -> periods.reopen(period.id()), "monitoring.reporting.period.reopened", redirect);
        return "redirect:" + PERIODS + "/" + period.id();
    }

    private static void act(Runnable action, String notice, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
    }

    private String showList(Model model, ReportingPeriodForm form, FormErrors errors) {
        List<ReportingPeriod> all = periods.all();
        Map<Long, List<ReportingProgress>> progress =
                periods.progress(all.stream().map(ReportingPeriod::id).toList(), null);
        model.addAttribute("periods", all);
        model.addAttribute("progress", progress);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/reporting/periods";
    }

    private String showEdit(Model model, ReportingPeriod period, ReportingDeadlineForm form, FormErrors errors) {
        model.addAttribute("period", period);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "monitoring/reporting/periodEdit";
    }
}
