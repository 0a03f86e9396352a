package pl.koordes.accounts.web.admin;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.accounts.PeopleManagement.PersonSummary;
import pl.koordes.shared.web.Paged;

/**
 * What the people list shows: the filters as typed, one page of people, and the addresses of other pages.
 *
 * @param search the search text as typed
 * @param role the role filter as sent
 * @param region the region filter (a slug) as sent
 * @param status the status filter as sent
 */
public record PeopleListView(
        String search, String role, String region, String status, Paged<PersonSummary> people, RegionNames regions) {

    /** The address of page {@code number} with the same filters. */
    public String pageUrl(int number) {
        Map<String, @Nullable String> parameters =
                Links.parameters("szukaj", search, "rola", role, "region", region, "status", status);
        if (number > 1) {
            parameters.put("strona", Integer.toString(number));
        }
        return Links.of("/admin/osoby", parameters);
    }

    public boolean filtered() {
        return !search.isBlank() || !role.isBlank() || !region.isBlank() || !status.isBlank();
    }
}
