package pl.koordes.monitoring.web;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.NationalProgrammeReads;
import pl.koordes.shared.database.AfterTransaction;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.AnonymousPageCache;
import pl.koordes.shared.web.PublicPage;

/**
 * The public page of the national programme (KPRES): its areas, directions and actions as a tree, and
 * each area's indicators in a table. Anonymous visitors get it from the page cache; a change of the
 * national programme empties the cache once committed (also when it was made by something other than a
 * request to this node's forms, which the cache notices by itself).
 */
@Controller
class NationalProgrammeController {

    private final NationalProgrammeReads reads;
    private final MonitoringPermissions permissions;
    private final ObjectProvider<AnonymousPageCache> pages;

    NationalProgrammeController(
            NationalProgrammeReads reads, MonitoringPermissions permissions, ObjectProvider<AnonymousPageCache> pages) {
        this.reads = reads;
        this.permissions = permissions;
        this.pages = pages;
    }

    @PublicPage
    @GetMapping("/monitoring/kpres")
    String programme(Optional<CurrentUser> user, Model model) {
        model.addAttribute("programme", reads.programme());
        // Visitors get the page from the cache without this link: it is for administrators, signed in.
        model.addAttribute("canEdit", permissions.canEditNational(user.orElse(null)));
        return "monitoring/national/programme";
    }

    @EventListener
    void changed(MonitoringChanged change) {
        if (change.regionId() == null) {
            AfterTransaction.run(() -> pages.ifAvailable(AnonymousPageCache::clear));
        }
    }
}
