package pl.koordes.monitoring;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.VersionStatus;

/**
 * A region's draft update of its programme, as other modules refer to it (the committee's opinion on it): which
 * version it is and where its page is. One statement.
 */
@Component
public class ProgrammeDrafts {

    /**
     * The draft version of a region's programme.
     *
     * @param id the version ({@code monitoring_programme_version.id})
     * @param number its number within the programme
     * @param name the programme's name in this version
     */
    public record Draft(long id, int number, String name) {}

    private final ProgrammeStore store;

    ProgrammeDrafts(ProgrammeStore store) {
        this.store = store;
    }

    /** The region's draft update, if one is being prepared. */
    public Optional<Draft> draft(long regionId) {
        return ProgrammeStore.withStatus(store.versions(regionId), VersionStatus.DRAFT)
                .map(v -> new Draft(v.id(), v.number(), v.name()));
    }

    /** The page of a region's draft. */
    public static String draftPath(String regionSlug) {
        return "/monitoring/regiony/" + regionSlug + "/projekt";
    }
}
