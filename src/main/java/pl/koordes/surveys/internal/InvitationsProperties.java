package pl.koordes.surveys.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the surveys' invitations and reminders.
 *
 * @param cron when the job looks for surveys that opened (invitation) or close soon (reminder), in
 *     Europe/Warsaw; "-" turns the job off (the tests run it by hand)
 * @param reminderDaysBefore how many days before the closing day the automatic reminder goes to those who
 *     have not answered
 */
@ConfigurationProperties("koordes.surveys")
public record InvitationsProperties(
        @DefaultValue(InvitationsProperties.DEFAULT_CRON) String cron,
        @DefaultValue("3") int reminderDaysBefore) {

    /** Every quarter of an hour: an invitation goes out within fifteen minutes of the opening. */
    public static final String DEFAULT_CRON = "0 */15 * * * *";
}
