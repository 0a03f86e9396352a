package pl.koordes.advisory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * The assignment's messages, queued in the transaction of the change, each as an e-mail and an in-application
 * notice (consent and removal as a notice only): the region's coordinators on the decision, the expert on
 * assignment. Never to the person who made the change.
 */
@Component
class AssignmentMail {

    static final String DECIDED = "advisory/assignment/mail/advisoryDecided";
    static final String ASSIGNED = "advisory/assignment/mail/advisoryAssigned";

    private final Mailer mailer;
    private final RoleHolders holders;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    AssignmentMail(
            Mailer mailer,
            RoleHolders holders,
            Messages messages,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Clock clock) {
        this.mailer = mailer;
        this.holders = holders;
        this.messages = messages;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Tells the region's coordinators that the request was accepted or declined; returns how many. */
    int decided(AdvisoryCase advisoryCase, long actorId) {
        AdvisoryRequest request = advisoryCase.request();
        boolean accepted = request.declineReason() == null;
        List<RoleHolders.Holder> to = holders.active(List.of(Role.REGIONAL_COORDINATOR), request.regionId()).stream()
                .filter(h -> h.accountId() != actorId)
                .toList();
        for (RoleHolders.Holder holder : to) {
            Locale locale = Language.fromCode(holder.language()).locale();
            Map<String, Object> model = new HashMap<>();
            model.put("assignmentTitle", request.title());
            model.put("assignmentRegion", advisoryCase.region(locale));
            model.put("assignmentAccepted", accepted);
            model.put("assignmentReason", accepted ? "" : request.declineReason());
            model.put(
                    "assignmentHours",
                    request.hoursLimit() == null
                            ? ""
                            : messages.get(
                                    locale,
                                    "advisory.hours",
                                    request.hoursLimit().doubleValue()));
            model.put("path", request.href());
            mailer.send(holder.email(), locale, DECIDED, model);
            notice(
                    holder.accountId(),
                    "advisory-decided",
                    messages.get(
                            locale,
                            accepted ? "advisory.assignment.notice.accepted" : "advisory.assignment.notice.declined",
                            request.title()),
                    request.href());
        }
        return to.size();
    }

    /** Tells an expert they were assigned to the case. */
    void assigned(AdvisoryCase advisoryCase, long expertId, long actorId) {
        if (expertId == actorId) {
            return;
        }
        AdvisoryRequest request = advisoryCase.request();
        for (Recipient recipient : recipient(expertId)) {
            Locale locale = recipient.locale();
            Map<String, Object> model = new HashMap<>();
            model.put("assignmentTitle", request.title());
            model.put("assignmentRegion", advisoryCase.region(locale));
            model.put("assignmentTopic", advisoryCase.topic(locale));
            model.put("path", request.href());
            mailer.send(recipient.email(), locale, ASSIGNED, model);
            notice(
                    expertId,
                    "advisory-assigned",
                    messages.get(
                            locale,
                            "advisory.assignment.notice.assigned",
                            request.title(),
                            advisoryCase.region(locale)),
                    request.href());
        }
    }

    /** Tells an expert they no longer work on the case (a notice: the case is no longer theirs to open). */
    void unassigned(AdvisoryCase advisoryCase, long expertId, long actorId) {
        if (expertId == actorId) {
            return;
        }
        for (Recipient recipient : recipient(expertId)) {
            notice(
                    expertId,
                    "advisory-unassigned",
                    messages.get(
                            recipient.locale(),
                            "advisory.assignment.notice.unassigned",
                            advisoryCase.request().title()),
                    "/doradztwo");
        }
    }

    /** Tells the expert who recorded a session whether its hours beyond the limit were granted. */
    void consent(
            AdvisoryCase advisoryCase,
            long expertId,
            AssignmentQueries.PendingSession session,
            boolean granted,
            long actorId) {
        if (expertId == actorId) {
            return;
        }
        for (Recipient recipient : recipient(expertId)) {
            notice(
                    expertId,
                    "advisory-consent",
                    messages.get(
                            recipient.locale(),
                            granted ? "advisory.assignment.notice.granted" : "advisory.assignment.notice.refused",
                            Formats.date(session.heldOn()),
                            advisoryCase.request().title()),
                    advisoryCase.request().href());
        }
    }

    private record Recipient(String email, Locale locale) {}

    private List<Recipient> recipient(long accountId) {
        return jdbc.sql("select email, language from account where id = :id and status = 'ACTIVE'")
                .param("id", accountId)
                .query((rs, n) -> new Recipient(
                        rs.getString(1), Language.fromCode(rs.getString(2)).locale()))
                .list();
    }

    private void notice(long accountId, String kind, String text, String link) {
        events.publishEvent(NoticeRequested.of(accountId, kind, text, link, Instant.now(clock)));
    }
}
