package pl.koordes.notifications.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;

/**
 * The unsubscribe links' key before launch: without {@code koordes.notifications.unsubscribe-secret} each start
 * (and each node) signs with a key of its own, so the link in an e-mail sent before a restart, or opened on
 * another node, is refused.
 */
@Component
class UnsubscribeGoLiveCheck implements GoLiveCheck {

    private final UnsubscribeSettings settings;

    UnsubscribeGoLiveCheck(UnsubscribeSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Item> items() {
        boolean set = settings.configured();
        return List.of(Item.of(
                32,
                "notifications.golive.unsubscribe.title",
                set,
                set ? "notifications.golive.unsubscribe.state.set" : "notifications.golive.unsubscribe.state.random",
                "notifications.golive.unsubscribe.advice"));
    }
}
