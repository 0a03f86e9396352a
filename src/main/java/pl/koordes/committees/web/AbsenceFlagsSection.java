package pl.koordes.committees.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.DecisionForm;
import pl.koordes.committees.internal.MeetingManagement;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.Directory;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.PageFactory;

/**
 * "Nieobecności" in the space, for the secretary only: each member flagged for three consecutive unexcused
 * absences with the days of the meetings, and the form recording the marshal's decision; decided flags below.
 */
@Component
class AbsenceFlagsSection implements SpaceSection {

    private final MeetingQueries queries;
    private final MeetingManagement meetings;
    private final Directory directory;
    private final CommitteePermissions permissions;
    private final PageFactory pages;
    private final TemplateEngine templates;

    AbsenceFlagsSection(
            MeetingQueries queries,
            MeetingManagement meetings,
            Directory directory,
            CommitteePermissions permissions,
            PageFactory pages,
            TemplateEngine templates) {
        this.queries = queries;
        this.meetings = meetings;
        this.directory = directory;
        this.permissions = permissions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Content> render(CommitteeSpace space, CurrentUser user, HttpServletRequest request) {
        if (!permissions.canManage(user, space.region().id())) {
            return Optional.empty();
        }
        List<MeetingQueries.Flag> flags = queries.flags(space.committee().id(), true);
        Map<Long, CommitteeSeat> seats = flags.isEmpty()
                ? Map.of()
                : directory.seats(space.committee().id()).stream()
                        .collect(Collectors.toMap(CommitteeSeat::id, Function.identity()));
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("base", CommitteePaths.space(space));
        model.put("flags", flags);
        model.put("seats", seats);
        model.put("form", DecisionForm.empty());
        model.put("today", meetings.today().toString());
        model.put("errors", FormErrors.none());
        return Optional.of(output -> templates.render("committees/meetings/flagsSection.jte", model, output));
    }
}
