package pl.koordes.notifications.internal;

import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;
import pl.koordes.shared.mail.MailSettings;

/**
 * Mail before launch: an SMTP server (without one every message stays in the development mailbox and
 * nobody gets an invitation or a confirmation), and a sender address of the operator's own domain rather
 * than the example one.
 */
@Component
class MailGoLiveCheck implements GoLiveCheck {

    private final Environment environment;
    private final MailSettings settings;

    MailGoLiveCheck(Environment environment, MailSettings settings) {
        this.environment = environment;
        this.settings = settings;
    }

    @Override
    public List<Item> items() {
        String host = environment.getProperty("spring.mail.host", "").strip();
        String from = settings.fromAddress().getAddress();
        boolean example = from.endsWith(".example") || from.endsWith(".example.com") || from.endsWith(".test");
        return List.of(
                Item.of(
                        30,
                        "notifications.golive.server.title",
                        !host.isEmpty(),
                        host.isEmpty()
                                ? "notifications.golive.server.state.mailbox"
                                : "notifications.golive.server.state.smtp",
                        "notifications.golive.server.advice",
                        host),
                Item.of(
                        31,
                        "notifications.golive.sender.title",
                        !example,
                        "notifications.golive.sender.state",
                        "notifications.golive.sender.advice",
                        settings.from()));
    }
}
