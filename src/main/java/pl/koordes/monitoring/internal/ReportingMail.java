package pl.koordes.monitoring.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.Region;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.MailKind;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.security.Role;

/**
 * Reporting's e-mails, queued in the transaction that decided them: to the region's coordinators when
 * values come back to them (returned, reopened) and before and after the deadline; to the operators when a
 * region submits. Each message names the region and the period and links to the region's values; each
 * recipient also finds it in the notification centre (a notice published beside the e-mail).
 */
@Component
class ReportingMail {

    static final String SUBMITTED = "monitoring/reporting/mail/reportingSubmitted";
    static final String RETURNED = "monitoring/reporting/mail/reportingReturned";
    static final String REOPENED = "monitoring/reporting/mail/reportingReopened";
    static final String REMINDER = "monitoring/reporting/mail/reportingReminder";
    static final String OVERDUE = "monitoring/reporting/mail/reportingOverdue";

    private final Mailer mailer;
    private final RoleHolders holders;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportingMail(
            Mailer mailer, RoleHolders holders, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.mailer = mailer;
        this.holders = holders;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    void submitted(Region region, ReportingPeriod period, int count) {
        send(
                holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null),
                SUBMITTED,
                region,
                period,
                Map.of("reportingCount", (long) count));
    }

    void returned(Region region, ReportingPeriod period, int count, String reason) {
        send(
                coordinators(region),
                RETURNED,
                region,
                period,
                Map.of("reportingCount", (long) count, "reportingReason", reason));
    }

    void reopened(Region region, ReportingPeriod period, ReportingLine line, String reason) {
        send(
                coordinators(region),
                REOPENED,
                region,
                period,
                Map.of("reportingIndicator", line.code() + " " + line.name(), "reportingReason", reason));
    }

    /** A reminder to the region's coordinators; returns how many messages were queued. */
    int reminder(Region region, ReportingPeriod period, int missing, boolean overdue) {
        List<RoleHolders.Holder> to = coordinators(region);
        send(to, overdue ? OVERDUE : REMINDER, region, period, Map.of("reportingCount", (long) missing));
        return to.size();
    }

    private List<RoleHolders.Holder> coordinators(Region region) {
        return holders.active(List.of(Role.REGIONAL_COORDINATOR), region.id());
    }

    private void send(
            List<RoleHolders.Holder> to,
            String template,
            Region region,
            ReportingPeriod period,
            Map<String, Object> extra) {
        NotificationKind kind =
                NotificationKind.ofMail(MailKind.ofTemplate(template)).orElseThrow();
        String path = "/monitoring/sprawozdania/" + period.id() + "/" + region.slug();
        String periodName = period.half() == null ? String.valueOf(period.year()) : period.year() + "/" + period.half();
        for (RoleHolders.Holder holder : to) {
            var language = Language.fromCode(holder.language());
            Map<String, Object> model = new HashMap<>(extra);
            model.put("reportingRegion", region.name(language.locale()));
            model.put("reportingPeriod", periodName);
            model.put("reportingDeadline", Formats.date(period.deadline()));
            model.put("path", path);
            mailer.send(holder.email(), language.locale(), template, model);
            String text = messages.get(
                    language.locale(),
                    "monitoring.reporting.notification." + kind.key(),
                    region.name(language.locale()),
                    periodName,
                    Formats.date(period.deadline()));
            events.publishEvent(NoticeRequested.of(holder.accountId(), kind, text, path, clock.instant()));
        }
    }
}
