package pl.koordes.surveys.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.surveys.ResponseMode;

/**
 * One person's invitation or reminder: an e-mail (an optional kind: not sent to an account that turned
 * notifications off) and an in-application notice, both queued in the transaction that claimed the round.
 */
@Component
class InvitationsMail {

    static final String INVITATION = "surveys/invitations/mail/surveyInvitation";
    static final String REMINDER = "surveys/invitations/mail/surveyReminder";

    /** The survey's description in a mail, at most this many characters: the survey page has the rest. */
    private static final int PURPOSE_MAX = 600;

    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;

    InvitationsMail(Mailer mailer, Messages messages, ApplicationEventPublisher events) {
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
    }

    void send(Survey survey, InvitationsAudience.Member member, MailingKind kind, LocalDate today, Instant now) {
        Locale locale = Language.fromCode(member.language()).locale();
        Instant closesAt = Objects.requireNonNull(survey.closesAt(), "an open survey closes");
        String closes = Formats.dateTime(closesAt);
        long daysLeft = Math.max(
                0, ChronoUnit.DAYS.between(today, closesAt.atZone(Formats.ZONE).toLocalDate()));
        Map<String, Object> model = Map.of(
                "invitationsTitle", survey.title(),
                "invitationsPurpose", purpose(survey.description()),
                "invitationsCloses", closes,
                "invitationsDaysLeft", daysLeft,
                "invitationsInstitution", survey.responseMode() == ResponseMode.INSTITUTION,
                "invitationsDraft", member.draft(),
                "path", survey.href());
        boolean invitation = kind == MailingKind.INVITATION;
        mailer.send(member.email(), locale, invitation ? INVITATION : REMINDER, model);
        String text = invitation
                ? messages.get(locale, "surveys.invitations.notice.invitation", survey.title(), closes)
                : messages.get(locale, "surveys.invitations.notice.reminder", survey.title(), closes, daysLeft);
        events.publishEvent(NoticeRequested.of(
                member.accountId(), invitation ? "survey-invitation" : "survey-reminder", text, survey.href(), now));
    }

    private static String purpose(String description) {
        String text = description.strip();
        if (text.codePointCount(0, text.length()) <= PURPOSE_MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, PURPOSE_MAX - 1)).strip() + "…";
    }
}
