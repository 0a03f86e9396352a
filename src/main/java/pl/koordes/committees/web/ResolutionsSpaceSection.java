package pl.koordes.committees.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.ResolutionStore;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PageFactory;

/** "Uchwały i opinie" in the committee space: the latest few the visitor may read, a link to all, and to add one. */
@Component
class ResolutionsSpaceSection implements SpaceSection {

    /** How many of the latest the space shows. */
    static final int LATEST = 5;

    private final ResolutionStore store;
    private final CommitteePermissions permissions;
    private final PageFactory pages;
    private final TemplateEngine templates;

    ResolutionsSpaceSection(
            ResolutionStore store, CommitteePermissions permissions, PageFactory pages, TemplateEngine templates) {
        this.store = store;
        this.permissions = permissions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Content> render(CommitteeSpace space, CurrentUser user, HttpServletRequest request) {
        long region = space.region().id();
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("space", space);
        model.put("resolutions", store.list(region, null, null, permissions.canSeeInternal(user, region), LATEST));
        model.put("canManage", permissions.canManage(user, region));
        return Optional.of(output -> templates.render("committees/resolutions/spaceSection.jte", model, output));
    }
}
