package pl.koordes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Each role over the same query finds exactly the pages it may open: for every demo account (and an anonymous
 * visitor), a page of the given ones is among its results if and only if the page opens for it (200).
 */
public final class SearchOpens {

    /** The roles, as demo accounts; null is an anonymous visitor. */
    public static final List<@Nullable String> ACTORS = Arrays.asList(
            null,
            DemoAccounts.PARTICIPANT,
            DemoAccounts.COORDINATOR_MALOPOLSKIE,
            DemoAccounts.COORDINATOR_SLASKIE,
            DemoAccounts.COMMITTEE_MALOPOLSKIE,
            DemoAccounts.EXPERT,
            DemoAccounts.CENTRAL_INSTITUTION,
            DemoAccounts.EDITOR,
            DemoAccounts.ADMINISTRATOR);

    private SearchOpens() {}

    /**
     * Asserts found ⇔ opens for every actor.
     *
     * @param addressPrefix the client addresses' first three parts, e.g. {@code 127.0.47}; the last is 10 + n
     */
    public static void foundExactlyWhereOpened(
            JdbcClient jdbc, SearchIndex index, int port, String addressPrefix, String query, List<String> pages) {
        int address = 10;
        for (String email : ACTORS) {
            String client = addressPrefix + "." + address++;
            SignedInClient http =
                    email == null ? new SignedInClient(port, client) : DemoAccounts.signedIn(jdbc, port, email, client);
            Set<String> found = new LinkedHashSet<>(urls(index, query, email == null ? null : user(jdbc, email)));
            found.retainAll(pages);
            Set<String> opened = new LinkedHashSet<>();
            for (String page : pages) {
                if (http.get(page).statusCode() == 200) {
                    opened.add(page);
                }
            }
            assertThat(found).as("%s finds exactly what it opens", email).isEqualTo(opened);
        }
    }

    /** The addresses of every result of the query for this person (null: an anonymous visitor). */
    public static List<String> urls(SearchIndex index, String query, @Nullable CurrentUser user) {
        Set<String> tokens = SearchAudience.of(user);
        List<String> urls = new java.util.ArrayList<>();
        for (int page = 1; ; page++) {
            SearchResults results =
                    index.search(new SearchRequest(SearchQuery.parse(query), null, null, null, page), tokens);
            results.hits().forEach(hit -> urls.add(hit.url()));
            if ((long) page * SearchIndex.PAGE_SIZE >= results.total()) {
                return urls;
            }
        }
    }

    /** The demo account as the application sees it after signing in. */
    public static CurrentUser user(JdbcClient jdbc, String email) {
        long id = jdbc.sql("select id from account where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
        List<RoleAssignment> roles = jdbc.sql(
                        "select role, region_id, institution_id from role_assignment where account_id = :id")
                .param("id", id)
                .query((rs, n) -> new RoleAssignment(
                        Role.valueOf(rs.getString("role")),
                        rs.getObject("region_id", Long.class),
                        rs.getObject("institution_id", Long.class)))
                .list();
        return new CurrentUser(id, email, email, roles, "pl");
    }
}
