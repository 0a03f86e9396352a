package pl.koordes.shared.mail;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of e-mail the application sends, one per mail template, and whether it is essential. This
 * is the one place that decides which mail an account can turn off: an optional kind goes at once only to an
 * account that wants its notification kind ({@link pl.koordes.shared.notice.NotificationKind}) by e-mail at
 * once ({@link MailPreferences}); mail to an address without an account (a visitor) always goes. {@link Mailer}
 * refuses a template not listed here, so a new template must be classified when it is written (docs/mail.md
 * lists the reasons).
 */
public enum MailKind {

    // Access to the account and its security: always sent.
    PASSWORD_RESET("accounts/mail/passwordReset", Need.ESSENTIAL),
    VERIFY_EMAIL("accounts/mail/verifyEmail", Need.ESSENTIAL),
    ALREADY_REGISTERED("accounts/mail/alreadyRegistered", Need.ESSENTIAL),
    EMAIL_CHANGE_CONFIRM("accounts/mail/emailChangeConfirm", Need.ESSENTIAL),
    EMAIL_CHANGE_REQUESTED("accounts/mail/emailChangeRequested", Need.ESSENTIAL),
    EMAIL_CHANGED("accounts/mail/emailChanged", Need.ESSENTIAL),
    EMAIL_TAKEN("accounts/mail/emailTaken", Need.ESSENTIAL),
    CREDENTIALS_CHANGED("accounts/mail/credentialsChanged", Need.ESSENTIAL),
    INVITATION("mail/invitation", Need.ESSENTIAL),
    // The link to a visitor's own data: asked for, and the way to exercise a right of the GDPR.
    PERSONAL_DATA("accounts/mail/personalData", Need.ESSENTIAL),

    // The person's own registration for an event and changes to an event they are registered for: always sent.
    CONFIRM_REGISTRATION("events/mail/confirmRegistration", Need.ESSENTIAL),
    REGISTRATION_CONFIRMED("events/mail/registrationConfirmed", Need.ESSENTIAL),
    WAITING_LIST("events/mail/waitingList", Need.ESSENTIAL),
    PROMOTED("events/mail/promoted", Need.ESSENTIAL),
    EVENT_CHANGED("events/mail/eventChanged", Need.ESSENTIAL),
    EVENT_CANCELLED("events/mail/eventCancelled", Need.ESSENTIAL),
    REGISTRATION_REMOVED("events/mail/registrationRemoved", Need.ESSENTIAL),

    // Monitoring: a region's values come back to its coordinators for a fix or a correction: always sent.
    REPORTING_RETURNED("monitoring/reporting/mail/reportingReturned", Need.ESSENTIAL),
    REPORTING_REOPENED("monitoring/reporting/mail/reportingReopened", Need.ESSENTIAL),

    // Postulates: a postulate forwarded to an institution is work its people must do: always sent.
    POSTULATE_FORWARDED("postulates/answers/mail/postulateForwarded", Need.ESSENTIAL),

    // An administrator's test of the mail settings, sent at their request: always sent.
    CHECK("notifications/mail/check", Need.ESSENTIAL),
    // The daily digest of notifications, sent only to a person who chose it for some kind, and only when there is
    // something in it: optional, so that its unsubscribe link can turn it off (it has no NotificationKind of its
    // own; MailPreferences lets it through, since choosing the digest is asking for it).
    DIGEST("notifications/mail/digest", Need.OPTIONAL),

    // Advisory: an expert assigned to a case has work to do: always sent.
    ADVISORY_ASSIGNED("advisory/assignment/mail/advisoryAssigned", Need.ESSENTIAL),

    // Committees: a meeting convened, changed or cancelled (a member's statutory duty to attend, with the .ics),
    // and a member flagged for three unexcused absences (the coordinators' work): always sent.
    COMMITTEE_MEETING_INVITATION("committees/meetings/mail/committeeMeetingInvitation", Need.ESSENTIAL),
    COMMITTEE_MEETING_CHANGED("committees/meetings/mail/committeeMeetingChanged", Need.ESSENTIAL),
    COMMITTEE_MEETING_CANCELLED("committees/meetings/mail/committeeMeetingCancelled", Need.ESSENTIAL),
    COMMITTEE_ABSENCE_FLAGGED("committees/meetings/mail/committeeAbsenceFlagged", Need.ESSENTIAL),

    // Notifications: sent at once only to an account that wants its notification kind by e-mail at once.
    EVENT_REMINDER("events/mail/reminder", Need.OPTIONAL),
    COMMENT_PUBLISHED("comments/mail/published", Need.OPTIONAL),
    REPORTING_SUBMITTED("monitoring/reporting/mail/reportingSubmitted", Need.OPTIONAL),
    REPORTING_REMINDER("monitoring/reporting/mail/reportingReminder", Need.OPTIONAL),
    REPORTING_OVERDUE("monitoring/reporting/mail/reportingOverdue", Need.OPTIONAL),
    // Postulates: a region submitted a postulate, the operators review it.
    POSTULATE_SUBMITTED("postulates/drafting/mail/postulateSubmitted", Need.OPTIONAL),
    POSTULATE_ANSWERED("postulates/answers/mail/postulateAnswered", Need.OPTIONAL),
    POSTULATE_OVERDUE("postulates/answers/mail/postulateOverdue", Need.OPTIONAL),
    // Postulates: another region co-signed the region's postulate; a followed postulate changed.
    POSTULATE_COSIGNED("postulates/support/mail/postulateCosigned", Need.OPTIONAL),
    POSTULATE_CHANGED("postulates/support/mail/postulateChanged", Need.OPTIONAL),
    // Surveys: an invitation to answer, and a reminder to those who have not answered before it closes.
    SURVEY_INVITATION("surveys/invitations/mail/surveyInvitation", Need.OPTIONAL),
    SURVEY_REMINDER("surveys/invitations/mail/surveyReminder", Need.OPTIONAL),
    // Advisory: a region asks for advice, the operators decide on it.
    ADVISORY_REQUESTED("advisory/requests/mail/advisoryRequested", Need.OPTIONAL),
    // Advisory: the operator accepted or declined a region's request.
    ADVISORY_DECIDED("advisory/assignment/mail/advisoryDecided", Need.OPTIONAL),
    // Advisory sessions: hours beyond a case's limit wait for the operator's consent (work to do: always sent);
    // a follow-up task given to someone and past its date, a case closed (the region rates it).
    ADVISORY_HOURS_CONSENT("advisory/sessions/mail/advisoryHoursConsent", Need.ESSENTIAL),
    ADVISORY_TASK_ASSIGNED("advisory/sessions/mail/advisoryTaskAssigned", Need.OPTIONAL),
    ADVISORY_TASK_OVERDUE("advisory/sessions/mail/advisoryTaskOverdue", Need.OPTIONAL),
    ADVISORY_COMPLETED("advisory/sessions/mail/advisoryCompleted", Need.OPTIONAL),
    // Committees: minutes sent to the members for remarks by a day (work a member is asked to do: always sent).
    COMMITTEE_MINUTES_REVIEW("committees/resolutions/mail/committeeMinutesReview", Need.ESSENTIAL),
    // Committees: a member's term ends in three months; the region's coordinators prepare the marshal's decision.
    COMMITTEE_TERM_ENDING("committees/composition/mail/committeeTermEnding", Need.OPTIONAL),
    // Discussions: a new post in a followed space or thread, and a mention by name in a space the person reads.
    DISCUSSION_POST("knowledge/discussions/mail/discussionPost", Need.OPTIONAL),
    DISCUSSION_MENTION("knowledge/discussions/mail/discussionMention", Need.OPTIONAL);

    /** Whether an account may turn the kind off. */
    public enum Need {
        /** Needed to use the account or to keep a registration: sent whatever the preference. */
        ESSENTIAL,
        /** A notification: not sent to an account whose notifications are off. */
        OPTIONAL
    }

    private static final Map<String, MailKind> BY_TEMPLATE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MailKind::template, Function.identity()));
    private static final Map<String, MailKind> BY_KIND =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(MailKind::kind, Function.identity()));

    private final String template;
    private final Need need;

    MailKind(String template, Need need) {
        this.template = template;
        this.need = need;
    }

    /** The template, a path under src/main/jte without ".jte" ({@code accounts/mail/passwordReset}). */
    public String template() {
        return template;
    }

    /** The short name in {@link MailRequested#kind()}, the mailbox and the logs: the template's file name. */
    public String kind() {
        return template.substring(template.lastIndexOf('/') + 1);
    }

    public Need need() {
        return need;
    }

    public boolean optional() {
        return need == Need.OPTIONAL;
    }

    /**
     * The kind of {@code template}.
     *
     * @throws IllegalStateException for a template not classified here
     */
    public static MailKind ofTemplate(String template) {
        MailKind kind = BY_TEMPLATE.get(template);
        if (kind == null) {
            throw new IllegalStateException(
                    "Mail template " + template + " is not classified in MailKind (essential or optional)");
        }
        return kind;
    }

    /** The kind named {@code kind} ({@link MailRequested#kind()}), if it is one. */
    public static Optional<MailKind> ofKind(String kind) {
        return Optional.ofNullable(BY_KIND.get(kind));
    }
}
