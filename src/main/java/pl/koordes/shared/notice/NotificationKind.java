package pl.koordes.shared.notice;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import pl.koordes.shared.mail.MailKind;

/**
 * Every kind of notification a person can receive, in one place: what the notice centre shows, what the
 * preferences page offers and what an e-mail's unsubscribe link names. A module publishes
 * {@link NoticeRequested} with one of these {@link #key() keys}; the e-mails a kind sends are its
 * {@link #mails()}. A kind is essential when all its mail is ({@link MailKind.Need#ESSENTIAL}): it always goes
 * by e-mail and the preferences page only names it. The label is the message
 * {@code notifications.kind.<key>}, the group's {@code notifications.group.<group>} (Polish and English).
 */
public enum NotificationKind {
    // The account: an invitation the person sent was accepted.
    INVITATION_ACCEPTED("invitation-accepted", Group.ACCOUNT),

    // Events: the person's own registration and changes to an event they are registered for.
    REGISTRATION_CONFIRMED("registration-confirmed", Group.EVENTS, MailKind.REGISTRATION_CONFIRMED),
    REGISTRATION_PROMOTED("registration-promoted", Group.EVENTS, MailKind.PROMOTED),
    EVENT_CHANGED("event-changed", Group.EVENTS, MailKind.EVENT_CHANGED),
    EVENT_CANCELLED("event-cancelled", Group.EVENTS, MailKind.EVENT_CANCELLED),
    EVENT_REMINDER("event-reminder", Group.EVENTS, MailKind.EVENT_REMINDER),

    // Comments: one awaits an editor; the person's own comment was published.
    COMMENT_AWAITING("comment-awaiting", Group.COMMENTS),
    COMMENT_PUBLISHED("comment-published", Group.COMMENTS, MailKind.COMMENT_PUBLISHED),

    // Monitoring: a region's reporting.
    REPORTING_SUBMITTED("reporting-submitted", Group.MONITORING, MailKind.REPORTING_SUBMITTED),
    REPORTING_RETURNED("reporting-returned", Group.MONITORING, MailKind.REPORTING_RETURNED),
    REPORTING_REOPENED("reporting-reopened", Group.MONITORING, MailKind.REPORTING_REOPENED),
    REPORTING_REMINDER("reporting-reminder", Group.MONITORING, MailKind.REPORTING_REMINDER),
    REPORTING_OVERDUE("reporting-overdue", Group.MONITORING, MailKind.REPORTING_OVERDUE),

    // Postulates.
    POSTULATE_SUBMITTED("postulate-submitted", Group.POSTULATES, MailKind.POSTULATE_SUBMITTED),
    POSTULATE_FORWARDED("postulate-forwarded", Group.POSTULATES, MailKind.POSTULATE_FORWARDED),
    POSTULATE_ANSWERED("postulate-answered", Group.POSTULATES, MailKind.POSTULATE_ANSWERED),
    POSTULATE_OVERDUE("postulate-overdue", Group.POSTULATES, MailKind.POSTULATE_OVERDUE),
    POSTULATE_COSIGNED("postulate-cosigned", Group.POSTULATES, MailKind.POSTULATE_COSIGNED),
    POSTULATE_CHANGED("postulate-changed", Group.POSTULATES, MailKind.POSTULATE_CHANGED),

    // Surveys.
    SURVEY_INVITATION("survey-invitation", Group.SURVEYS, MailKind.SURVEY_INVITATION),
    SURVEY_REMINDER("survey-reminder", Group.SURVEYS, MailKind.SURVEY_REMINDER),

    // Advisory.
    ADVISORY_REQUESTED("advisory-requested", Group.ADVISORY, MailKind.ADVISORY_REQUESTED),
    ADVISORY_DECIDED("advisory-decided", Group.ADVISORY, MailKind.ADVISORY_DECIDED),
    ADVISORY_ASSIGNED("advisory-assigned", Group.ADVISORY, MailKind.ADVISORY_ASSIGNED),
    ADVISORY_UNASSIGNED("advisory-unassigned", Group.ADVISORY),
    ADVISORY_CONSENT("advisory-consent", Group.ADVISORY),
    ADVISORY_HOURS_CONSENT("advisory-hours-consent", Group.ADVISORY, MailKind.ADVISORY_HOURS_CONSENT),
    ADVISORY_SESSION_SCHEDULED("advisory-session-scheduled", Group.ADVISORY),
    ADVISORY_SESSION_RECORDED("advisory-session-recorded", Group.ADVISORY),
    ADVISORY_TASK_ASSIGNED("advisory-task-assigned", Group.ADVISORY, MailKind.ADVISORY_TASK_ASSIGNED),
    ADVISORY_TASK_OVERDUE("advisory-task-overdue", Group.ADVISORY, MailKind.ADVISORY_TASK_OVERDUE),
    ADVISORY_COMPLETED("advisory-completed", Group.ADVISORY, MailKind.ADVISORY_COMPLETED),
    ADVISORY_RATED("advisory-rated", Group.ADVISORY),

    // Committees.
    COMMITTEE_MEETING_INVITED("committee-meeting-invited", Group.COMMITTEES, MailKind.COMMITTEE_MEETING_INVITATION),
    COMMITTEE_MEETING_CHANGED("committee-meeting-changed", Group.COMMITTEES, MailKind.COMMITTEE_MEETING_CHANGED),
    COMMITTEE_MEETING_CANCELLED("committee-meeting-cancelled", Group.COMMITTEES, MailKind.COMMITTEE_MEETING_CANCELLED),
    COMMITTEE_ABSENCE_FLAGGED("committee-absence-flagged", Group.COMMITTEES, MailKind.COMMITTEE_ABSENCE_FLAGGED),
    COMMITTEE_MINUTES_REVIEW("committee-minutes-review", Group.COMMITTEES, MailKind.COMMITTEE_MINUTES_REVIEW),
    COMMITTEE_MINUTES_ADOPTED("committee-minutes-adopted", Group.COMMITTEES),
    COMMITTEE_TERM_ENDING("committee-term-ending", Group.COMMITTEES, MailKind.COMMITTEE_TERM_ENDING),

    // Discussions in the knowledge spaces.
    DISCUSSION_POST("discussion-post", Group.DISCUSSIONS, MailKind.DISCUSSION_POST),
    DISCUSSION_MENTION("discussion-mention", Group.DISCUSSIONS, MailKind.DISCUSSION_MENTION);

    /** The sections of the preferences page, in its order. */
    public enum Group {
        ACCOUNT,
        EVENTS,
        COMMENTS,
        MONITORING,
        POSTULATES,
        SURVEYS,
        ADVISORY,
        COMMITTEES,
        DISCUSSIONS
    }

    private static final Map<String, NotificationKind> BY_KEY =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(NotificationKind::key, Function.identity()));
    private static final Map<MailKind, NotificationKind> BY_MAIL = Arrays.stream(values())
            .flatMap(kind -> kind.mails.stream().map(mail -> Map.entry(mail, kind)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String key;
    private final Group group;
    private final List<MailKind> mails;

    NotificationKind(String key, Group group, MailKind... mails) {
        this.key = key;
        this.group = group;
        this.mails = List.of(mails);
    }

    /** The short name stored with a notice and used in forms and unsubscribe links ({@code "event-changed"}). */
    public String key() {
        return key;
    }

    public Group group() {
        return group;
    }

    /** The e-mails of this kind; none for a kind told only in the application (or in the digest). */
    public List<MailKind> mails() {
        return mails;
    }

    /** Always sent by e-mail at once: every e-mail of the kind is essential. */
    public boolean essential() {
        return !mails.isEmpty() && mails.stream().noneMatch(MailKind::optional);
    }

    /** Whether the kind has e-mail of its own (otherwise "e-mail at once" sends the notice's text). */
    public boolean hasOwnMail() {
        return !mails.isEmpty();
    }

    /** The message key of the label. */
    public String labelKey() {
        return "notifications.kind." + key;
    }

    public static Optional<NotificationKind> ofKey(String key) {
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** The kind an e-mail belongs to, if it is a notification (not, say, a password reset). */
    public static Optional<NotificationKind> ofMail(MailKind mail) {
        return Optional.ofNullable(BY_MAIL.get(mail));
    }
}
