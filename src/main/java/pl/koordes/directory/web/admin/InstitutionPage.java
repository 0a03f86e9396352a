package pl.koordes.directory.web.admin;

import java.util.List;
import org.springframework.web.util.UriComponentsBuilder;
import pl.koordes.shared.web.Paged;

/**
 * One page of the institution list with the filters that chose it.
 *
 * @param region the region filter as sent back in links: empty for all, {@code none} for institutions
 *        without a region, or a region id
 * @param kind the kind filter: empty for all, or a kind's name
 */
public record InstitutionPage(Paged<InstitutionRow> paged, String region, String kind) {

    /** The region filter value for institutions without a region (central institutions, national partners). */
    public static final String NO_REGION = "brak";

    public boolean noRegion() {
        return NO_REGION.equals(region);
    }

    public List<InstitutionRow> rows() {
        return paged.items();
    }

    public long total() {
        return paged.total();
    }

    /** The address of another page of the same list. */
    public String href(int page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(InstitutionAdminController.LIST);
        if (!region.isEmpty()) {
            builder.queryParam("region", region);
        }
        if (!kind.isEmpty()) {
            builder.queryParam("kind", kind);
        }
        if (page > 1) {
            builder.queryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }
}
