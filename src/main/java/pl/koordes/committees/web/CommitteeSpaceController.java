package pl.koordes.committees.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.internal.CommitteePaths;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.MeetingCalendar;
import pl.koordes.committees.internal.MeetingQueries;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.CalendarFiles;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.HeaderLink;
import pl.koordes.shared.web.UploadTypes;

/**
 * The committee space: {@code /komitet} leads a coordinator or member of one region to its space and offers a
 * chooser to whoever has several (an administrator: every region); {@code /komitet/{slug}} shows the committee's
 * name and term and then every {@link SpaceSection} in order, to its insiders only; its calendar feed too.
 */
@Controller
class CommitteeSpaceController {

    private final SpaceAccess access;
    private final CommitteePermissions permissions;
    private final Directory directory;
    private final MeetingQueries queries;
    private final CalendarFiles calendars;
    private final List<SpaceSection> sections;

    CommitteeSpaceController(
            SpaceAccess access,
            CommitteePermissions permissions,
            Directory directory,
            MeetingQueries queries,
            CalendarFiles calendars,
            List<SpaceSection> sections) {
        this.access = access;
        this.permissions = permissions;
        this.directory = directory;
        this.queries = queries;
        this.calendars = calendars;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(SpaceSection::order))
                .toList();
    }

    @Bean
    static HeaderLink committeeLink(CommitteePermissions permissions) {
        return HeaderLink.to(CommitteePaths.ROOT, "committees.meetings.nav", 47, permissions::hasSpace);
    }

    @GetMapping(CommitteePaths.ROOT)
    String chooser(CurrentUser user, Model model) {
        if (!permissions.hasSpace(user)) {
            throw new AccessDeniedException("No committee space");
        }
        List<Region> regions;
        if (user.administrator()) {
            regions = directory.regions();
        } else {
            Set<Long> ids = new LinkedHashSet<>(user.regionsOf(Role.REGIONAL_COORDINATOR));
            ids.addAll(user.regionsOf(Role.COMMITTEE_MEMBER));
            regions = directory.regions().stream()
                    .filter(r -> ids.contains(r.id()))
                    .toList();
        }
        if (regions.size() == 1) {
            return "redirect:" + CommitteePaths.ROOT + "/" + regions.getFirst().slug();
        }
        model.addAttribute("regions", regions);
        return "committees/meetings/chooser";
    }

    @GetMapping(CommitteePaths.ROOT + "/{slug}")
    String space(CurrentUser user, @PathVariable String slug, HttpServletRequest request, Model model) {
        CommitteeSpace space = access.insider(user, slug);
        List<Content> rendered = sections.stream()
                .flatMap(s -> s.render(space, user, request).stream())
                .toList();
        model.addAttribute("space", space);
        model.addAttribute("sections", rendered);
        model.addAttribute(
                "secretary", permissions.canManage(user, space.region().id()));
        return "committees/meetings/space";
    }

    /** The committee's meetings (convened, held, cancelled) as a calendar to subscribe to or import. */
    @GetMapping(CommitteePaths.ROOT + "/{slug}/kalendarz.ics")
    ResponseEntity<byte[]> calendar(CurrentUser user, @PathVariable String slug) {
        CommitteeSpace space = access.insider(user, slug);
        List<CalendarFiles.Entry> entries = queries.meetings(space.committee().id(), false).stream()
                .map(MeetingQueries.Listed::meeting)
                .filter(m -> m.status() != MeetingStatus.DRAFT)
                .map(m -> MeetingCalendar.entry(m, CommitteePaths.meeting(space, m.id())))
                .toList();
        byte[] body = calendars.file(entries, space.committee().name()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, UploadTypes.contentDisposition("komitet.ics", false))
                .body(body);
    }
}
