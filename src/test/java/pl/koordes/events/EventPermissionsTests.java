package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.koordes.events.internal.Audience;
import pl.koordes.events.internal.Event;
import pl.koordes.events.internal.EventFormat;
import pl.koordes.events.internal.EventPermissions;
import pl.koordes.events.internal.EventType;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;

/** Who manages which event: editors everything, a coordinator only their own region's regional events. */
class EventPermissionsTests {

    private static final long MALOPOLSKIE = 6;
    private static final long SLASKIE = 12;

    private final EventPermissions permissions = new EventPermissions();

    @Test
    void editorsAndAdministratorsManageEveryEvent() {
        for (Role role : List.of(Role.EDITOR, Role.ADMINISTRATOR)) {
            CurrentUser user = user(new RoleAssignment(role, null));
            assertThat(permissions.canOrganise(user)).isTrue();
            assertThat(permissions.canManage(user, event(EventLevel.NATIONAL, null, EventStatus.DRAFT)))
                    .isTrue();
            assertThat(permissions.canManage(user, event(EventLevel.REGIONAL, SLASKIE, EventStatus.DRAFT)))
                    .isTrue();
        }
    }

    @Test
    void aCoordinatorManagesTheRegionalEventsOfTheirRegionOnly() {
        CurrentUser coordinator = user(new RoleAssignment(Role.REGIONAL_COORDINATOR, MALOPOLSKIE));
        assertThat(permissions.canOrganise(coordinator)).isTrue();
        assertThat(permissions.manageEverything(coordinator)).isFalse();
        assertThat(permissions.canManage(coordinator, event(EventLevel.REGIONAL, MALOPOLSKIE, EventStatus.DRAFT)))
                .isTrue();
        assertThat(permissions.canManage(coordinator, event(EventLevel.REGIONAL, SLASKIE, EventStatus.DRAFT)))
                .isFalse();
        assertThat(permissions.canManage(coordinator, event(EventLevel.NATIONAL, null, EventStatus.PUBLISHED)))
                .isFalse();
        assertThat(permissions.canManage(coordinator, EventLevel.MACROREGIONAL, MALOPOLSKIE))
                .isFalse();
        // Another region's draft stays invisible; a published one is public.
        assertThat(permissions.canView(coordinator, event(EventLevel.REGIONAL, SLASKIE, EventStatus.DRAFT)))
                .isFalse();
        assertThat(permissions.canView(coordinator, event(EventLevel.REGIONAL, SLASKIE, EventStatus.PUBLISHED)))
                .isTrue();
    }

    @Test
    void othersManageNothingAndSeeOnlyWhatIsPublished() {
        for (Role role : List.of(Role.PARTICIPANT, Role.EXPERT, Role.CENTRAL_INSTITUTION)) {
            CurrentUser user = user(new RoleAssignment(role, null));
            assertThat(permissions.canOrganise(user)).isFalse();
            assertThat(permissions.canManage(user, event(EventLevel.REGIONAL, MALOPOLSKIE, EventStatus.PUBLISHED)))
                    .isFalse();
        }
        CurrentUser committee = user(new RoleAssignment(Role.COMMITTEE_MEMBER, MALOPOLSKIE));
        assertThat(permissions.canManage(committee, event(EventLevel.REGIONAL, MALOPOLSKIE, EventStatus.DRAFT)))
                .isFalse();
        assertThat(permissions.canOrganise(null)).isFalse();
        assertThat(permissions.canView(null, event(EventLevel.REGIONAL, MALOPOLSKIE, EventStatus.DRAFT)))
                .isFalse();
        assertThat(permissions.canView(null, event(EventLevel.REGIONAL, MALOPOLSKIE, EventStatus.CANCELLED)))
                .isTrue();
    }

    private static CurrentUser user(RoleAssignment role) {
        return new CurrentUser(1, "osoba@test.koordes.example", "Osoba", List.of(role), "pl");
    }

    static Event event(EventLevel level, Long region, EventStatus status) {
        Instant start = Instant.parse("2026-10-24T08:00:00Z");
        return new Event(
                1,
                EventType.MEETING,
                level,
                region,
                null,
                EventFormat.IN_PERSON,
                "Spotkanie",
                "",
                "Sala",
                null,
                null,
                start,
                start.plusSeconds(3600),
                10,
                0,
                null,
                null,
                null,
                Audience.ANYONE,
                Set.of(),
                status,
                "",
                "",
                List.of(),
                List.of(),
                "",
                "");
    }
}
