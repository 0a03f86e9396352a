package pl.koordes.postulates.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * Forwarding's and answers' messages, queued in the transaction that decided them, each as an e-mail and an
 * in-application notice: to the addressee's people when a postulate is forwarded to them (and nobody
 * else's institution), to the region's coordinators and the operators when it is answered, and to the
 * addressee's people and the operators each week it is overdue.
 */
@Component
class AnswerMail {

    static final String FORWARDED = "postulates/answers/mail/postulateForwarded";
    static final String ANSWERED = "postulates/answers/mail/postulateAnswered";
    static final String OVERDUE = "postulates/answers/mail/postulateOverdue";

    private final Mailer mailer;
    private final RoleHolders holders;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerMail(Mailer mailer, RoleHolders holders, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.mailer = mailer;
        this.holders = holders;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Tells the people answering for the addressee; returns how many were told. */
    int forwarded(Postulate postulate, CentralInstitution addressee, LocalDate due) {
        List<RoleHolders.Holder> to = holders.ofInstitution(addressee.id());
        send(
                to,
                FORWARDED,
                "postulate-forwarded",
                postulate,
                Map.of("answersInstitution", addressee.name(), "answersDue", Formats.date(due)));
        return to.size();
    }

    /** Tells the region's coordinators and the operators of an answer or a correction. */
    int answered(Postulate postulate, CentralInstitution addressee, String statusKey) {
        List<RoleHolders.Holder> to =
                union(holders.active(List.of(Role.REGIONAL_COORDINATOR), postulate.regionId()), operators());
        for (RoleHolders.Holder holder : to) {
            Locale locale = Language.fromCode(holder.language()).locale();
            sendOne(
                    holder,
                    ANSWERED,
                    "postulate-answered",
                    postulate,
                    Map.of(
                            "answersInstitution", addressee.name(),
                            "answersStatus", messages.get(locale, statusKey)));
        }
        return to.size();
    }

    /** The weekly reminder to the addressee's people and the operators; returns how many were told. */
    int overdue(Postulate postulate, CentralInstitution addressee, long days) {
        List<RoleHolders.Holder> to = union(holders.ofInstitution(addressee.id()), operators());
        LocalDate due = postulate.answerDue();
        send(
                to,
                OVERDUE,
                "postulate-overdue",
                postulate,
                Map.of(
                        "answersInstitution",
                        addressee.name(),
                        "answersDue",
                        due == null ? "" : Formats.date(due),
                        "answersOverdue",
                        days));
        return to.size();
    }

    private List<RoleHolders.Holder> operators() {
        return holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null);
    }

    private static List<RoleHolders.Holder> union(List<RoleHolders.Holder> first, List<RoleHolders.Holder> second) {
        Map<Long, RoleHolders.Holder> byAccount = new LinkedHashMap<>();
        for (RoleHolders.Holder holder : first) {
            byAccount.putIfAbsent(holder.accountId(), holder);
        }
        for (RoleHolders.Holder holder : second) {
            byAccount.putIfAbsent(holder.accountId(), holder);
        }
        return new ArrayList<>(byAccount.values());
    }

    private void send(
            List<RoleHolders.Holder> to, String template, String kind, Postulate postulate, Map<String, Object> extra) {
        for (RoleHolders.Holder holder : to) {
            sendOne(holder, template, kind, postulate, extra);
        }
    }

    private void sendOne(
            RoleHolders.Holder holder, String template, String kind, Postulate postulate, Map<String, Object> extra) {
        Locale locale = Language.fromCode(holder.language()).locale();
        Map<String, Object> model = new HashMap<>(extra);
        model.put("answersTitle", postulate.title());
        model.put("path", postulate.href());
        mailer.send(holder.email(), locale, template, model);
        String text = switch (kind) {
            case "postulate-forwarded" ->
                messages.get(
                        locale,
                        "postulates.answers.notice.forwarded",
                        postulate.id(),
                        postulate.title(),
                        extra.get("answersDue"));
            case "postulate-answered" ->
                messages.get(
                        locale,
                        "postulates.answers.notice.answered",
                        postulate.id(),
                        postulate.title(),
                        extra.get("answersStatus"));
            default ->
                messages.get(
                        locale,
                        "postulates.answers.notice.overdue",
                        postulate.id(),
                        postulate.title(),
                        extra.get("answersOverdue"));
        };
        events.publishEvent(NoticeRequested.of(holder.accountId(), kind, text, postulate.href(), Instant.now(clock)));
    }
}
