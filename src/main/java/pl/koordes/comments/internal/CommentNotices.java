package pl.koordes.comments.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import pl.koordes.accounts.AccountManagement;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.comments.CommentAwaitingModeration;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NoticesRequested;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.security.Role;

/**
 * The comments' notices, published in the transaction of the change (so once, and kept through a crash by the
 * event publication registry): comments waiting for moderation to every active editor and administrator
 * (they moderate), with a link to the comment in the queue (or to the queue, for several written together); a published comment to its author, when the address they
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

    /**
     * Comments waiting, gathered per transaction and told to the moderators just before it commits: one notice per
     * moderator with the comment's title and link when the transaction kept one comment, one notice with their
     * number and the queue's link when it kept several (a group of submissions written together), so that a flood of
     * comments does not become a flood of notices. Outside a transaction, at once.
     */
    @EventListener
    void on(CommentAwaitingModeration awaiting) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tellModerators(List.of(awaiting.commentId()));
            return;
        }
        Waiting waiting = (Waiting) TransactionSynchronizationManager.getResource(this);
        if (waiting == null) {
            waiting = new Waiting();
            TransactionSynchronizationManager.bindResource(this, waiting);
            TransactionSynchronizationManager.registerSynchronization(waiting);
        }
        waiting.ids.add(awaiting.commentId());
    }

    /** The comments a transaction kept for moderation so far. */
    private final class Waiting implements TransactionSynchronization {

        final List<Long> ids = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommentNotices.this);
            tellModerators(ids);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CommentNotices.this);
        }
    }

    private void tellModerators(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        String title = ids.size() > 1
                ? ""
                : jdbc.sql("select title from comments_comment where id = :id")
                        .param("id", ids.getFirst())
                        .query(String.class)
                        .optional()
                        .orElse("");
        // One event for every moderator, and each language's sentence formatted once.
        Map<Locale, String> texts = new HashMap<>();
        List<NoticeRequested> notices = new ArrayList<>();
        String link = ids.size() > 1 ? "/redakcja/komentarze" : "/redakcja/komentarze/" + ids.getFirst();
        for (RoleHolders.Holder editor : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            Locale locale = Language.fromCode(editor.language()).locale();
            String text = texts.computeIfAbsent(
                    locale,
                    l -> ids.size() > 1
                            ? messages.get(l, "comments.notification.awaitingMany", ids.size())
                            : messages.get(l, "comments.notification.awaiting", title));
            notices.add(NoticeRequested.of(
                    editor.accountId(), NotificationKind.COMMENT_AWAITING, text, link, clock.instant()));
        }
        if (!notices.isEmpty()) {
            events.publishEvent(new NoticesRequested(notices));
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
