package pl.koordes.accounts.web.admin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import pl.koordes.accounts.AuditTrail;
import pl.koordes.accounts.internal.AccountPermissions;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.Paged;

/** The audit log for administrators: filtered, newest first, a page at a time, and exported as CSV. */
@Controller
class AuditAdminController {

    private final AuditTrail auditTrail;
    private final Messages messages;
    private final PageFactory pages;
    private final Clock clock;
    private final AccountPermissions permissions;

    AuditAdminController(
            AuditTrail auditTrail, Messages messages, PageFactory pages, Clock clock, AccountPermissions permissions) {
        this.auditTrail = auditTrail;
        this.messages = messages;
        this.pages = pages;
        this.clock = clock;
        this.permissions = permissions;
    }

    /** Runs before every handler here: the URL rule for /admin/** is the second line, this the first. */
    @ModelAttribute
    void requirePermission(CurrentUser user) {
        if (!permissions.canReadAuditLog(user)) {
            throw new AccessDeniedException("audit log");
        }
    }

    @GetMapping("/admin/dziennik")
    String log(
            @RequestParam(name = "akcja", defaultValue = "") String action,
            @RequestParam(name = "kto", defaultValue = "") String actor,
            @RequestParam(name = "od", defaultValue = "") String from,
            @RequestParam(name = "do", defaultValue = "") String to,
            @RequestParam(name = "strona", required = false) @Nullable String page,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        AuditFilterParameters parameters = new AuditFilterParameters(action, actor, from, to);
        FormErrors errors = parameters.errors();
        Paged<AuditTrail.AuditEntry> entries;
        if (errors.any()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            entries = new Paged<>(List.of(), 1, 1, 0);
        } else {
            entries = auditTrail.find(parameters.filter(), Paged.number(page));
        }
        model.addAttribute(
                "view",
                new AuditLogView(
                        parameters.action(),
                        parameters.actor(),
                        AuditFilterParameters.shown(parameters.from()),
                        AuditFilterParameters.shown(parameters.to()),
                        auditTrail.actions(),
                        entries,
                        new ActionLabels(messages, locale),
                        new AuditDescriptions(messages, locale)));
        model.addAttribute("errors", errors);
        return "accounts/admin/audit";
    }

    @GetMapping("/admin/dziennik.csv")
    void export(
            @RequestParam(name = "akcja", defaultValue = "") String action,
            @RequestParam(name = "kto", defaultValue = "") String actor,
            @RequestParam(name = "od", defaultValue = "") String from,
            @RequestParam(name = "do", defaultValue = "") String to,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        AuditFilterParameters parameters = new AuditFilterParameters(action, actor, from, to);
        if (parameters.errors().any()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Page page = pages.of(request);
        String name = page.t(
                "admin.audit.csv.fileName",
                LocalDate.now(clock.withZone(Formats.ZONE)).toString());
        Downloads.attachment(response, "text/csv;charset=UTF-8", name);
        try (AuditCsv csv = new AuditCsv(
                response.getOutputStream(),
                page,
                new ActionLabels(messages, locale),
                new AuditDescriptions(messages, locale))) {
            auditTrail.export(parameters.filter(), csv.writer());
        }
    }
}
