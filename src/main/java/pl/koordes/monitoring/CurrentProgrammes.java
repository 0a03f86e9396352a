package pl.koordes.monitoring;

import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.monitoring.internal.ProgrammeStore;
import pl.koordes.monitoring.internal.VersionStatus;

/**
 * A region's programme in force, as other modules refer to it (a library document came from one): its name and
 * its public page. One statement.
 */
@Component
public class CurrentProgrammes {

    private final ProgrammeStore store;

    CurrentProgrammes(ProgrammeStore store) {
        this.store = store;
    }

    /** The name of the region's programme in force, if it has one. */
    public Optional<String> name(long regionId) {
        return ProgrammeStore.withStatus(store.versions(regionId), VersionStatus.CURRENT)
                .map(v -> v.name());
    }

    /** The public page of a region's programme. */
    public static String path(String regionSlug) {
        return "/monitoring/regiony/" + regionSlug;
    }
}
