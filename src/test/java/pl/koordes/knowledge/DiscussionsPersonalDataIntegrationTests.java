package pl.koordes.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.knowledge.internal.discussions.SpaceManagement;
import pl.koordes.knowledge.internal.discussions.SpaceStore;
import pl.koordes.knowledge.internal.discussions.ThreadForm;
import pl.koordes.knowledge.internal.discussions.ThreadManagement;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;

/**
 * A coordinator's posts, threads and what they follow are in their export; erasure keeps the discussion but shows
 * the author as a deleted person, takes their name out of others' quotes and mentions, and ends their following.
 */
@IntegrationTest
class DiscussionsPersonalDataIntegrationTests {

    private static final String PREFIX = "Test danych dyskusji";
    private static final String NAME = "Wiesława Usuwana";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    List<PersonalData> modules;

    @Autowired
    ThreadManagement threads;

    @Autowired
    SpaceManagement spaces;

    @Autowired
    SpaceStore store;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void cleanUp() {
        jdbc.sql("delete from discussion_thread where title like :p")
                .param("p", PREFIX + "%")
                .update();
        jdbc.sql("delete from account where email = 'usuwana@test.koordes.example'")
                .update();
    }

    @Test
    void postsAreExportedAndErasureLeavesTheDiscussionWithoutThePerson() {
        long id = jdbc.sql("""
                        insert into account (email, display_name, status) values ('usuwana@test.koordes.example', :n, 'ACTIVE')
                        returning id
                        """).param("n", NAME).query(Long.class).single();
        jdbc.sql("insert into role_assignment (account_id, role) values (:a, 'EDITOR')")
                .param("a", id)
                .update();
        CurrentUser person = new CurrentUser(
                id, "usuwana@test.koordes.example", NAME, List.of(new RoleAssignment(Role.EDITOR, null, null)), "pl");
        var network = store.bySlug("siec-koordynatorow").orElseThrow();
        long thread =
                threads.start(person, network, new ThreadForm(PREFIX + " wątek", "Moje zdanie o spółdzielniach.", ""));
        spaces.follow(id, network, thread, true);
        long first = jdbc.sql("select min(id) from discussion_post where thread_id = :t")
                .param("t", thread)
                .query(Long.class)
                .single();
        // Someone quotes and mentions her (written straight in: the other person has no account here).
        jdbc.sql("""
                        insert into discussion_post (thread_id, author_id, body, quoted_post_id, created_at)
                        values (:t, null, :b, :q, now())
                        """)
                .param("t", thread)
                .param("b", "> **" + NAME + "**, 01.01.2027 10:00:\n> Moje zdanie\n\nZgadzam się, @" + NAME + ".")
                .param("q", first)
                .update();

        PersonalData discussions = modules.stream()
                .filter(m -> m.section().equals("discussions"))
                .findFirst()
                .orElseThrow();
        PersonalData.Person who = new PersonalData.Person(id, "usuwana@test.koordes.example", NAME);
        @SuppressWarnings("unchecked")
        Map<String, Object> exported = (Map<String, Object>) discussions.export(who);
        assertThat(exported.get("posts").toString()).contains("Moje zdanie o spółdzielniach.");
        assertThat(exported.get("threadsStarted").toString()).contains(PREFIX + " wątek");
        assertThat(exported.get("following").toString()).contains(PREFIX + " wątek");

        transactions.executeWithoutResult(status -> discussions.erase(who));

        assertThat(jdbc.sql("select count(*) from discussion_post where author_id = :a")
                        .param("a", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from discussion_subscription where account_id = :a")
                        .param("a", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from discussion_post where thread_id = :t")
                        .param("t", thread)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        List<String> bodies = jdbc.sql("select body from discussion_post where thread_id = :t")
                .param("t", thread)
                .query(String.class)
                .list();
        assertThat(String.join("\n", bodies)).doesNotContain(NAME).contains("**osoba usunięta**", "@osoba usunięta");
        assertThat(jdbc.sql("select count(*) from search_entry where source = 'post' and body like :n")
                        .param("n", "%" + NAME + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
