package pl.koordes.committees.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.MeetingManagement;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PageFactory;
import pl.koordes.shared.web.Paged;

/**
 * "Posiedzenia" in the space: upcoming and past meetings (the past ones in pages) with their status, answers and attendance counts;
 * drafts and the link to prepare a meeting for the secretary only. One statement whatever the number of meetings.
 */
@Component
class MeetingsSpaceSection implements SpaceSection {

    private final MeetingQueries queries;
    private final MeetingManagement meetings;
    private final CommitteePermissions permissions;
    private final PageFactory pages;
    private final TemplateEngine templates;

    MeetingsSpaceSection(
            MeetingQueries queries,
            MeetingManagement meetings,
            CommitteePermissions permissions,
            PageFactory pages,
            TemplateEngine templates) {
        this.queries = queries;
        this.meetings = meetings;
        this.permissions = permissions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Content> render(CommitteeSpace space, CurrentUser user, HttpServletRequest request) {
        boolean secretary = permissions.canManage(user, space.region().id());
        MeetingQueries.Listing listing = queries.listing(
                space.committee().id(), secretary, meetings.now(), Paged.number(request.getParameter("minione")));
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("base", CommitteePaths.space(space));
        model.put("secretary", secretary);
        model.put("upcoming", listing.upcoming());
        model.put("past", listing.past());
        return Optional.of(output -> templates.render("committees/meetings/meetingsSection.jte", model, output));
    }
}
