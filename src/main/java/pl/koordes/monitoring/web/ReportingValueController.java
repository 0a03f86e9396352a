package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ReportingFiles;
import pl.koordes.monitoring.internal.ReportingLine;
import pl.koordes.monitoring.internal.ReportingNoteForm;
import pl.koordes.monitoring.internal.ReportingNumbers;
import pl.koordes.monitoring.internal.ReportingPeriod;
import pl.koordes.monitoring.internal.ReportingReasonForm;
import pl.koordes.monitoring.internal.ReportingValueForm;
import pl.koordes.monitoring.internal.ReportingValues;
import pl.koordes.monitoring.internal.ValueStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Confirmation;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.FormSubmission;

/**
 * One value of a region in a period: its coordinator enters and saves it (with the row version it was
 * shown, so two people saving at once never overwrite each other silently), an operator approves it,
 * returns it with a reason or reopens an approved one for a correction (asking first), and both write notes.
 * The indicator is looked up within the region's current programme: another region's indicator id is 404.
 */
@Controller
class ReportingValueController {

    private static final String VALUE = ReportingAccess.BASE + "/{periodId}/{slug}/wskazniki/{indicatorId}";

    private final ReportingAccess access;
    private final ReportingValues values;
    private final MonitoringPermissions permissions;

    ReportingValueController(ReportingAccess access, ReportingValues values, MonitoringPermissions permissions) {
        this.access = access;
        this.values = values;
        this.permissions = permissions;
    }

    @GetMapping(VALUE)
    String value(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            Model model) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.readable(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        return show(model, user, period, region, line, formOf(line), FormErrors.none(), false);
    }

    @PostMapping(VALUE)
    String save(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @Valid ReportingValueForm form,
            BindingResult result,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.reporting(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        boolean[] conflict = {false};
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    try {
                        values.save(
                                period,
                                region.id(),
                                line.indicatorId(),
                                form.input(),
                                form.rowVersion(),
                                ReportingFiles.read(file),
                                user.id());
                    } catch (Refused refused) {
                        // A locked value (a forged save of a submitted or approved one) is a conflict too, but
                        // shown read-only with its message rather than as someone else's change.
                        conflict[0] = "monitoring.reporting.value.conflict".equals(refused.messageKey());
                        throw refused;
                    }
                    ReportingLine saved = line(period, region, indicatorId);
                    redirect.addFlashAttribute(
                            "notice",
                            saved.unexplained()
                                    ? "monitoring.reporting.value.savedOutlier"
                                    : "monitoring.reporting.value.saved");
                    return "redirect:" + ReportingAccess.valuePath(period, region, indicatorId);
                },
                errors -> {
                    // Shown again as typed; after a conflict, with the current value and its version beside it,
                    // so that saving again is a decision taken knowing what changed.
                    ReportingLine current = line(period, region, indicatorId);
                    ReportingValueForm again = conflict[0] ? withVersion(form, current) : form;
                    return show(model, user, period, region, current, again, errors, conflict[0]);
                });
    }

    @PostMapping(VALUE + "/zatwierdz")
    String approve(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        try {
            values.approve(period, region, line.indicatorId(), user.id());
            redirect.addFlashAttribute("notice", "monitoring.reporting.value.approved");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:" + ReportingAccess.valuePath(period, region, indicatorId);
    }

    @PostMapping(VALUE + "/zwroc")
    String returnValue(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @Valid ReportingReasonForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    values.returnForFix(period, region, line.indicatorId(), form.text(), user.id());
                    redirect.addFlashAttribute("notice", "monitoring.reporting.value.returned");
                    return "redirect:" + ReportingAccess.valuePath(period, region, indicatorId);
                },
                errors -> {
                    model.addAttribute("reason", form);
                    return show(model, user, period, region, line, formOf(line), errors, false);
                });
    }

    /** Asks before reopening an approved value, with the reason typed on the value's page. */
    @GetMapping(VALUE + "/korekta")
    String confirmReopen(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @Valid ReportingReasonForm form,
            BindingResult result,
            Model model) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        String back = ReportingAccess.valuePath(period, region, indicatorId);
        if (result.hasErrors() || form.reason() == null || form.reason().isBlank()) {
            return "redirect:" + back;
        }
        Confirmation question = Confirmation.of(
                        back + "/korekta",
                        back,
                        "monitoring.reporting.reopen.title",
                        "monitoring.reporting.reopen.button")
                .subject(line.code() + " " + line.name())
                .consequence("monitoring.reporting.reopen.draft")
                .consequence("monitoring.reporting.reopen.unpublished")
                .consequence("monitoring.reporting.reopen.mail")
                .field("reason", form.text());
        if (line.value() == null || line.value().status() != ValueStatus.APPROVED) {
            question = question.refused("monitoring.reporting.reopen.notApproved");
        }
        model.addAttribute("confirmation", question);
        return "shared/confirm";
    }

    @PostMapping(VALUE + "/korekta")
    String reopen(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @Valid ReportingReasonForm form,
            BindingResult result,
            @RequestParam(name = Confirmation.FIELD, required = false) @Nullable String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        ReportingLine line = line(period, region, indicatorId);
        String back = ReportingAccess.valuePath(period, region, indicatorId);
        boolean answered = Confirmation.given(confirmed);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    if (!answered) {
                        return "redirect:" + back + "/korekta?reason="
                                + URLEncoder.encode(form.text(), StandardCharsets.UTF_8);
                    }
                    values.reopen(period, region, line.indicatorId(), form.text(), user.id());
                    redirect.addFlashAttribute("notice", "monitoring.reporting.value.reopened");
                    return "redirect:" + back;
                },
                errors -> {
                    model.addAttribute("reason", form);
                    return show(model, user, period, region, line, formOf(line), errors, false);
                });
    }

    @PostMapping(VALUE + "/uwagi")
    String note(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            @Valid ReportingNoteForm form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.readable(slug, user);
        if (!canWriteNotes(user, region)) {
            throw new AccessDeniedException("notes of region " + region.id());
        }
        ReportingLine line = line(period, region, indicatorId);
        return FormSubmission.submit(
                form,
                result,
                response,
                () -> {
                    values.addNote(period, region, line.indicatorId(), form.text(), user.id());
                    redirect.addFlashAttribute("notice", "monitoring.reporting.note.added");
                    return "redirect:" + ReportingAccess.valuePath(period, region, indicatorId) + "#uwagi";
                },
                errors -> {
                    model.addAttribute("note", form);
                    return show(model, user, period, region, line, formOf(line), errors, false);
                });
    }

    @GetMapping(VALUE + "/plik")
    void file(
            @PathVariable long periodId,
            @PathVariable String slug,
            @PathVariable long indicatorId,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ReportingPeriod period = access.period(periodId);
        Region region = access.readable(slug, user);
        ReportingValues.StoredFile file = values.file(period, region, indicatorId)
                .orElseThrow(() -> new NotFound("file of indicator", indicatorId));
        Downloads.attachment(response, file.type(), file.name());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(file.data());
    }

    /** The coordinator of the region and those who approve (the conversation's two sides) write notes. */
    private boolean canWriteNotes(CurrentUser user, Region region) {
        return permissions.canReport(user, region.id()) || permissions.isOperator(user);
    }

    private ReportingLine line(ReportingPeriod period, Region region, long indicatorId) {
        return values.line(period, region.id(), indicatorId).orElseThrow(() -> new NotFound("indicator", indicatorId));
    }

    static ReportingValueForm formOf(ReportingLine line) {
        ReportingLine.Stored value = line.value();
        if (value == null) {
            return new ReportingValueForm(null, null, null, null, null, null, null);
        }
        return new ReportingValueForm(
                value.rowVersion(),
                ReportingNumbers.input(value.value()),
                value.notAvailable() ? "true" : null,
                value.expectedDate(),
                value.comment(),
                value.source(),
                value.explanation());
    }

    private static ReportingValueForm withVersion(ReportingValueForm form, ReportingLine current) {
        ReportingLine.Stored value = current.value();
        return new ReportingValueForm(
                value == null ? null : value.rowVersion(),
                form.value(),
                form.notAvailable(),
                form.expectedDate(),
                form.comment(),
                form.source(),
                form.explanation());
    }

    private String show(
            Model model,
            CurrentUser user,
            ReportingPeriod period,
            Region region,
            ReportingLine line,
            ReportingValueForm form,
            FormErrors errors,
            boolean conflict) {
        ReportingLine.Stored value = line.value();
        model.addAttribute("period", period);
        model.addAttribute("region", region);
        model.addAttribute("line", line);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("notes", value == null ? List.of() : values.notes(value.id()));
        model.addAttribute("canReport", permissions.canReport(user, region.id()) && line.editable());
        model.addAttribute("reporter", permissions.canReport(user, region.id()));
        model.addAttribute("canApprove", permissions.canApprove(user, region.id()));
        model.addAttribute("canWriteNotes", value != null && canWriteNotes(user, region));
        model.addAttribute("typedOutlier", ReportingLine.outlier(parsed(form.value()), line.previous()));
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", new ReportingReasonForm(null));
        }
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", new ReportingNoteForm(null));
        }
        return "monitoring/reporting/value";
    }

    private static @Nullable BigDecimal parsed(@Nullable String text) {
        return ReportingNumbers.valid(text) ? ReportingNumbers.parse(text) : null;
    }
}
