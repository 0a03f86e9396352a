package pl.koordes.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/**
 * Administrators manage the whole directory; a regional coordinator edits their own region only and
 * sees its committee members' contacts; every other role (a committee member of the region included)
 * edits nothing.
 */
class DirectoryPermissionsTests {

    static final long OWN = 12;
    static final long OTHER = 24;
    final DirectoryPermissions permissions = new DirectoryPermissions();

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleBoundToOneRegion(Role role) {
        CurrentUser user = user(new RoleAssignment(role, OWN));
        boolean administrator = role == Role.ADMINISTRATOR;
        boolean coordinator = role == Role.REGIONAL_COORDINATOR;
        assertThat(permissions.canManageDirectory(user)).isEqualTo(administrator);
        assertThat(permissions.canUseWorkspace(user)).isEqualTo(administrator || coordinator);
        assertThat(permissions.coversEveryRegion(user)).isEqualTo(administrator);
        assertThat(permissions.canEditRegion(user, OWN)).isEqualTo(administrator || coordinator);
        assertThat(permissions.canSeeMemberContacts(user, OWN)).isEqualTo(administrator || coordinator);
        // Another region: only an administrator (whose role is never really regional) reaches it.
        assertThat(permissions.canEditRegion(user, OTHER)).isEqualTo(administrator);
        assertThat(permissions.canSeeMemberContacts(user, OTHER)).isEqualTo(administrator);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleCountryWide(Role role) {
        CurrentUser user = user(new RoleAssignment(role, null));
        boolean administrator = role == Role.ADMINISTRATOR;
        boolean coordinator = role == Role.REGIONAL_COORDINATOR;
        assertThat(permissions.canManageDirectory(user)).isEqualTo(administrator);
        assertThat(permissions.canUseWorkspace(user)).isEqualTo(administrator || coordinator);
        assertThat(permissions.coversEveryRegion(user)).isEqualTo(administrator || coordinator);
        for (long region : new long[] {OWN, OTHER}) {
            assertThat(permissions.canEditRegion(user, region)).isEqualTo(administrator || coordinator);
            assertThat(permissions.canSeeMemberContacts(user, region)).isEqualTo(administrator || coordinator);
        }
    }

    @Test
    void aCoordinatorOfOneRegionAndCommitteeMemberOfAnotherEditsOnlyTheFirst() {
        CurrentUser user = user(
                new RoleAssignment(Role.REGIONAL_COORDINATOR, OWN), new RoleAssignment(Role.COMMITTEE_MEMBER, OTHER));
        assertThat(permissions.canEditRegion(user, OWN)).isTrue();
        assertThat(permissions.canEditRegion(user, OTHER)).isFalse();
        assertThat(permissions.canSeeMemberContacts(user, OTHER)).isFalse();
        assertThat(permissions.coversEveryRegion(user)).isFalse();
    }

    @Test
    void visitorsAndPeopleWithoutRolesMayNothing() {
        for (@Nullable CurrentUser user : Arrays.asList(null, user())) {
            assertThat(permissions.canManageDirectory(user)).isFalse();
            assertThat(permissions.canUseWorkspace(user)).isFalse();
            assertThat(permissions.coversEveryRegion(user)).isFalse();
            assertThat(permissions.canEditRegion(user, OWN)).isFalse();
            assertThat(permissions.canSeeMemberContacts(user, OWN)).isFalse();
        }
    }

    static CurrentUser user(RoleAssignment... roles) {
        return new CurrentUser(7, "osoba@test.koordes.example", "Osoba", List.of(roles), "pl");
    }
}
