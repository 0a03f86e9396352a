package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * The visitors' registration limit (30 an hour per address), counted in the event's group: only the registrations
 * that send mail count, so a refused form and a repeated registration leave the tokens alone; the one over the limit
 * is answered 429 with the reason, its form given back, and nothing stored; another address is not affected.
 */
@IntegrationTest
class EventRegistrationLimitIntegrationTests {

    private static final int LIMIT = 30;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    EventSamples samples;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
    }

    @Test
    void onlyRegistrationsThatSendMailCountAndTheOneOverTheLimitIsRefused() {
        long event = samples.published(100, null);
        String path = "/wydarzenia/" + event + "/zapis";
        SignedInClient office = new SignedInClient(port, "127.0.0.171");
        office.get(path);

        for (int i = 0; i < 3; i++) {
            assertThat(office.post(path, "fullName", "Bez adresu").statusCode())
                    .as("a refused form")
                    .isEqualTo(422);
        }
        for (int n = 1; n < LIMIT; n++) {
            assertThat(office.post(path, form(n)).statusCode())
                    .as("registration %d", n)
                    .isEqualTo(302);
        }
        assertThat(office.post(path, form(1)).statusCode())
                .as("the first again")
                .isEqualTo(302);
        assertThat(office.post(path, form(LIMIT)).statusCode())
                .as("the last allowed")
                .isEqualTo(302);

        HttpResponse<String> over = office.post(path, form(LIMIT + 1));

        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.body())
                .contains("Z tego adresu wysłano ostatnio zbyt wiele zgłoszeń.")
                .contains("value=\"" + samples.email(LIMIT + 1) + "\"");
        assertThat(registrations(event)).isEqualTo(LIMIT);
        assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e and email = :m")
                        .param("e", event)
                        .param("m", samples.email(LIMIT + 1))
                        .query(Integer.class)
                        .single())
                .isZero();

        SignedInClient elsewhere = new SignedInClient(port, "127.0.0.172");
        elsewhere.get(path);
        assertThat(elsewhere.post(path, form(LIMIT + 1)).statusCode()).isEqualTo(302);
        assertThat(registrations(event)).isEqualTo(LIMIT + 1);
    }

    private String[] form(int n) {
        return new String[] {
            "fullName",
            "Osoba Próbna " + n,
            "email",
            samples.email(n),
            "institution",
            "Fundacja",
            "regionId",
            Long.toString(directory.region("malopolskie").orElseThrow().id()),
            "privacyAccepted",
            "true"
        };
    }

    private int registrations(long event) {
        return jdbc.sql("select count(*) from event_registration where event_id = :e")
                .param("e", event)
                .query(Integer.class)
                .single();
    }
}
