package pl.koordes.committees.web;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.committees.internal.CommitteePermissions;
import pl.koordes.committees.internal.CommitteeSpace;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/** The committee space named by the address: the region by its slug and its committee (current, or else the latest). */
@Component
class SpaceLookup {

    private final Directory directory;
    private final CommitteePermissions permissions;
    private final Clock clock;

    SpaceLookup(Directory directory, CommitteePermissions permissions, Clock clock) {
        this.directory = directory;
        this.permissions = permissions;
        this.clock = clock;
    }

    /** The space in the address when this person is its secretary: unknown 404, not theirs 403. */
    CommitteeSpace managed(String slug, CurrentUser user) {
        CommitteeSpace space = space(slug);
        if (!permissions.canManage(user, space.region().id())) {
            throw new AccessDeniedException("Only the region's coordinators keep its committee's resolutions");
        }
        return space;
    }

    /** The space of the region in the address; an unknown region or one without a committee is not found. */
    CommitteeSpace space(String slug) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        LocalDate today = clock.instant().atZone(Formats.ZONE).toLocalDate();
        return directory
                .committee(region.id(), today)
                .map(c -> new CommitteeSpace(region, c))
                .orElseThrow(() -> new NotFound("committee of region", slug));
    }

    static String base(CommitteeSpace space) {
        return "/komitet/" + space.region().slug();
    }
}
