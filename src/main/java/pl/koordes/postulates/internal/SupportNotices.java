package pl.koordes.postulates.internal;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.shared.cluster.OnceOnly;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * Who is told of support and of every public change: the postulate's own region's coordinators when another
 * region co-signs (in the transaction of the signature), and every follower of a postulate after each public
 * change commits (submitted, co-signed, forwarded, answered, corrected, withdrawn, merged, put on an agenda…;
 * not the region's drafting edits, endorsements or following). Each by e-mail (optional: not sent to
 * an account with notifications off) and in the application.
 */
@Component
public class SupportNotices {

    /** The name under which {@link OnceOnly} remembers the changes followers were told of. */
    static final String HANDLED = "postulates.follower-notices";

    /** The changes followers hear of. */
    static final Set<PostulateAction> PUBLIC_CHANGES = EnumSet.of(
            PostulateAction.POSTULATE_SUBMITTED,
            PostulateAction.POSTULATE_WITHDRAWN,
            PostulateAction.POSTULATE_COSIGNED,
            PostulateAction.POSTULATE_COSIGN_WITHDRAWN,
            PostulateAction.POSTULATE_MERGED,
            PostulateAction.POSTULATE_FORWARDED,
            PostulateAction.POSTULATE_AGENDA_ADDED,
            PostulateAction.POSTULATE_AGENDA_REMOVED,
            PostulateAction.POSTULATE_ANSWERED,
            PostulateAction.POSTULATE_ANSWER_CORRECTED);

    static final String COSIGNED_MAIL = "postulates/support/mail/postulateCosigned";
    static final String CHANGED_MAIL = "postulates/support/mail/postulateChanged";

    private record Follower(long accountId, String email, String language) {}

    private final JdbcClient jdbc;
    private final RoleHolders holders;
    private final Directory directory;
    private final PostulateStore store;
    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final OnceOnly onceOnly;

    SupportNotices(
            JdbcClient jdbc,
            RoleHolders holders,
            Directory directory,
            PostulateStore store,
            Mailer mailer,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock,
            OnceOnly onceOnly) {
        this.onceOnly = onceOnly;
        this.jdbc = jdbc;
        this.holders = holders;
        this.directory = directory;
        this.store = store;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Tells the postulate's own region's coordinators that {@code regionId} co-signed it. */
    @Transactional(propagation = Propagation.MANDATORY)
    void cosigned(Postulate postulate, long regionId) {
        Region cosigner = directory.region(regionId).orElse(null);
        if (cosigner == null) {
            return;
        }
        for (RoleHolders.Holder holder : holders.active(List.of(Role.REGIONAL_COORDINATOR), postulate.regionId())) {
            Locale locale = Language.fromCode(holder.language()).locale();
            String region = cosigner.name(locale);
            mailer.send(
                    holder.email(),
                    locale,
                    COSIGNED_MAIL,
                    Map.of("title", postulate.title(), "postulateCosigner", region, "path", postulate.href()));
            events.publishEvent(NoticeRequested.of(
                    holder.accountId(),
                    "postulate-cosigned",
                    messages.get(locale, "postulates.support.notice.cosigned", region, postulate.title()),
                    postulate.href(),
                    clock.instant()));
        }
    }

    /** After a public change commits: every follower gets an e-mail and a notice. */
    @ApplicationModuleListener
    void on(PostulateChanged change) {
        if (!PUBLIC_CHANGES.contains(change.action()) || !onceOnly.first(HANDLED, change.id())) {
            return;
        }
        Postulate postulate = store.find(change.postulateId()).orElse(null);
        if (postulate == null) {
            return;
        }
        List<Follower> followers = jdbc.sql("""
                        select f.account_id, a.email, a.language from postulates_follower f
                        join account a on a.id = f.account_id and a.status = 'ACTIVE'
                        where f.postulate_id = :postulate order by f.account_id
                        """)
                .param("postulate", change.postulateId())
                .query((rs, n) -> new Follower(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Follower follower : followers) {
            Locale locale = Language.fromCode(follower.language()).locale();
            String what = messages.get(
                    locale, "postulates.support.change." + change.action().name(), postulate.title());
            mailer.send(
                    follower.email(),
                    locale,
                    CHANGED_MAIL,
                    Map.of("title", postulate.title(), "postulateChange", what, "path", postulate.href()));
            events.publishEvent(NoticeRequested.of(
                    follower.accountId(), "postulate-changed", what, postulate.href(), clock.instant()));
        }
    }
}
