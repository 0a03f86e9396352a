package pl.koordes.surveys.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.surveys.SurveyAction;
import pl.koordes.surveys.SurveyChanged;
import pl.koordes.surveys.SurveyPhase;

/**
 * Invitations and reminders to a survey's audience ({@link InvitationsAudience}) who have not answered.
 * A round is one kind of mail for one survey on one day (Europe/Warsaw): it is claimed by inserting its
 * {@code surveys_mailing} row ({@code on conflict do nothing}) before any mail is queued in the same
 * transaction, so two nodes, two runs of the job or two clicks at once send it once. Every change of a
 * survey locks its row first ({@link SurveyStore#lock}), so a round never overlaps a closing.
 *
 * <ul>
 *   <li>By hand ({@link #sendNow}): the operator sends either kind while the survey is open, once a day.
 *   <li>By the job ({@link #sendDue}): the invitation once, when the survey is open and none was sent by
 *       hand; the reminder {@link InvitationsProperties#reminderDaysBefore()} days before the closing day
 *       (or on a later day if the job could not run that day), once, and never on the day of the invitation.
 * </ul>
 */
@Service
public class InvitationsMailings {

    /**
     * A round sent.
     *
     * @param sentOn the day it counts for (Europe/Warsaw)
     * @param recipients the people it was addressed to (mail and notice; mail only where they want it)
     */
    public record Round(MailingKind kind, LocalDate sentOn, int recipients, Instant sentAt) {}

    /**
     * What a "send now" did.
     *
     * @param sent false when the round of this kind had already been sent today: nothing was sent
     * @param recipients how many people it went to
     */
    public record Outcome(boolean sent, int recipients) {}

    private final JdbcClient jdbc;
    private final SurveyStore store;
    private final InvitationsAudience audience;
    private final InvitationsMail mail;
    private final ApplicationEventPublisher events;
    private final InvitationsProperties settings;
    private final Clock clock;

    InvitationsMailings(
            JdbcClient jdbc,
            SurveyStore store,
            InvitationsAudience audience,
            InvitationsMail mail,
            ApplicationEventPublisher events,
            InvitationsProperties settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.audience = audience;
        this.mail = mail;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The operator's "send now": the round of this kind for today, to everyone in the audience who has not
     * answered, unless one was sent today already.
     *
     * @throws Refused (a conflict) when the survey is not open
     * @throws NotFound when there is no such survey
     */
    @Transactional
    public Outcome sendNow(long surveyId, MailingKind kind) {
        Instant now = clock.instant();
        Survey survey = store.lock(surveyId).orElseThrow(() -> new NotFound("survey", surveyId));
        if (survey.phase(now) != SurveyPhase.OPEN) {
            throw Refused.conflict("surveys.invitations.refused.notOpen");
        }
        return send(survey, kind, today(now), now, false);
    }

    /** The surveys open at this moment: those the job looks at. */
    @Transactional(readOnly = true)
    public List<Long> open(Instant now) {
        return jdbc.sql("""
                        select id from surveys_survey
                        where published and opens_at <= :now and closes_at > :now order by id
                        """).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    /**
     * The job's turn for one survey: the invitation if none went yet, else the reminder when its day has
     * come and none went since. Returns the kind sent, if any.
     */
    @Transactional
    public Optional<MailingKind> sendDue(long surveyId, Instant now) {
        Optional<Survey> found = store.lock(surveyId);
        if (found.isEmpty() || found.get().phase(now) != SurveyPhase.OPEN) {
            return Optional.empty();
        }
        Survey survey = found.get();
        LocalDate today = today(now);
        List<Round> rounds = rounds(surveyId);
        Optional<LocalDate> invited = rounds.stream()
                .filter(r -> r.kind() == MailingKind.INVITATION)
                .map(Round::sentOn)
                .min(LocalDate::compareTo);
        if (invited.isEmpty()) {
            return send(survey, MailingKind.INVITATION, today, now, true).sent()
                    ? Optional.of(MailingKind.INVITATION)
                    : Optional.empty();
        }
        LocalDate reminderDay = reminderDay(survey);
        boolean reminded = rounds.stream()
                .anyMatch(r -> r.kind() == MailingKind.REMINDER && !r.sentOn().isBefore(reminderDay));
        boolean invitedToday = rounds.stream()
                .anyMatch(r -> r.kind() == MailingKind.INVITATION && r.sentOn().equals(today));
        if (today.isBefore(reminderDay) || reminded || invitedToday) {
            return Optional.empty();
        }
        return send(survey, MailingKind.REMINDER, today, now, true).sent()
                ? Optional.of(MailingKind.REMINDER)
                : Optional.empty();
    }

    /** The day the automatic reminder goes: so many days before the closing day. */
    public LocalDate reminderDay(Survey survey) {
        Instant closesAt = Objects.requireNonNull(survey.closesAt(), "a published survey closes");
        return closesAt.atZone(Formats.ZONE).toLocalDate().minusDays(settings.reminderDaysBefore());
    }

    /** The rounds sent for a survey, newest first. */
    @Transactional(readOnly = true)
    public List<Round> rounds(long surveyId) {
        return jdbc.sql("""
                        select kind, sent_on, recipients, sent_at from surveys_mailing
                        where survey_id = :survey order by sent_on desc, sent_at desc
                        """)
                .param("survey", surveyId)
                .query((rs, n) -> new Round(
                        MailingKind.valueOf(rs.getString(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getInt(3),
                        Objects.requireNonNull(SurveyStore.instant(rs, "sent_at"))))
                .list();
    }

    /** Today in Poland: rounds are counted per Polish calendar day. */
    public LocalDate today(Instant now) {
        return now.atZone(Formats.ZONE).toLocalDate();
    }

    private Outcome send(Survey survey, MailingKind kind, LocalDate today, Instant now, boolean automatic) {
        int claimed = jdbc.sql("""
                        insert into surveys_mailing (survey_id, kind, sent_on, recipients, sent_at)
                        values (:survey, :kind, :day, 0, :now) on conflict do nothing
                        """)
                .param("survey", survey.id())
                .param("kind", kind.name())
                .param("day", today)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return new Outcome(false, 0);
        }
        List<InvitationsAudience.Member> recipients = audience.members(survey).stream()
                .filter(member -> !member.answered())
                .toList();
        for (InvitationsAudience.Member member : recipients) {
            mail.send(survey, member, kind, today, now);
        }
        jdbc.sql("""
                        update surveys_mailing set recipients = :recipients
                        where survey_id = :survey and kind = :kind and sent_on = :day
                        """)
                .param("recipients", recipients.size())
                .param("survey", survey.id())
                .param("kind", kind.name())
                .param("day", today)
                .update();
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("title", survey.title());
        Map<String, @Nullable Object> after = new LinkedHashMap<>(before);
        after.put("mailingDay", today.toString());
        after.put("recipients", recipients.size());
        after.put("automatic", automatic);
        events.publishEvent(new SurveyChanged(
                kind == MailingKind.INVITATION
                        ? SurveyAction.SURVEY_INVITATIONS_SENT
                        : SurveyAction.SURVEY_REMINDERS_SENT,
                survey.id(),
                before,
                after));
        return new Outcome(true, recipients.size());
    }
}
