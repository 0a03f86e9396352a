package pl.koordes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.SeatAllocation.Waiting;

/** The seat rule alone: who gets a seat, who waits, who is promoted, with quotas and both kinds of seat. */
class SeatAllocationTests {

    private static final long MALOPOLSKIE = 6;
    private static final long SLASKIE = 12;

    @Nested
    class Newcomers {

        @Test
        void takeSeatsUntilTheyRunOutThenWait() {
            SeatAllocation seats = new SeatAllocation(2, 0, null);

            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null)).as("the third waits").isFalse();
            assertThat(seats.free(SeatMode.ON_SITE)).isZero();
        }

        @Test
        void countTheSeatsAlreadyTaken() {
            SeatAllocation seats = new SeatAllocation(3, 0, null).taken(SeatMode.ON_SITE, MALOPOLSKIE, 2);

            assertThat(seats.free(SeatMode.ON_SITE)).isEqualTo(1);
            assertThat(seats.take(SeatMode.ON_SITE, SLASKIE)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, SLASKIE)).isFalse();
        }

        @Test
        void onSiteAndOnlineSeatsAreCountedApart() {
            SeatAllocation seats = new SeatAllocation(1, 1, null);

            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null))
                    .as("the room is full")
                    .isFalse();
            assertThat(seats.take(SeatMode.ONLINE, null))
                    .as("the online meeting is not")
                    .isTrue();
            assertThat(seats.take(SeatMode.ONLINE, null)).isFalse();
        }

        @Test
        void aKindOfSeatTheEventDoesNotOfferHasNoRoom() {
            SeatAllocation seats = new SeatAllocation(10, 0, null);

            assertThat(seats.hasRoom(SeatMode.ONLINE)).isFalse();
            assertThat(seats.take(SeatMode.ONLINE, null)).isFalse();
        }

        @Test
        void noSeatsAtAllMeansEveryoneWaits() {
            SeatAllocation seats = new SeatAllocation(0, 0, 5);

            assertThat(seats.register(SeatMode.ON_SITE, MALOPOLSKIE)).isEqualTo(RegistrationStatus.WAITING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, MALOPOLSKIE, "ala@example.pl"))
                    .isEqualTo(RegistrationStatus.UNCONFIRMED);
        }

        @Test
        void moreTakenThanThereAreSeatsLeavesNoneFreeRatherThanANegativeCount() {
            // An organiser may have lowered the capacity below the seats already given.
            SeatAllocation seats = new SeatAllocation(2, 0, null).taken(SeatMode.ON_SITE, null, 5);

            assertThat(seats.free(SeatMode.ON_SITE)).isZero();
            assertThat(seats.take(SeatMode.ON_SITE, null)).isFalse();
        }

        @Test
        void aSignedInPersonIsConfirmedOrWaitsAVisitorsSeatIsOnlyHeld() {
            SeatAllocation seats = new SeatAllocation(2, 0, null);

            assertThat(seats.register(SeatMode.ON_SITE, null)).isEqualTo(RegistrationStatus.CONFIRMED);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "ala@example.pl"))
                    .isEqualTo(RegistrationStatus.PENDING);
            assertThat(seats.register(SeatMode.ON_SITE, null)).isEqualTo(RegistrationStatus.WAITING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "ola@example.pl"))
                    .isEqualTo(RegistrationStatus.UNCONFIRMED);
        }
    }

    @Nested
    class HeldSeats {

        @Test
        void unconfirmedVisitorsHoldAtMostTheirShareOfTheSeatsAndTheRestStaysForOthers() {
            SeatAllocation seats = new SeatAllocation(10, 0, null).holdLimits(0.2, 10);

            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "a@one.example"))
                    .isEqualTo(RegistrationStatus.PENDING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "b@two.example"))
                    .isEqualTo(RegistrationStatus.PENDING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "c@three.example"))
                    .as("a fifth of 10 seats is held already")
                    .isEqualTo(RegistrationStatus.UNCONFIRMED);
            assertThat(seats.free(SeatMode.ON_SITE)).isEqualTo(8);
            assertThat(seats.register(SeatMode.ON_SITE, null)).isEqualTo(RegistrationStatus.CONFIRMED);
        }

        @Test
        void oneEmailDomainHoldsAtMostItsLimitWhateverTheAddresses() {
            SeatAllocation seats = new SeatAllocation(100, 0, null).holdLimits(0.5, 2);

            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "x1@Hoard.example"))
                    .isEqualTo(RegistrationStatus.PENDING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "x2@hoard.EXAMPLE"))
                    .isEqualTo(RegistrationStatus.PENDING);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "x3@hoard.example"))
                    .isEqualTo(RegistrationStatus.UNCONFIRMED);
            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "someone@other.example"))
                    .isEqualTo(RegistrationStatus.PENDING);
        }

        @Test
        void holdsAlreadyCountedAreReckonedWithAndEvenATinyEventLetsOneVisitorHold() {
            SeatAllocation seats = new SeatAllocation(3, 0, null)
                    .taken(SeatMode.ON_SITE, null, 1)
                    .held("one.example", 1)
                    .holdLimits(0.2, 3);

            assertThat(seats.registerVisitor(SeatMode.ON_SITE, null, "b@two.example"))
                    .as("one hold at a time for three seats")
                    .isEqualTo(RegistrationStatus.UNCONFIRMED);
            assertThat(new SeatAllocation(3, 0, null)
                            .holdLimits(0.2, 3)
                            .registerVisitor(SeatMode.ON_SITE, null, "a@b.pl"))
                    .isEqualTo(RegistrationStatus.PENDING);
        }
    }

    @Nested
    class Quotas {

        @Test
        void aRegionTakesAtMostItsQuotaWhileSeatsRemainForOthers() {
            SeatAllocation seats = new SeatAllocation(10, 0, 2);

            assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE))
                    .as("quota used")
                    .isFalse();
            assertThat(seats.take(SeatMode.ON_SITE, SLASKIE))
                    .as("another region still gets a seat")
                    .isTrue();
            assertThat(seats.free(SeatMode.ON_SITE)).isEqualTo(7);
        }

        @Test
        void theQuotaCountsBothKindsOfSeatTogether() {
            SeatAllocation seats = new SeatAllocation(5, 5, 2);

            assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE)).isTrue();
            assertThat(seats.take(SeatMode.ONLINE, MALOPOLSKIE)).isTrue();
            assertThat(seats.take(SeatMode.ONLINE, MALOPOLSKIE)).isFalse();
            assertThat(seats.seatFor(SeatMode.ON_SITE, MALOPOLSKIE)).isFalse();
        }

        @Test
        void seatsTakenBeforeCountAgainstTheQuota() {
            SeatAllocation seats = new SeatAllocation(10, 0, 3).taken(SeatMode.ON_SITE, MALOPOLSKIE, 3);

            assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE)).isFalse();
        }

        @Test
        void aPersonWithoutARegionIsNotHeldByAnyQuota() {
            SeatAllocation seats = new SeatAllocation(3, 0, 1);

            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null)).isTrue();
            assertThat(seats.take(SeatMode.ON_SITE, null))
                    .as("but the capacity still holds")
                    .isFalse();
        }

        @Test
        void withoutAQuotaOneRegionMayTakeEverySeat() {
            SeatAllocation seats = new SeatAllocation(3, 0, null);

            for (int i = 0; i < 3; i++) {
                assertThat(seats.take(SeatMode.ON_SITE, MALOPOLSKIE)).isTrue();
            }
            assertThat(seats.take(SeatMode.ON_SITE, SLASKIE)).isFalse();
        }
    }

    @Nested
    class Promotion {

        @Test
        void freeSeatsGoToTheWaitingListInArrivalOrder() {
            SeatAllocation seats = new SeatAllocation(5, 0, null).taken(SeatMode.ON_SITE, null, 3);

            List<Long> promoted = seats.promote(List.of(
                    waiting(10, SeatMode.ON_SITE, null),
                    waiting(11, SeatMode.ON_SITE, null),
                    waiting(12, SeatMode.ON_SITE, null)));

            assertThat(promoted).containsExactly(10L, 11L);
            assertThat(seats.free(SeatMode.ON_SITE)).isZero();
        }

        @Test
        void aPersonWhoseRegionUsedItsQuotaIsSkippedNotTheWholeList() {
            SeatAllocation seats = new SeatAllocation(10, 0, 2)
                    .taken(SeatMode.ON_SITE, MALOPOLSKIE, 2)
                    .taken(SeatMode.ON_SITE, null, 6);

            List<Long> promoted = seats.promote(List.of(
                    waiting(20, SeatMode.ON_SITE, MALOPOLSKIE),
                    waiting(21, SeatMode.ON_SITE, SLASKIE),
                    waiting(22, SeatMode.ON_SITE, MALOPOLSKIE)));

            assertThat(promoted)
                    .as("the first of a region under its quota, then no seat is left")
                    .containsExactly(21L);
        }

        @Test
        void promotionTakesTheQuotaIntoAccountAsItGoes() {
            SeatAllocation seats = new SeatAllocation(10, 0, 2).taken(SeatMode.ON_SITE, MALOPOLSKIE, 1);

            List<Long> promoted = seats.promote(List.of(
                    waiting(30, SeatMode.ON_SITE, MALOPOLSKIE),
                    waiting(31, SeatMode.ON_SITE, MALOPOLSKIE),
                    waiting(32, SeatMode.ON_SITE, SLASKIE)));

            assertThat(promoted).containsExactly(30L, 32L);
        }

        @Test
        void eachKindOfSeatGoesToThoseWaitingForThatKindOnSiteFirst() {
            SeatAllocation seats = new SeatAllocation(1, 1, null).taken(SeatMode.ON_SITE, null, 0);

            List<Long> promoted = seats.promote(List.of(
                    waiting(40, SeatMode.ONLINE, null),
                    waiting(41, SeatMode.ON_SITE, null),
                    waiting(42, SeatMode.ONLINE, null),
                    waiting(43, SeatMode.ON_SITE, null)));

            assertThat(promoted).containsExactly(41L, 40L);
        }

        @Test
        void aFreedOnlineSeatDoesNotGoToSomeoneWaitingForTheRoom() {
            SeatAllocation seats = new SeatAllocation(2, 2, null)
                    .taken(SeatMode.ON_SITE, null, 2)
                    .taken(SeatMode.ONLINE, null, 1);

            assertThat(seats.promote(List.of(waiting(50, SeatMode.ON_SITE, null), waiting(51, SeatMode.ONLINE, null))))
                    .containsExactly(51L);
        }

        @Test
        void nothingFreeOrNobodyWaitingPromotesNobody() {
            assertThat(new SeatAllocation(1, 0, null)
                            .taken(SeatMode.ON_SITE, null, 1)
                            .promote(List.of(waiting(60, SeatMode.ON_SITE, null))))
                    .isEmpty();
            assertThat(new SeatAllocation(5, 5, 1).promote(List.of())).isEmpty();
        }

        @Test
        void aLongListIsServedStrictlyInOrderUpToTheCapacity() {
            SeatAllocation seats = new SeatAllocation(50, 0, null);
            List<Waiting> list = new ArrayList<>();
            for (long id = 1; id <= 200; id++) {
                list.add(waiting(id, SeatMode.ON_SITE, id % 4));
            }

            List<Long> promoted = seats.promote(list);

            assertThat(promoted).hasSize(50).isSorted().startsWith(1L).endsWith(50L);
        }
    }

    private static Waiting waiting(long id, SeatMode mode, @Nullable Long regionId) {
        return new Waiting(id, mode, regionId);
    }
}
