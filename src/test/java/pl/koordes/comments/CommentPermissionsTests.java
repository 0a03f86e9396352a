package pl.koordes.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pl.koordes.comments.internal.CommentPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

class CommentPermissionsTests {

    private final CommentPermissions permissions = new CommentPermissions();

    @Test
    void editorsAndAdministratorsModerateNobodyElse() {
        assertThat(permissions.canModerate(person(Role.EDITOR, null))).isTrue();
        assertThat(permissions.canModerate(person(Role.ADMINISTRATOR, null))).isTrue();
        assertThat(permissions.canModerate(person(Role.REGIONAL_COORDINATOR, 6L)))
                .isFalse();
        assertThat(permissions.canModerate(person(Role.PARTICIPANT, null))).isFalse();
        assertThat(permissions.canModerate(person(Role.CENTRAL_INSTITUTION, null)))
                .isFalse();
        assertThat(permissions.canModerate(null)).isFalse();
    }

    @Test
    void anyoneComments() {
        assertThat(permissions.canComment(null)).isTrue();
        assertThat(permissions.canComment(person(Role.PARTICIPANT, null))).isTrue();
    }

    private static CurrentUser person(Role role, Long region) {
        return new CurrentUser(1, "x@demo.koordes.example", "X", List.of(new RoleAssignment(role, region)), "pl");
    }
}
