package pl.koordes.monitoring.web;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.internal.MonitoringPermissions;
import pl.koordes.monitoring.internal.ReportingPeriod;
import pl.koordes.monitoring.internal.ReportingPeriods;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.security.CurrentUser;

/**
 * The checks every reporting page makes before it reads anything, in the order that keeps other regions'
 * data out of reach: an unknown period or region is 404; a region whose non-public values the person may
 * not read is 403 (which regions exist is public); writing needs {@code canReport}, approving
 * {@code canApprove}.
 */
@Component
class ReportingAccess {

    static final String BASE = "/monitoring/sprawozdania";
    static final String PERIODS = "/monitoring/okresy";

    private final Directory directory;
    private final ReportingPeriods periods;
    private final MonitoringPermissions permissions;

    ReportingAccess(Directory directory, ReportingPeriods periods, MonitoringPermissions permissions) {
        this.directory = directory;
        this.periods = periods;
        this.permissions = permissions;
    }

    ReportingPeriod period(long id) {
        return periods.find(id).orElseThrow(() -> new NotFound("period", id));
    }

    /** The region in the address, when the person may read its non-public values. */
    Region readable(String slug, CurrentUser user) {
        Region region = directory.region(slug).orElseThrow(() -> new NotFound("region", slug));
        if (!permissions.canReadRegion(user, region.id())) {
            throw new AccessDeniedException("region " + region.id());
        }
        return region;
    }

    /** The region in the address, when the person reports its values. */
    Region reporting(String slug, CurrentUser user) {
        Region region = readable(slug, user);
        if (!permissions.canReport(user, region.id())) {
            throw new AccessDeniedException("reporting for region " + region.id());
        }
        return region;
    }

    /** The region in the address, when the person may approve its values (never its own coordinator). */
    Region approving(String slug, CurrentUser user) {
        Region region = readable(slug, user);
        if (!permissions.canApprove(user, region.id())) {
            throw new AccessDeniedException("approving for region " + region.id());
        }
        return region;
    }

    void operator(CurrentUser user) {
        if (!permissions.isOperator(user)) {
            throw new AccessDeniedException("periods");
        }
    }

    void workspace(CurrentUser user) {
        if (!permissions.canUseMonitoringWorkspace(user)) {
            throw new AccessDeniedException("monitoring workspace");
        }
    }

    static String regionPath(ReportingPeriod period, Region region) {
        return BASE + "/" + period.id() + "/" + region.slug();
    }

    static String valuePath(ReportingPeriod period, Region region, long indicatorId) {
        return regionPath(period, region) + "/wskazniki/" + indicatorId;
    }
}
