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
 * The registration form over HTTP, as the one form pattern has it: typed fields bound by Spring, a value
 * that does not convert shown as invalid beside its field, a visitor's required fields, every error in
 * the summary and linked from its field, the form given back as typed; a closed event answered 409.
 */
@IntegrationTest
class EventRegistrationFormIntegrationTests {

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
    void anEmptyVisitorsFormNamesEveryMissingFieldBesideIt() {
        long event = samples.published(5, null);
        SignedInClient visitor = new SignedInClient(port, "127.0.0.63");
        visitor.get("/wydarzenia/" + event + "/zapis");

        HttpResponse<String> answer = visitor.post(
                "/wydarzenia/" + event + "/zapis", "institution", "Fundacja \u202Etest", "position", "x".repeat(201));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains(
                        "Popraw błędy w formularzu",
                        "To pole jest wymagane.",
                        "Podaj poprawny adres e-mail",
                        "Wybierz województwo z listy.",
                        "Zaznacz, że zapoznajesz się z informacją o przetwarzaniu danych.",
                        "Ten tekst jest za długi.")
                .contains("aria-describedby=\"fullName-error\"", "id=\"fullName-error\"", "href=\"#regionId\"")
                .as("the text comes back as the binding normalised it")
                .contains("value=\"Fundacja test\"");
    }

    @Test
    void aValueThatDoesNotConvertIsInvalidBesideItsFieldAndNothingIsStored() {
        long event = samples.published(5, null);
        SignedInClient visitor = new SignedInClient(port, "127.0.0.64");
        visitor.get("/wydarzenia/" + event + "/zapis");

        HttpResponse<String> answer = visitor.post(
                "/wydarzenia/" + event + "/zapis",
                "fullName",
                "Anna Próbna",
                "email",
                samples.email(1),
                "institution",
                "Fundacja",
                "regionId",
                "małopolskie",
                "institutionKind",
                "NO_SUCH_KIND",
                "mode",
                "ON_SITE",
                "privacyAccepted",
                "true");

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains(
                        "Ta wartość jest niepoprawna.",
                        "id=\"regionId-error\"",
                        "id=\"institutionKind-error\"",
                        "value=\"Anna Próbna\"");
        assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCompleteVisitorsFormRegistersAndAClosedEventAnswersConflict() {
        long event = samples.published(5, null);
        long region = directory.region("malopolskie").orElseThrow().id();
        SignedInClient visitor = new SignedInClient(port, "127.0.0.65");
        visitor.get("/wydarzenia/" + event + "/zapis");
        String[] form = {
            "fullName",
            "Anna Próbna",
            "email",
            samples.email(2),
            "institution",
            "Fundacja",
            "regionId",
            Long.toString(region),
            "privacyAccepted",
            "true"
        };

        HttpResponse<String> registered = visitor.post("/wydarzenia/" + event + "/zapis", form);
        assertThat(registered.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(registered)).endsWith("/wydarzenia/" + event + "/zapis/wyslano");

        jdbc.sql("update event set registration_closes_at = now() - interval '1 minute' where id = :id")
                .param("id", event)
                .update();
        HttpResponse<String> closed = visitor.post("/wydarzenia/" + event + "/zapis", form);
        assertThat(closed.statusCode()).isEqualTo(409);
        assertThat(closed.body()).contains("Zapisy na to wydarzenie są zamknięte.");
    }
}
