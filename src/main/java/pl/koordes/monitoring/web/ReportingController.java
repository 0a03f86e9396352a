package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ReportingLine;
import pl.koordes.monitoring.internal.ReportingPeriod;
import pl.koordes.monitoring.internal.ReportingPeriods;
import pl.koordes.monitoring.internal.ReportingProgress;
import pl.koordes.monitoring.internal.ReportingReasonForm;
import pl.koordes.monitoring.internal.ReportingValueChanges;
import pl.koordes.monitoring.internal.ReportingValues;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;
import pl.koordes.shared.web.HeaderLink;

/**
 * Reporting at a glance and by region: the periods with where the person's regions (or all 16) stand, a
 * period's 16 regions with their status counts, and one region's values in a period, where its coordinator
 * submits drafts and an operator approves or returns everything submitted at once.
 */
@Controller
class ReportingController {

    /** The header's "Monitoring" link, for everyone with non-public monitoring to read. */
    @Bean
    static HeaderLink monitoringHeaderLink(MonitoringPermissions permissions) {
        return HeaderLink.to(
                ReportingAccess.BASE, "monitoring.reporting.link", 45, permissions::canUseMonitoringWorkspace);
    }

    private static final String BASE = ReportingAccess.BASE;

    private final ReportingAccess access;
    private final ReportingPeriods periods;
    private final ReportingValues values;
    private final ReportingValueChanges changes;
    private final MonitoringPermissions permissions;

    ReportingController(
            ReportingAccess access,
            ReportingPeriods periods,
            ReportingValues values,
            ReportingValueChanges changes,
            MonitoringPermissions permissions) {
        this.access = access;
        this.periods = periods;
        this.values = values;
        this.changes = changes;
        this.permissions = permissions;
    }

    @GetMapping(BASE)
    String periods(CurrentUser user, Model model) {
        access.workspace(user);
        List<ReportingPeriod> all = periods.all();
        boolean everyRegion = permissions.canReadAll(user);
        Map<Long, List<ReportingProgress>> progress =
                periods.progress(all.stream().map(ReportingPeriod::id).toList(), everyRegion ? null : ownRegions(user));
        model.addAttribute("periods", all);
        model.addAttribute("progress", progress);
        model.addAttribute("everyRegion", everyRegion);
        model.addAttribute("operator", permissions.isOperator(user));
        return "monitoring/reporting/periodsAtGlance";
    }

    @GetMapping(BASE + "/{periodId}")
    String period(@PathVariable long periodId, CurrentUser user, Model model) {
        access.workspace(user);
        ReportingPeriod period = access.period(periodId);
        boolean everyRegion = permissions.canReadAll(user);
        List<ReportingProgress> progress = everyRegion
                ? periods.progress(period.id())
                : periods.progress(List.of(period.id()), ownRegions(user)).getOrDefault(period.id(), List.of());
        model.addAttribute("period", period);
        model.addAttribute("progress", progress);
        model.addAttribute("everyRegion", everyRegion);
        model.addAttribute("operator", permissions.isOperator(user));
        return "monitoring/reporting/overview";
    }

    @GetMapping(BASE + "/{periodId}/{slug}")
    String region(@PathVariable long periodId, @PathVariable String slug, CurrentUser user, Model model) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.readable(slug, user);
        return show(model, user, period, region, new ReportingReasonForm(null), FormErrors.none());
    }

    /** Submits the drafts ticked ({@code wartosc}), or every draft ({@code wszystkie=tak}). */
    @PostMapping(BASE + "/{periodId}/{slug}/przekaz")
    String submit(
            @PathVariable long periodId,
            @PathVariable String slug,
            CurrentUser user,
            @RequestParam(name = "wartosc", required = false) @Nullable List<Long> chosen,
            @RequestParam(name = "wszystkie", required = false) @Nullable String all,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.reporting(slug, user);
        boolean everything = "tak".equals(all);
        if (!everything && (chosen == null || chosen.isEmpty())) {
            redirect.addFlashAttribute("problem", "monitoring.reporting.submit.noneChosen");
            return "redirect:" + ReportingAccess.regionPath(period, region);
        }
        try {
            int count = changes.submit(period, region, everything ? null : chosen, user.id());
            redirect.addFlashAttribute("notice", "monitoring.reporting.submitted");
            redirect.addFlashAttribute("noticeArgument", count);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:" + ReportingAccess.regionPath(period, region);
    }

    /** Approves every submitted value of the region in the period. */
    @PostMapping(BASE + "/{periodId}/{slug}/zatwierdz")
    String approveAll(
            @PathVariable long periodId, @PathVariable String slug, CurrentUser user, RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        try {
            int count = changes.approve(period, region, null, user.id());
            redirect.addFlashAttribute("notice", "monitoring.reporting.approved");
            redirect.addFlashAttribute("noticeArgument", count);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:" + ReportingAccess.regionPath(period, region);
    }

    /** Returns every submitted value of the region in the period, with one reason. */
    @PostMapping(BASE + "/{periodId}/{slug}/zwroc")
    String returnAll(
            @PathVariable long periodId,
            @PathVariable String slug,
            CurrentUser user,
            @Valid ReportingReasonForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    int count = changes.returnForFix(period, region, null, form.text(), user.id());
                    redirect.addFlashAttribute("notice", "monitoring.reporting.returned");
                    redirect.addFlashAttribute("noticeArgument", count);
                    return "redirect:" + ReportingAccess.regionPath(period, region);
                },
                errors -> show(model, user, period, region, form, errors));
    }

    private String show(
            Model model,
            CurrentUser user,
            ReportingPeriod period,
            Region region,
            ReportingReasonForm reason,
            FormErrors errors) {
        List<ReportingLine> lines = values.sheet(period, region.id());
        model.addAttribute("period", period);
        model.addAttribute("region", region);
        model.addAttribute("lines", lines);
        model.addAttribute("canReport", permissions.canReport(user, region.id()));
        model.addAttribute("canApprove", permissions.canApprove(user, region.id()));
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "monitoring/reporting/region";
    }

    private static Set<Long> ownRegions(CurrentUser user) {
        Set<Long> regions = new HashSet<>(user.regionsOf(Role.REGIONAL_COORDINATOR));
        regions.addAll(user.regionsOf(Role.COMMITTEE_MEMBER));
        if (regions.isEmpty()) {
            throw new AccessDeniedException("no region");
        }
        return regions;
    }
}
