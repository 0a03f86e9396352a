package pl.koordes.comments.internal;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.comments.CommentAwaitingModeration;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.security.Role;

/**
 * The comments' notices, published in the transaction of the change (so once, and kept through a crash by the
 * event publication registry): a comment waiting for moderation to every active editor and administrator
 * (they moderate), with a link to it in the queue; a published comment to its author, when the address they
 * gave belongs to an active account. An author without an account gets the e-mail only (there is nowhere
 * else to tell them), and an author who gave no address is not told at all.
 */
@Component
class CommentNotices {

    private final JdbcClient jdbc;
    private final RoleHolders holders;
    private final AccountManagement accounts;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentNotices(
            JdbcClient jdbc,
            RoleHolders holders,
            AccountManagement accounts,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.accounts = accounts;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(CommentAwaitingModeration awaiting) {
        String title = jdbc.sql("select title from comments_comment where id = :id")
                .param("id", awaiting.commentId())
                .query(String.class)
                .optional()
                .orElse("");
        for (RoleHolders.Holder editor : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            String text = messages.get(
                    Language.fromCode(editor.language()).locale(), "comments.notification.awaiting", title);
            events.publishEvent(NoticeRequested.of(
                    editor.accountId(),
                    NotificationKind.COMMENT_AWAITING,
                    text,
                    "/redakcja/komentarze/" + awaiting.commentId(),
                    clock.instant()));
        }
    }

    /** The author's notice beside the e-mail, when their address is an active account's. */
    void published(String email, String language, String title, String articleTitle, String path) {
        accounts.activeAccountOf(email)
                .ifPresent(account -> events.publishEvent(NoticeRequested.of(
                        account,
                        NotificationKind.COMMENT_PUBLISHED,
                        messages.get(
                                Language.fromCode(language).locale(),
                                "comments.notification.published",
                                title,
                                articleTitle),
                        path,
                        clock.instant())));
    }
}
