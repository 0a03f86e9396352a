package pl.koordes.accounts.admin;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The invitation e-mails as delivered: the test profile has no SMTP server, so the mail module puts
 * them in its development mailbox (table notifications_dev_mailbox) after the transaction commits.
 */
final class SentInvitations {

    /**
     * One delivered invitation.
     *
     * @param path the link's path on the site, {@code /zaproszenie?token=…}
     */
    record Sent(String to, String subject, String textBody, String htmlBody, String path) {}

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/zaproszenie\\?token=[A-Za-z0-9_-]+)");

    private final JdbcClient jdbc;

    SentInvitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How many invitations have been delivered to this address. */
    int countTo(String email) {
        return all(email).size();
    }

    /** Waits until the {@code count}-th invitation to this address is delivered, and returns it. */
    Sent awaitNumber(int count, String email) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> all(email), list -> list.size() >= count)
                .get(count - 1);
    }

    private List<Sent> all(String email) {
        return jdbc.sql("""
                        select recipient, subject, text_body, html_body from notifications_dev_mailbox
                        where recipient = :to and kind = 'invitation' order by delivered_at, id
                        """)
                .param("to", email)
                .query((rs, n) -> {
                    Matcher link = LINK.matcher(rs.getString("text_body"));
                    return new Sent(
                            rs.getString("recipient"),
                            rs.getString("subject"),
                            rs.getString("text_body"),
                            rs.getString("html_body"),
                            link.find() ? link.group(1) : "");
                })
                .list();
    }
}
