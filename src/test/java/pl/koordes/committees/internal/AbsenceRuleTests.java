package pl.koordes.committees.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import pl.koordes.committees.Presence;
import pl.koordes.committees.internal.AbsenceRule.Held;

/** The three-absences rule as the Act states it, case by case (the database version is in AbsenceFlagsIntegrationTests). */
class AbsenceRuleTests {

    private final List<Held> held = new ArrayList<>();

    private void meeting(@Nullable Presence presence) {
        held.add(new Held(held.size() + 1, LocalDate.of(2026, 1, 1).plusMonths(held.size()), presence));
    }

    private List<List<Long>> flagged() {
        return AbsenceRule.streaks(held).stream()
                .map(streak -> streak.stream().map(Held::meetingId).toList())
                .toList();
    }

    @Test
    void threeUnexcusedAbsencesInARowFlagTheMemberWithThoseMeetings() {
        meeting(Presence.PRESENT);
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);

        assertThat(flagged()).containsExactly(List.of(2L, 3L, 4L));
    }

    @Test
    void twoAbsencesAreNotEnough() {
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);
        meeting(Presence.PRESENT);

        assertThat(flagged()).isEmpty();
    }

    @Test
    void anExcusedAbsenceBetweenBreaksTheStreak() {
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);
        meeting(Presence.EXCUSED);
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);

        assertThat(flagged()).isEmpty();

        meeting(Presence.ABSENT);

        assertThat(flagged()).containsExactly(List.of(4L, 5L, 6L));
    }

    @Test
    void aMeetingWithNoRecordForTheMemberNeitherBreaksNorExtendsTheStreak() {
        meeting(Presence.ABSENT);
        meeting(null);
        meeting(Presence.ABSENT);
        meeting(Presence.ABSENT);

        assertThat(flagged()).containsExactly(List.of(1L, 3L, 4L));
    }

    @Test
    void sixAbsencesInARowAreTwoFlags() {
        for (int i = 0; i < 7; i++) {
            meeting(Presence.ABSENT);
        }

        assertThat(flagged()).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L));
    }
}
