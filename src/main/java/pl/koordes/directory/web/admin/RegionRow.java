package pl.koordes.directory.web.admin;

import org.jspecify.annotations.Nullable;
import pl.koordes.directory.Region;

/** A region in the administration overview, with its current committee if it has one. */
public record RegionRow(Region region, @Nullable CommitteeRow committee) {

    public String href() {
        return "/admin/katalog/regiony/" + region.id();
    }
}
