package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pl.koordes.notifications.internal.NotificationPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** The development mailbox shows set-password links: administrators only. */
class NotificationPermissionsTests {

    final NotificationPermissions permissions = new NotificationPermissions();

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleWithAndWithoutRegion(Role role) {
        for (Long region : Arrays.asList(null, 12L)) {
            CurrentUser user = new CurrentUser(
                    7, "osoba@test.koordes.example", "Osoba", List.of(new RoleAssignment(role, region)), "pl");
            assertThat(permissions.canReadDevMailbox(user))
                    .as(role + " in " + region)
                    .isEqualTo(role == Role.ADMINISTRATOR);
        }
    }

    @Test
    void visitorsAndPeopleWithoutRoles() {
        assertThat(permissions.canReadDevMailbox(null)).isFalse();
        assertThat(permissions.canReadDevMailbox(new CurrentUser(7, "o@test.koordes.example", "O", List.of(), "pl")))
                .isFalse();
    }
}
