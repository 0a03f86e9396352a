package pl.koordes.advisory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.advisory.internal.AdvisoryCase;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/**
 * An advisory case's page: the request and its facts, then the sections the parts of the module contribute
 * ({@link CaseSection}). Confidential: the region, the assigned experts and the operator see it; anyone
 * else signed in is told there is no such case (404), so that an id says nothing about other regions.
 */
@Controller
class CaseController {

    private final AdvisoryStore store;
    private final AdvisoryPermissions permissions;
    private final List<CaseSection> sections;

    CaseController(AdvisoryStore store, AdvisoryPermissions permissions, List<CaseSection> sections) {
        this.store = store;
        this.permissions = permissions;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(CaseSection::order))
                .toList();
    }

    @GetMapping("/doradztwo/{id}")
    String advisoryCase(CurrentUser user, @PathVariable long id, HttpServletRequest request, Model model) {
        AdvisoryCase found = visibleCase(store, permissions, user, id);
        model.addAttribute("advisoryCase", found);
        model.addAttribute("operator", permissions.isOperator(user));
        model.addAttribute(
                "sections",
                sections.stream()
                        .map(section -> section.render(found, user, request))
                        .flatMap(Optional::stream)
                        .toList());
        return "advisory/case";
    }

    /** The case if this person may see it; otherwise NotFound, whether it exists or not. */
    static AdvisoryCase visibleCase(AdvisoryStore store, AdvisoryPermissions permissions, CurrentUser user, long id) {
        return store.findCase(id)
                .filter(c -> permissions.canSee(user, c.request().regionId(), c.expertIds()))
                .orElseThrow(() -> new NotFound("advisory", id));
    }
}
