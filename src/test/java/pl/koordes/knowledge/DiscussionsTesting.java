package pl.koordes.knowledge;

import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.search.SearchQuery;
import pl.koordes.shared.search.SearchRequest;
import pl.koordes.shared.search.SearchResults;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.SignedInClient;

/** What the discussion tests share: signing in, reading ids, searching as a person, cleaning up. */
final class DiscussionsTesting {

    private final JdbcClient jdbc;
    private final int port;
    private final Accounts accounts;
    private final SearchIndex index;

    DiscussionsTesting(JdbcClient jdbc, int port, Accounts accounts, SearchIndex index) {
        this.jdbc = jdbc;
        this.port = port;
        this.accounts = accounts;
        this.index = index;
    }

    SignedInClient signedIn(String email, String address) {
        return DemoAccounts.signedIn(jdbc, port, email, address);
    }

    long account(String email) {
        return jdbc.sql("select id from account where email = :e")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    long thread(String title) {
        return jdbc.sql("select max(id) from discussion_thread where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    long lastPost(long thread) {
        return jdbc.sql("select max(id) from discussion_post where thread_id = :t")
                .param("t", thread)
                .query(Long.class)
                .single();
    }

    /** The post ids a person finds for the words (an anonymous visitor when email is null). */
    List<String> found(String email, String words) {
        Set<String> audience = email == null
                ? SearchAudience.of(null)
                : SearchAudience.of(accounts.currentUser(accounts.byEmail(email).orElseThrow()));
        SearchResults results =
                index.search(new SearchRequest(SearchQuery.parse(words), "discussion", null, null, 1), audience);
        return results.hits().stream().map(SearchResults.Hit::sourceId).toList();
    }

    long mails(String kind, String recipient, String containing) {
        return jdbc.sql("""
                        select count(*) from notifications_dev_mailbox where kind = :k and recipient = :r
                        and text_body like :c
                        """)
                .param("k", kind)
                .param("r", recipient)
                .param("c", "%" + containing + "%")
                .query(Long.class)
                .single();
    }

    long notices(long account, String kind, String containing) {
        return jdbc.sql("""
                        select count(*) from notifications_notice where account_id = :a and kind = :k and text like :c
                        """)
                .param("a", account)
                .param("k", kind)
                .param("c", "%" + containing + "%")
                .query(Long.class)
                .single();
    }

    /** Removes what the tests made: their threads (posts go with them), groups and index entries. */
    void cleanUp(String prefix) {
        jdbc.sql("""
                        delete from search_entry where source = 'post' and source_id in (select p.id::text
                        from discussion_post p join discussion_thread t on t.id = p.thread_id where t.title like :p)
                        """).param("p", prefix + "%").update();
        jdbc.sql("delete from discussion_thread where title like :p")
                .param("p", prefix + "%")
                .update();
        jdbc.sql("delete from discussion_space where name like :p")
                .param("p", prefix + "%")
                .update();
    }
}
