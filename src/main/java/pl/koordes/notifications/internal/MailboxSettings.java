package pl.koordes.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The development mailbox page.
 *
 * @param pageSize messages per page
 */
@ConfigurationProperties("koordes.mail.mailbox")
public record MailboxSettings(int pageSize) {

    public MailboxSettings {
        if (pageSize <= 0) {
            pageSize = 25;
        }
    }
}
