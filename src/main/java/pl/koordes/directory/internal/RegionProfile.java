package pl.koordes.directory.internal;

import java.util.List;
import java.util.Optional;
import pl.koordes.directory.InstitutionKind;
import pl.koordes.directory.Region;

/** Everything the public page of a region shows from the directory (never the committee members' contacts). */
public record RegionProfile(
        Region region, RegionDescription description, List<Institution> institutions, Optional<Committee> committee) {

    public Optional<Institution> rops() {
        return institutions.stream()
                .filter(i -> i.kind() == InstitutionKind.ROPS)
                .findFirst();
    }
}
