package pl.koordes.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** What the library's tests share: signed-in clients, ids of what they add, searches, and cleaning up. */
final class LibraryTesting {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private final JdbcClient jdbc;
    private final int port;

    LibraryTesting(JdbcClient jdbc, int port) {
        this.jdbc = jdbc;
        this.port = port;
    }

    SignedInClient signedIn(String email, String address) {
        return DemoAccounts.signedIn(jdbc, port, email, address);
    }

    SignedInClient anonymous(String address) {
        return new SignedInClient(port, address);
    }

    long regionId(String slug) {
        return jdbc.sql("select id from region where slug = :s")
                .param("s", slug)
                .query(Long.class)
                .single();
    }

    long idOf(String title) {
        return jdbc.sql("select id from library_document where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    /** The row version the edit form carries. */
    static String version(String editPage) {
        Matcher m = VERSION.matcher(editPage);
        if (!m.find()) {
            throw new IllegalStateException("no version on the edit form");
        }
        return m.group(1);
    }

    /**
     * The form's fields for a public link-only document, with these name–value pairs: one of the fields above
     * replaces it, another name is added (repeated names, such as roles, are all sent).
     */
    static String[] fields(String title, String regionId, String... more) {
        List<String> pairs = new ArrayList<>(List.of(
                "kind", "GOOD_PRACTICE",
                "title", title,
                "description", "Opis **dokumentu** próbnego.",
                "tags", "próba, biblioteka",
                "regionId", regionId,
                "year", "2025",
                "externalUrl", "https://example.org/proba",
                "publicDocument", "true"));
        for (int i = 0; i + 1 < more.length; i += 2) {
            int at = pairs.indexOf(more[i]);
            if (at >= 0 && at % 2 == 0) {
                pairs.set(at + 1, more[i + 1]);
            } else {
                pairs.add(more[i]);
                pairs.add(more[i + 1]);
            }
        }
        return pairs.toArray(String[]::new);
    }

    /** The titles of the library's entries a search finds for these audience tokens. */
    static List<String> found(SearchIndex index, String query, Set<String> audience) {
        SearchResults results =
                index.search(new SearchRequest(SearchQuery.parse(query), "library", null, null, 1), audience);
        return results.hits().stream().map(SearchResults.Hit::title).toList();
    }

    void cleanUp(String prefix) {
        List<Long> ids = jdbc.sql("select id from library_document where title like :p")
                .param("p", prefix + "%")
                .query(Long.class)
                .list();
        for (long id : ids) {
            jdbc.sql("delete from search_entry where source = 'library' and source_id = :id")
                    .param("id", Long.toString(id))
                    .update();
        }
        jdbc.sql("delete from library_document where title like :p")
                .param("p", prefix + "%")
                .update();
    }
}
