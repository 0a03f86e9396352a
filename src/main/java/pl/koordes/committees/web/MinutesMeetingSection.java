package pl.koordes.committees.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.MinutesStatus;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MinutesStore;
import pl.koordes.committees.internal.ResolutionStore;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.PageFactory;

/**
 * "Protokół i uchwały" on a held meeting's page: the minutes' state with a link (draft minutes only for the
 * secretary; to others "not yet sent"), and the resolutions and opinions adopted at the meeting that the visitor
 * may read.
 */
@Component
class MinutesMeetingSection implements MeetingSection {

    private final MinutesStore minutes;
    private final ResolutionStore resolutions;
    private final CommitteePermissions permissions;
    private final PageFactory pages;
    private final TemplateEngine templates;

    MinutesMeetingSection(
            MinutesStore minutes,
            ResolutionStore resolutions,
            CommitteePermissions permissions,
            PageFactory pages,
            TemplateEngine templates) {
        this.minutes = minutes;
        this.resolutions = resolutions;
        this.permissions = permissions;
        this.pages = pages;
        this.templates = templates;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Content> render(
            CommitteeSpace space, Meeting meeting, CurrentUser user, HttpServletRequest request) {
        if (meeting.status() != MeetingStatus.HELD) {
            return Optional.empty();
        }
        long region = space.region().id();
        boolean manage = permissions.canManage(user, region);
        MinutesStore.Minutes found = minutes.find(meeting.id()).orElse(null);
        boolean readable = found != null && (manage || found.status() != MinutesStatus.DRAFT);
        Map<String, Object> model = new HashMap<>();
        model.put("page", pages.of(request));
        model.put("space", space);
        model.put("meeting", meeting);
        model.put("minutes", readable ? found : null);
        model.put("manage", manage);
        model.put("resolutions", resolutions.atMeeting(region, meeting.id(), permissions.canSeeInternal(user, region)));
        return Optional.of(output -> templates.render("committees/resolutions/meetingSection.jte", model, output));
    }
}
