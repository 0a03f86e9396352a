package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.accounts.internal.InvitationNotices;
import pl.koordes.comments.CommentAwaitingModeration;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 18, item 1: the events that had only an e-mail (or nothing) now reach the notification centre too,
 * through the modules' own facts, once per person: a comment awaiting moderation reaches every editor and
 * administrator, an accepted invitation reaches the administrator who sent it (and nobody when the
 * invitation had no sender on record).
 */
@IntegrationTest
class NotificationKindsIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    InvitationNotices invitations;

    @Test
    void aCommentAwaitingModerationReachesEveryEditorAndAdministratorOnce() {
        long commentId = -Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) - 1;
        transactions.executeWithoutResult(status -> events.publishEvent(new CommentAwaitingModeration(commentId, 1)));

        String link = "/redakcja/komentarze/" + commentId;
        List<Long> moderators = jdbc.sql("""
                        select distinct a.id from account a join role_assignment r on r.account_id = a.id
                        where a.status = 'ACTIVE' and r.role in ('EDITOR', 'ADMINISTRATOR') order by a.id""").query(Long.class).list();
        assertThat(moderators).contains(account(DemoAccounts.EDITOR), account(DemoAccounts.ADMINISTRATOR));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select account_id from notifications_notice where link = :link and kind = 'comment-awaiting'")
                                .param("link", link)
                                .query(Long.class)
                                .list())
                        .containsExactlyInAnyOrderElementsOf(moderators));
        assertThat(accountsTold(link)).doesNotContain(account(DemoAccounts.PARTICIPANT));
    }

    @Test
    void anAcceptedInvitationReachesTheAdministratorWhoSentIt() {
        long administrator = account(DemoAccounts.ADMINISTRATOR);
        long invited = jdbc.sql("""
                        insert into account (email, display_name, status) values (:email, 'Zaproszona <b>Ola</b>', 'ACTIVE')
                        returning id""")
                .param("email", "zaproszona." + UUID.randomUUID() + "@test.koordes.example")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into audit_entry (actor_id, actor_label, action, target_type, target_id)
                        values (:actor, 'administrator', 'PERSON_INVITED', 'account', :target)""")
                .param("actor", administrator)
                .param("target", String.valueOf(invited))
                .update();

        transactions.executeWithoutResult(status -> invitations.accepted(invited, "Zaproszona <b>Ola</b>"));

        String link = "/admin/osoby/" + invited;
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(accountsTold(link)).containsExactly(administrator));
        assertThat(jdbc.sql("select text from notifications_notice where link = :link")
                        .param("link", link)
                        .query(String.class)
                        .single())
                .isEqualTo("Zaproszenie przyjęte: Zaproszona <b>Ola</b> ma już aktywne konto.");

        long notInvited = jdbc.sql("""
                        insert into account (email, display_name, status) values (:email, 'Bez zaproszenia', 'ACTIVE')
                        returning id""")
                .param("email", "bez." + UUID.randomUUID() + "@test.koordes.example")
                .query(Long.class)
                .single();
        transactions.executeWithoutResult(status -> invitations.accepted(notInvited, "Bez zaproszenia"));
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :link")
                        .param("link", "%/admin/osoby/" + notInvited + "\"%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private List<Long> accountsTold(String link) {
        return jdbc.sql("select account_id from notifications_notice where link = :link")
                .param("link", link)
                .query(Long.class)
                .list();
    }

    private long account(String email) {
        return jdbc.sql("select id from account where email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }
}
