package pl.koordes.monitoring.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.OpenDataExport;
import pl.koordes.monitoring.internal.TransferDrafts;
import pl.koordes.monitoring.internal.TransferImport;
import pl.koordes.monitoring.internal.TransferStore;
import pl.koordes.monitoring.internal.TransferTemplate;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.Downloads;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * A region's values of a period as files: the XLSX template to fill in, its import (every row checked,
 * nothing saved until the whole file is right) and the export of the values in every state. The region
 * and period in the address are checked first: an unknown one is 404, another region's 403.
 */
@Controller
class TransferController {

    static final String BASE = "/monitoring/sprawozdania/{periodId}/{slug}";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Directory directory;
    private final TransferStore store;
    private final TransferTemplate template;
    private final TransferImport imports;
    private final TransferDrafts drafts;
    private final OpenDataExport exports;
    private final MonitoringPermissions permissions;
    private final PageFactory pages;

    TransferController(
            Directory directory,
            TransferStore store,
            TransferTemplate template,
            TransferImport imports,
            TransferDrafts drafts,
            OpenDataExport exports,
            MonitoringPermissions permissions,
            PageFactory pages) {
        this.directory = directory;
        this.store = store;
        this.template = template;
        this.imports = imports;
        this.drafts = drafts;
        this.exports = exports;
        this.permissions = permissions;
        this.pages = pages;
    }

    /** The template: the region's coordinator and the operators. */
    @GetMapping(BASE + "/szablon.xlsx")
    void template(
            @PathVariable long periodId,
            @PathVariable String slug,
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Region region = region(slug);
        if (!permissions.canReport(user, region.id()) && !permissions.isOperator(user)) {
            throw new AccessDeniedException("monitoring template");
        }
        TransferStore.Period period = period(periodId);
        List<TransferStore.Line> lines = store.lines(region.id(), period);
        drafts.templateDownloaded(region.id(), period.id(), lines.size());
        Page page = pages.of(request);
        Downloads.attachment(response, XLSX, "szablon-" + region.slug() + "-" + fileLabel(period) + ".xlsx");
        template.write(response.getOutputStream(), page.locale(), region, period, lines);
    }

    /** A region's values of the period in every state: the region and those who read every region. */
    @GetMapping(BASE + "/wartosci.xlsx")
    void values(
            @PathVariable long periodId,
            @PathVariable String slug,
            CurrentUser user,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Region region = region(slug);
        if (!permissions.canReadRegion(user, region.id())) {
            throw new AccessDeniedException("monitoring values");
        }
        TransferStore.Period period = period(periodId);
        Page page = pages.of(request);
        Downloads.attachment(response, XLSX, "wartosci-" + region.slug() + "-" + fileLabel(period) + ".xlsx");
        exports.regionXlsx(
                response.getOutputStream(),
                page.locale(),
                region.name(page.locale()) + " — " + template.periodName(page.locale(), period),
                store.lines(region.id(), period));
    }

    @GetMapping(BASE + "/import")
    String importPage(
            @PathVariable long periodId, @PathVariable String slug, CurrentUser user, Locale locale, Model model) {
        Region region = region(slug);
        requireReporter(user, region);
        return show(model, locale, region, period(periodId), null, false);
    }

    @PostMapping(BASE + "/import")
    String importFile(
            @PathVariable long periodId,
            @PathVariable String slug,
            CurrentUser user,
            @RequestParam(name = "plik", required = false) @Nullable MultipartFile file,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Region region = region(slug);
        requireReporter(user, region);
        TransferStore.Period period = period(periodId);
        TransferImport.Outcome outcome;
        try {
            outcome = file == null
                    ? imports.importFile(user, region, period, null, 0, new ByteArrayResource(new byte[0]))
                    : imports.importFile(user, region, period, file.getOriginalFilename(), file.getSize(), file);
        } catch (Refused refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return show(model, locale, region, period, null, true);
        }
        if (!outcome.accepted()) {
            response.setStatus(422);
            return show(model, locale, region, period, outcome, false);
        }
        redirect.addFlashAttribute("importSaved", outcome.saved());
        redirect.addFlashAttribute("importUnchanged", outcome.unchanged());
        redirect.addFlashAttribute("importSkipped", outcome.skipped());
        return "redirect:/monitoring/sprawozdania/" + period.id() + "/" + region.slug() + "/import";
    }

    private String show(
            Model model,
            Locale locale,
            Region region,
            TransferStore.Period period,
            TransferImport.@Nullable Outcome outcome,
            boolean conflict) {
        model.addAttribute("region", region);
        model.addAttribute("period", period);
        model.addAttribute("periodName", template.periodName(locale, period));
        model.addAttribute("outcome", outcome);
        model.addAttribute("conflict", conflict);
        model.addAttribute("maxSize", TransferImport.MAX_SIZE.toMegabytes());
        return "monitoring/transfer/import";
    }

    private void requireReporter(CurrentUser user, Region region) {
        if (!permissions.canReport(user, region.id())) {
            throw new AccessDeniedException("monitoring import");
        }
    }

    private Region region(String slug) {
        return directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
    }

    private TransferStore.Period period(long id) {
        return store.period(id).orElseThrow(() -> new NotFound("period", id));
    }

    private static String fileLabel(TransferStore.Period period) {
        return period.half() == null ? Integer.toString(period.year()) : period.year() + "-" + period.half();
    }
}
