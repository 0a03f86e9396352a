package pl.koordes.committees.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;

/**
 * The minutes' messages, queued in the transaction that sent them for remarks: every member who sat on the
 * committee on the meeting's day gets an e-mail at the address the committee keeps (in Polish, the committee's
 * language) and, when linked to an account, a notice in the application.
 */
@Component
class MinutesMail {

    static final String REVIEW = "committees/resolutions/mail/committeeMinutesReview";

    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MinutesMail(Mailer mailer, Messages messages, ApplicationEventPublisher events, Clock clock) {
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** Tells the members; returns how many were e-mailed. */
    int sentForRemarks(List<CommitteeSeat> members, Meeting meeting, String path, LocalDate until) {
        Locale locale = Language.PL.locale();
        int mailed = 0;
        // A person with two seats (a new term begun before the old one was closed) is told once.
        Set<String> addresses = new HashSet<>();
        Set<Long> accounts = new HashSet<>();
        for (CommitteeSeat seat : members) {
            String email = seat.email();
            if (email != null && !email.isBlank() && addresses.add(email.toLowerCase(Locale.ROOT))) {
                Map<String, Object> model = new HashMap<>();
                model.put("minutesMeeting", meeting.title());
                model.put("minutesHeldOn", Formats.date(meeting.startsAt()));
                model.put("minutesUntil", Formats.date(until));
                model.put("path", path);
                mailer.send(email, locale, REVIEW, model);
                mailed++;
            }
            Long account = seat.accountId();
            if (account != null && accounts.add(account)) {
                events.publishEvent(NoticeRequested.of(
                        account,
                        "committee-minutes-review",
                        messages.get(locale, "committees.minutes.notice.review", meeting.title(), Formats.date(until)),
                        path,
                        clock.instant()));
            }
        }
        return mailed;
    }

    /** Tells the members linked to accounts that the minutes are adopted (in the application; no mail). */
    void adopted(List<CommitteeSeat> members, Meeting meeting, String path) {
        Locale locale = Language.PL.locale();
        members.stream()
                .map(CommitteeSeat::accountId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(account -> events.publishEvent(NoticeRequested.of(
                        account,
                        "committee-minutes-adopted",
                        messages.get(locale, "committees.minutes.notice.adopted", meeting.title()),
                        path,
                        clock.instant())));
    }
}
