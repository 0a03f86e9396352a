package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
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
import pl.koordes.monitoring.internal.ReportingValueChanges;
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
    private final ReportingValueChanges changes;
    private final MonitoringPermissions permissions;

    ReportingValueController(
            ReportingAccess access,
            ReportingValues values,
            ReportingValueChanges changes,
            MonitoringPermissions permissions) {
        this.access = access;
        this.values = values;
        this.changes = changes;
        this.permissions = permissions;
    }

    /** A value's page: the period and region in the address (checked for this person) and the value's line. */
    private record ValuePage(ReportingPeriod period, Region region, ReportingLine line) {

        String path() {
            return ReportingAccess.valuePath(period, region, line.indicatorId());
        }
    }

    /** The value's page for an operator who approves the region's values. */
    private ValuePage approving(long periodId, String slug, long indicatorId, CurrentUser user) {
        ReportingPeriod period = access.period(periodId);
        Region region = access.approving(slug, user);
        return new ValuePage(period, region, line(period, region, indicatorId));
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
                        changes.save(
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
        ValuePage page = approving(periodId, slug, indicatorId, user);
        try {
            changes.approve(page.period(), page.region(), page.line().indicatorId(), user.id());
            redirect.addFlashAttribute("notice", "monitoring.reporting.value.approved");
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", refused.messageKey());
        }
        return "redirect:" + page.path();
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
        ValuePage page = approving(periodId, slug, indicatorId, user);
        return submitOnPage(page, user, "reason", form, result, response, model, () -> {
            changes.returnForFix(page.period(), page.region(), page.line().indicatorId(), form.text(), user.id());
            return done(redirect, "monitoring.reporting.value.returned", page.path());
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
        ValuePage page = approving(periodId, slug, indicatorId, user);
        ReportingLine line = page.line();
        String back = page.path();
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
        ValuePage page = approving(periodId, slug, indicatorId, user);
        boolean answered = Confirmation.given(confirmed);
        return submitOnPage(page, user, "reason", form, result, response, model, () -> {
            if (!answered) {
                return "redirect:" + page.path() + "/korekta?reason="
                        + URLEncoder.encode(form.text(), StandardCharsets.UTF_8);
            }
            changes.reopen(page.period(), page.region(), page.line().indicatorId(), form.text(), user.id());
            return done(redirect, "monitoring.reporting.value.reopened", page.path());
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
        ValuePage page = new ValuePage(period, region, line(period, region, indicatorId));
        return submitOnPage(page, user, "note", form, result, response, model, () -> {
            changes.addNote(period, region, page.line().indicatorId(), form.text(), user.id());
            return done(redirect, "monitoring.reporting.note.added", page.path() + "#uwagi");
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

    /**
     * A form of the value's page other than the value's own (a reason, a note), shown under {@code attribute}:
     * the operation runs when it passes; otherwise the page again with the form as typed.
     */
    private String submitOnPage(
            ValuePage page,
            CurrentUser user,
            String attribute,
            Object form,
            BindingResult result,
            HttpServletResponse response,
            Model model,
            Supplier<String> operation) {
        return FormSubmission.submit(form, result, response, operation, errors -> {
            model.addAttribute(attribute, form);
            ReportingLine line = page.line();
            return show(model, user, page.period(), page.region(), line, formOf(line), errors, false);
        });
    }

    private static String done(RedirectAttributes redirect, String notice, String path) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:" + path;
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
