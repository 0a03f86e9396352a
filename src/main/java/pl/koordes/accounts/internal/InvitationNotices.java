package pl.koordes.accounts.internal;

import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;

/**
 * Tells whoever sent an invitation (the last administrator who invited the person or sent the link again,
 * as the audit log records it) that it was accepted: a notice published in the transaction that activated the
 * account. Nobody is told when that administrator's account is no longer active.
 */
@Component
public class InvitationNotices {

    private final JdbcClient jdbc;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvitationNotices(JdbcClient jdbc, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    public void accepted(long accountId, String displayName) {
        jdbc.sql("""
                        select a.id, a.language from audit_entry e join account a on a.id = e.actor_id
                        where e.action in ('PERSON_INVITED', 'INVITATION_RESENT') and e.target_type = 'account'
                          and e.target_id = :target and a.status = 'ACTIVE' and a.id <> :account
                        order by e.occurred_at desc, e.id desc limit 1
                        """)
                .param("target", String.valueOf(accountId))
                .param("account", accountId)
                .query((rs, n) -> NoticeRequested.of(
                        rs.getLong(1),
                        NotificationKind.INVITATION_ACCEPTED,
                        messages.get(
                                Language.fromCode(rs.getString(2)).locale(),
                                "accounts.notification.invitationAccepted",
                                displayName),
                        "/admin/osoby/" + accountId,
                        clock.instant()))
                .optional()
                .ifPresent(events::publishEvent);
    }
}
