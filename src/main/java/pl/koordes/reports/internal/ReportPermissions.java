package pl.koordes.reports.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who reads the programme report: the operator (editors, administrators) and central institutions, for the
 * whole country or any one region; a region's coordinators and committee members, for their own region only.
 * Everyone else signed in is refused (403).
 */
@Component
public class ReportPermissions {

    /** Whether the person may read the report of the whole country and of every region. */
    public boolean readsEveryRegion(@Nullable CurrentUser user) {
        return user != null
                && (user.has(Role.EDITOR) || user.has(Role.ADMINISTRATOR) || user.has(Role.CENTRAL_INSTITUTION));
    }

    /** Whether the person may read the report of this region. */
    public boolean readsRegion(@Nullable CurrentUser user, long regionId) {
        return readsEveryRegion(user)
                || (user != null
                        && (user.has(Role.REGIONAL_COORDINATOR, regionId)
                                || user.has(Role.COMMITTEE_MEMBER, regionId)));
    }

    /** Whether the person may read the report at all: for every region or for at least one. */
    public boolean readsSomeRegion(@Nullable CurrentUser user) {
        return readsEveryRegion(user)
                || (user != null && (user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.COMMITTEE_MEMBER)));
    }

    /** The regions the person may choose, in the list's order (all of them for the operator). */
    public List<Region> regionsOf(@Nullable CurrentUser user, List<Region> regions) {
        return regions.stream().filter(r -> readsRegion(user, r.id())).toList();
    }
}
