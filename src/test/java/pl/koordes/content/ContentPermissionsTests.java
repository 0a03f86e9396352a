package pl.koordes.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.access.AccessDeniedException;
import pl.koordes.content.internal.ContentPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Only editors and administrators write the portal; every other role and visitors read it. */
class ContentPermissionsTests {

    private final ContentPermissions permissions = new ContentPermissions();

    @ParameterizedTest
    @EnumSource(Role.class)
    void editorsAndAdministratorsEditEveryoneElseDoesNot(Role role) {
        CurrentUser user = new CurrentUser(
                7,
                "osoba@test.koordes.example",
                "Osoba",
                List.of(new RoleAssignment(role, role.regional() ? 12L : null)),
                "pl");
        boolean expected = role == Role.EDITOR || role == Role.ADMINISTRATOR;
        assertThat(permissions.canEditArticles(user)).as(role.name()).isEqualTo(expected);
        assertThat(permissions.canEditSite(Optional.of(user))).as(role.name()).isEqualTo(expected);
        if (expected) {
            permissions.requireEditor(Optional.of(user));
        } else {
            assertThatThrownBy(() -> permissions.requireEditor(Optional.of(user)))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void visitorsMayNotEdit() {
        assertThat(permissions.canEditArticles(Optional.empty())).isFalse();
        assertThatThrownBy(() -> permissions.requireEditor(Optional.empty())).isInstanceOf(AccessDeniedException.class);
    }
}
