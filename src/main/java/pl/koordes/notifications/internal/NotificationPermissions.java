package pl.koordes.notifications.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/** Who may do what with notifications. A null user is a visitor. */
@Component
public class NotificationPermissions {

    /** The development mailbox holds every message "sent", links to set passwords included: administrators only. */
    public boolean canReadDevMailbox(@Nullable CurrentUser user) {
        return user != null && user.has(Role.ADMINISTRATOR);
    }
}
