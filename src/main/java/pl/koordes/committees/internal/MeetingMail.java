package pl.koordes.committees.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.events.CalendarFiles;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.EmailAddresses;
import pl.koordes.shared.mail.MailAttachment;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * The meetings' messages, queued in the transaction that decided them: the invitation (with the {@code .ics}),
 * a change and a cancellation to each member sitting on the meeting's day who has an address, and a notice to
 * each member linked to an account; a flag for three absences to the region's coordinators (e-mail and notice).
 */
@Component
class MeetingMail {

    static final String INVITATION = "committees/meetings/mail/committeeMeetingInvitation";
    static final String CHANGED = "committees/meetings/mail/committeeMeetingChanged";
    static final String CANCELLED = "committees/meetings/mail/committeeMeetingCancelled";
    static final String FLAGGED = "committees/meetings/mail/committeeAbsenceFlagged";
    static final String CALENDAR_FILE = "posiedzenie.ics";

    private final Mailer mailer;
    private final RoleHolders holders;
    private final CalendarFiles calendars;
    private final Messages messages;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MeetingMail(
            Mailer mailer,
            RoleHolders holders,
            CalendarFiles calendars,
            Messages messages,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.mailer = mailer;
        this.holders = holders;
        this.calendars = calendars;
        this.messages = messages;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The meeting was convened: an invitation to every member sitting on its day. */
    void invited(CommitteeSpace space, Meeting meeting, List<CommitteeSeat> seats) {
        toMembers(space, meeting, seats, INVITATION, "committees.meetings.notice.invited", "committee-meeting-invited");
    }

    /** A convened meeting changed: the members again, with the new calendar file. */
    void changed(CommitteeSpace space, Meeting meeting, List<CommitteeSeat> seats) {
        toMembers(space, meeting, seats, CHANGED, "committees.meetings.notice.changed", "committee-meeting-changed");
    }

    /** A convened meeting was cancelled: the members, with the reason and a calendar file that removes it. */
    void cancelled(CommitteeSpace space, Meeting meeting, List<CommitteeSeat> seats) {
        toMembers(
                space,
                meeting,
                seats,
                CANCELLED,
                "committees.meetings.notice.cancelled",
                "committee-meeting-cancelled");
    }

    /** A member was flagged: the region's coordinators, by e-mail and in the application. */
    void flagged(CommitteeSpace space, CommitteeSeat seat, List<LocalDate> days) {
        String path = CommitteePaths.space(space) + "#nieobecnosci";
        String dates = String.join(", ", days.stream().map(Formats::date).toList());
        for (RoleHolders.Holder holder : holders.active(
                List.of(Role.REGIONAL_COORDINATOR), space.region().id())) {
            Locale locale = Language.fromCode(holder.language()).locale();
            Map<String, Object> model = new HashMap<>();
            model.put("committeeName", space.committee().name());
            model.put("memberName", seat.fullName());
            model.put("dates", dates);
            model.put("path", path);
            mailer.send(holder.email(), locale, FLAGGED, model);
            notice(
                    holder.accountId(),
                    "committee-absence-flagged",
                    messages.get(locale, "committees.meetings.notice.flagged", seat.fullName(), dates),
                    path);
        }
    }

    private void toMembers(
            CommitteeSpace space,
            Meeting meeting,
            List<CommitteeSeat> seats,
            String template,
            String noticeKey,
            String kind) {
        LocalDate day = meeting.startsAt().atZone(Formats.ZONE).toLocalDate();
        List<CommitteeSeat> sitting = seats.stream().filter(s -> s.sitsOn(day)).toList();
        Map<Long, String> languages = languages(sitting);
        String path = CommitteePaths.meeting(space, meeting.id());
        byte[] calendar = calendars
                .file(List.of(MeetingCalendar.entry(meeting, path)), meeting.title())
                .getBytes(StandardCharsets.UTF_8);
        String method = meeting.status() == MeetingStatus.CANCELLED ? "CANCEL" : "PUBLISH";
        for (CommitteeSeat seat : sitting) {
            Locale locale = Language.fromCode(
                            seat.accountId() == null ? "pl" : languages.getOrDefault(seat.accountId(), "pl"))
                    .locale();
            String email = seat.email();
            if (email != null && EmailAddresses.valid(email)) {
                mailer.send(
                        email,
                        locale,
                        template,
                        model(space, meeting, path, locale),
                        List.of(new MailAttachment(
                                CALENDAR_FILE, "text/calendar; charset=UTF-8; method=" + method, calendar)));
            }
            if (seat.accountId() != null && languages.containsKey(seat.accountId())) {
                notice(
                        Objects.requireNonNull(seat.accountId()),
                        kind,
                        messages.get(locale, noticeKey, meeting.title(), Formats.dateTime(meeting.startsAt())),
                        path);
            }
        }
    }

    private Map<String, Object> model(CommitteeSpace space, Meeting meeting, String path, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("committeeName", space.committee().name());
        model.put("meeting", meeting);
        model.put("when", MeetingCalendar.when(meeting));
        model.put("path", path);
        model.put("reason", meeting.cancelReason() == null ? "" : meeting.cancelReason());
        return model;
    }

    /** The languages of the active accounts the seats are linked to. */
    private Map<Long, String> languages(List<CommitteeSeat> seats) {
        List<Long> ids = seats.stream()
                .map(CommitteeSeat::accountId)
                .filter(Objects::nonNull)
                .toList();
        Map<Long, String> languages = new HashMap<>();
        if (ids.isEmpty()) {
            return languages;
        }
        jdbc.sql("select id, language from account where status = 'ACTIVE' and id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .forEach(e -> languages.put(e.getKey(), e.getValue()));
        return languages;
    }

    private void notice(long accountId, String kind, String text, String link) {
        events.publishEvent(NoticeRequested.of(accountId, kind, text, link, clock.instant()));
    }
}
