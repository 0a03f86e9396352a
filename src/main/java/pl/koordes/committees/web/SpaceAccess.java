package pl.koordes.committees.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.committees.internal.Meeting;
import pl.koordes.committees.internal.MeetingStore;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/**
 * The committee space of an address, for the space's pages: an unknown region, or one without a committee, is
 * not found (404); a region the person is not an insider of is forbidden (403), as advisory's and monitoring's
 * region pages answer; a meeting id of another region, or a draft to a member, is not found.
 */
@Component
public class SpaceAccess {

    private final Directory directory;
    private final CommitteePermissions permissions;
    private final MeetingStore meetings;
    private final java.time.Clock clock;

    SpaceAccess(Directory directory, CommitteePermissions permissions, MeetingStore meetings, java.time.Clock clock) {
        this.directory = directory;
        this.permissions = permissions;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** The space for someone who sees the committee's internal matters. */
    public CommitteeSpace insider(@Nullable CurrentUser user, String slug) {
        Region region = region(slug);
        if (!permissions.canSeeInternal(user, region.id())) {
            throw new AccessDeniedException("Not an insider of the committee of " + slug);
        }
        return space(region);
    }

    /** The space for its secretary (a coordinator of the region, or an administrator). */
    public CommitteeSpace secretary(@Nullable CurrentUser user, String slug) {
        Region region = region(slug);
        if (!permissions.canManage(user, region.id())) {
            throw new AccessDeniedException("Not the secretary of the committee of " + slug);
        }
        return space(region);
    }

    /** The space whoever asks, for pages that decide themselves what to show (public resolutions). */
    public CommitteeSpace space(String slug) {
        return space(region(slug));
    }

    private Region region(String slug) {
        return directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
    }

    /** A meeting of the space the person may see: drafts only for the secretary, another region's not at all. */
    public Meeting meeting(CurrentUser user, CommitteeSpace space, long id) {
        Meeting meeting = meetings.find(space.region().id(), id)
                .filter(m -> m.committeeId() == space.committee().id())
                .orElseThrow(() -> new NotFound("committee meeting", id));
        if (meeting.status() == MeetingStatus.DRAFT
                && !permissions.canManage(user, space.region().id())) {
            throw new NotFound("committee meeting", id);
        }
        return meeting;
    }

    private CommitteeSpace space(Region region) {
        LocalDate today = clock.instant().atZone(Formats.ZONE).toLocalDate();
        return directory
                .committee(region.id(), today)
                .map(committee -> new CommitteeSpace(region, committee))
                .orElseThrow(() -> new NotFound("committee of region", region.slug()));
    }
}
