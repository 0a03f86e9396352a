package pl.koordes.postulates.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.view.RedirectView;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.postulates.internal.Postulate;
import pl.koordes.postulates.internal.PostulatePermissions;
import pl.koordes.postulates.internal.PostulateStore;
import pl.koordes.postulates.internal.PostulateView;
import pl.koordes.postulates.internal.PostulateViews;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/**
 * A postulate's page: its text, then the sections of each part of its way (signatures, answers, the
 * timeline, the operator's actions) and of other modules (comments). A merged postulate's address leads
 * to the one it was merged into; a draft is seen by its region only (anyone else gets 404, as if it did
 * not exist). Not a cached public page: the sections show what the signed-in person may do.
 */
@Controller
class PostulateController {

    private final PostulateStore store;
    private final PostulateViews views;
    private final PostulatePermissions permissions;
    private final List<PostulatePageSection> sections;

    PostulateController(
            PostulateStore store,
            PostulateViews views,
            PostulatePermissions permissions,
            List<PostulatePageSection> sections) {
        this.store = store;
        this.views = views;
        this.permissions = permissions;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(PostulatePageSection::order))
                .toList();
    }

    @GetMapping("/postulaty/{id}")
    Object postulate(@PathVariable long id, Optional<CurrentUser> user, HttpServletRequest request, Model model) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (postulate.status() == PostulateStatus.MERGED) {
            RedirectView view = new RedirectView(Postulate.path(store.mergedTarget(id)));
            view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
            view.setExposeModelAttributes(false);
            return view;
        }
        if (!permissions.canSee(user.orElse(null), postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", id);
        }
        PostulateView view = views.view(postulate);
        List<Content> below = sections.stream()
                .map(section -> section.render(postulate.reference(), request))
                .flatMap(Optional::stream)
                .toList();
        model.addAttribute("postulate", view);
        model.addAttribute("sections", below);
        return "postulates/postulate";
    }
}
