package pl.koordes.knowledge.internal.discussions;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * What the discussion spaces keep about a person: the posts they wrote (with where and when), the threads they
 * started, what they follow and the groups that name them. Erasure keeps the discussion (others' replies would
 * lose their sense) but without the person: their posts and threads show "osoba usunięta", their name is taken
 * out of others' quotes and mentions of them, and what they follow and the groups naming them are removed; the
 * changed posts and groups are put into the search index again.
 */
@Component
class DiscussionPersonalData implements PersonalData {

    static final String ERASED = "osoba usunięta";

    private final JdbcClient jdbc;
    private final SpaceStore spaces;
    private final DiscussionSearch search;

    DiscussionPersonalData(JdbcClient jdbc, SpaceStore spaces, DiscussionSearch search) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.search = search;
    }

    @Override
    public String section() {
        return "discussions";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "posts",
                jdbc.sql("""
                        select p.id, s.name, t.title, p.body, p.created_at, p.edited_at, p.hidden_at, p.hidden_reason
                        from discussion_post p join discussion_thread t on t.id = p.thread_id
                        join discussion_space s on s.id = t.space_id
                        where p.author_id = :a order by p.created_at, p.id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("id", rs.getLong(1));
                            row.put("space", rs.getString(2));
                            row.put("thread", rs.getString(3));
                            row.put("text", rs.getString(4));
                            row.put("at", PersonalData.time(rs.getTimestamp(5)));
                            row.put("editedAt", PersonalData.time(rs.getTimestamp(6)));
                            row.put("hiddenAt", PersonalData.time(rs.getTimestamp(7)));
                            row.put("hiddenReason", rs.getString(8));
                            return row;
                        })
                        .list());
        result.put(
                "threadsStarted",
                jdbc.sql("select title from discussion_thread where author_id = :a order by created_at, id")
                        .param("a", account)
                        .query(String.class)
                        .list());
        result.put(
                "following",
                jdbc.sql("""
                        select coalesce(s.name, t.title), f.delivery, f.created_at from discussion_subscription f
                        left join discussion_space s on s.id = f.space_id
                        left join discussion_thread t on t.id = f.thread_id
                        where f.account_id = :a order by f.created_at, f.id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("spaceOrThread", rs.getString(1));
                            row.put("delivery", rs.getString(2));
                            row.put("since", PersonalData.time(rs.getTimestamp(3)));
                            return row;
                        })
                        .list());
        result.put(
                "groupsNamingYou",
                jdbc.sql("""
                        select s.name from discussion_space_member m join discussion_space s on s.id = m.space_id
                        where m.account_id = :a order by s.name
                        """).param("a", account).query(String.class).list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return;
        }
        List<Long> changed = List.of();
        if (!person.displayName().isBlank()) {
            // Others' quotes of the person's posts and mentions of them name them: the name goes, the words stay.
            changed = jdbc.sql("""
                            update discussion_post set
                                body = replace(replace(body, '**' || :name || '**', '**' || :erased || '**'),
                                               '@' || :name, '@' || :erased)
                            where position(('**' || :name || '**') in body) > 0 or position(('@' || :name) in body) > 0
                            returning id
                            """)
                    .param("name", person.displayName())
                    .param("erased", ERASED)
                    .query(Long.class)
                    .list();
        }
        List<Long> groups = jdbc.sql("delete from discussion_space_member where account_id = :a returning space_id")
                .param("a", account)
                .query(Long.class)
                .list();
        jdbc.sql("update discussion_post set author_id = null where author_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("update discussion_post set hidden_by = null where hidden_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("update discussion_thread set author_id = null where author_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("update discussion_space set created_by = null where created_by = :a")
                .param("a", account)
                .update();
        jdbc.sql("delete from discussion_subscription where account_id = :a")
                .param("a", account)
                .update();
        for (long postId : changed) {
            jdbc.sql("select t.space_id from discussion_post p join discussion_thread t on t.id = p.thread_id"
                            + " where p.id = :p")
                    .param("p", postId)
                    .query(Long.class)
                    .optional()
                    .flatMap(spaces::byId)
                    .ifPresent(space -> search.refresh(space, postId));
        }
        for (long group : groups) {
            spaces.byId(group).ifPresent(search::refreshSpace);
        }
    }
}
