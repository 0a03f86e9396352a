package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.events.internal.EventCatalogue;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.events.internal.SeatCount;
import pl.koordes.support.IntegrationTest;

/**
 * Issue 10, item 3: a visitor who never confirms their address cannot keep an event full. Unconfirmed
 * visitors hold at most a fifth of the seats, addresses of one domain at most three, each hold lasts
 * minutes, and the organiser sees held seats apart from confirmed ones.
 */
@IntegrationTest
class EventSeatHoardingIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");

    @Autowired
    EventRegistrations registrations;

    @Autowired
    EventCatalogue catalogue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    EventSamples samples;
    long region;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
        region = directory.region("lubelskie").orElseThrow().id();
    }

    @Test
    void visitorsWhoNeverConfirmCannotPushRealPeopleOntoTheWaitingList() {
        long event = samples.published(10, null);
        for (int i = 0; i < 10; i++) {
            String address = "zajmujacy" + i + "@domena" + (i % 5) + "-" + samples.run + ".example";
            registrations.register(
                    event, RegistrationForm.of("Zajmujący " + i, address, region, SeatMode.ON_SITE), null, PL);
        }

        assertThat(samples.count(event, RegistrationStatus.PENDING))
                .as("seats held for unconfirmed addresses")
                .isEqualTo(2);
        assertThat(samples.count(event, RegistrationStatus.UNCONFIRMED)).isEqualTo(8);
        RegistrationResult real = registrations.register(event, RegistrationForm.oneStep(), samples.person(1), PL);
        assertThat(real.status()).isEqualTo(RegistrationStatus.CONFIRMED);

        SeatCount seats = catalogue.seats(catalogue.find(event).orElseThrow()).getFirst();
        assertThat(seats.taken()).isEqualTo(3);
        assertThat(seats.held()).as("the organiser sees held seats apart").isEqualTo(2);
    }

    @Test
    void oneEmailDomainHoldsAtMostThreeSeats() {
        long event = samples.published(100, null);
        for (int i = 0; i < 5; i++) {
            registrations.register(
                    event,
                    RegistrationForm.of(
                            "Skrzynka " + i, "skrzynka" + i + "@" + samples.run + ".example", region, SeatMode.ON_SITE),
                    null,
                    PL);
        }

        assertThat(samples.count(event, RegistrationStatus.PENDING)).isEqualTo(3);
        assertThat(samples.count(event, RegistrationStatus.UNCONFIRMED)).isEqualTo(2);
    }
}
