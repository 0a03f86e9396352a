package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import pl.koordes.accounts.internal.AccountPermissions;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Only administrators administer people, roles and the audit log, whatever other roles or regions a person holds. */
class AccountPermissionsTests {

    static final long REGION = 12;
    final AccountPermissions permissions = new AccountPermissions();

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleCountryWideAndForOneRegion(Role role) {
        for (Long region : Arrays.asList(null, REGION)) {
            CurrentUser user = user(new RoleAssignment(role, region));
            boolean administrator = role == Role.ADMINISTRATOR;
            String as = role + " in " + region;
            assertThat(permissions.canOpenAdministration(user)).as(as).isEqualTo(administrator);
            assertThat(permissions.canAdministerPeople(user)).as(as).isEqualTo(administrator);
            assertThat(permissions.canInvite(user)).as(as).isEqualTo(administrator);
            assertThat(permissions.canChangeStatus(user)).as(as).isEqualTo(administrator);
            assertThat(permissions.canReadAuditLog(user)).as(as).isEqualTo(administrator);
            for (Role granted : Role.values()) {
                assertThat(permissions.canGrant(user, granted, null))
                        .as(as + " grants " + granted)
                        .isEqualTo(administrator);
                assertThat(permissions.canGrant(user, granted, REGION))
                        .as(as + " grants " + granted + " in the region")
                        .isEqualTo(administrator);
            }
        }
    }

    @Test
    void aCoordinatorCannotGrantRolesEvenInTheirOwnRegion() {
        CurrentUser coordinator = user(new RoleAssignment(Role.REGIONAL_COORDINATOR, REGION));
        assertThat(permissions.canGrant(coordinator, Role.COMMITTEE_MEMBER, REGION))
                .isFalse();
        assertThat(permissions.canGrant(coordinator, Role.REGIONAL_COORDINATOR, REGION))
                .isFalse();
    }

    @Test
    void severalRolesIncludingAdministratorAreEnough() {
        CurrentUser user = user(new RoleAssignment(Role.EDITOR, null), new RoleAssignment(Role.ADMINISTRATOR, null));
        assertThat(permissions.canAdministerPeople(user)).isTrue();
    }

    @Test
    void visitorsAndPeopleWithoutRolesMayNothing() {
        for (@Nullable CurrentUser user : Arrays.asList(null, user())) {
            assertThat(permissions.canOpenAdministration(user)).isFalse();
            assertThat(permissions.canAdministerPeople(user)).isFalse();
            assertThat(permissions.canInvite(user)).isFalse();
            assertThat(permissions.canChangeStatus(user)).isFalse();
            assertThat(permissions.canReadAuditLog(user)).isFalse();
            assertThat(permissions.canGrant(user, Role.PARTICIPANT, null)).isFalse();
        }
    }

    static CurrentUser user(RoleAssignment... roles) {
        return new CurrentUser(7, "osoba@test.koordes.example", "Osoba", List.of(roles), "pl");
    }
}
