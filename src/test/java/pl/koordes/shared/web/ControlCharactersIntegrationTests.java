package pl.koordes.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * A NUL (PostgreSQL refuses it in text) or another control character, over real HTTP, from each kind of
 * person: in a form field it is the field's message and the form again (422) without the NUL; in a query
 * parameter or a header, a 400 with the site's error page and the security headers; never a 500.
 */
@IntegrationTest
class ControlCharactersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aControlCharacterInAQueryParameterIsA400WithTheSitesErrorPage() {
        SignedInClient editor = new SignedInClient(port, "127.0.0.71");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        Http anonymous = new Http(port);
        for (String path : List.of(
                "/regiony?sort=%00",
                "/wydarzenia?strona=%00",
                "/wydarzenia/archiwum?q=a%00b",
                "/rejestracja/potwierdz?token=%00",
                "/haslo/nowe?token=x%1Bx",
                "/zaproszenie?token=%0A")) {
            assertErrorPage(anonymous.get(path), path);
        }
        assertErrorPage(editor.get("/redakcja/artykuly?q=%00"), "/redakcja/artykuly?q=%00");
        assertErrorPage(editor.get("/redakcja/komentarze?stan=%00"), "/redakcja/komentarze?stan=%00");
        // A tab can be pasted into a search field: not refused.
        assertThat(anonymous.get("/regiony?sort=%09").statusCode()).isLessThan(400);
    }

    @Test
    void aNulInAHeaderIsRefusedByTheServer() {
        String status = new Http(port)
                .raw("GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: a\u0000b\r\nAccept-Language: pl\u0000\r\n"
                        + "Connection: close\r\n\r\n");
        assertThat(status).startsWith("HTTP/1.1 400");
    }

    @Test
    void aNulInTheSignInFormIsAFailedSignInNotAServerError() {
        SignedInClient visitor = new SignedInClient(port, "127.0.0.72");
        HttpResponse<String> answer =
                visitor.submit("/logowanie", "/logowanie", "email", "a\u0000@przyklad.example", "password", "x\u0000");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(answer)).isEqualTo("/logowanie?blad");
    }

    @Test
    void aNulInAFieldIsTheFieldsMessageAndTheFormComesBackWithoutIt() {
        // Anonymous: the public registration and the password reset request.
        SignedInClient visitor = new SignedInClient(port, "127.0.0.73");
        HttpResponse<String> registration = visitor.submit(
                "/rejestracja",
                "/rejestracja",
                "displayName",
                "Nina\u0000Nowa",
                "email",
                "nul.http@przyklad.example",
                "password",
                "spotkanie w Rzeszowie jesienią",
                "passwordRepeated",
                "spotkanie w Rzeszowie jesienią");
        assertRefusedInTheForm(registration, "Nina\uFFFDNowa");
        // An e-mail field's own message says what is wrong with the address.
        HttpResponse<String> reset =
                visitor.submit("/haslo/przypomnij", "/haslo/przypomnij", "email", "ktos\u0000@przyklad.example");
        assertThat(reset.statusCode()).isEqualTo(422);
        assertThat(reset.body())
                .contains("Wpisz poprawny adres e-mail")
                .contains("ktos\uFFFD@przyklad.example")
                .doesNotContain("\u0000");

        // A participant: their own details.
        SignedInClient participant = new SignedInClient(port, "127.0.0.74");
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        // The profile page shows the details as saved beside the message (its own way, not as typed).
        assertRefusedInTheForm(
                participant.submit("/konto", "/konto/dane", "displayName", "Ula\u0000Uczestniczka", "language", "pl"),
                "niedozwolony znak sterujący");

        // An editor: a quote.
        SignedInClient editor = new SignedInClient(port, "127.0.0.75");
        editor.signInFully(DemoAccounts.EDITOR, DemoAccounts.PASSWORD, null);
        assertRefusedInTheForm(
                editor.submit("/redakcja/motta", "/redakcja/motta", "text", "Cytat\u0000z NUL", "source", "źródło"),
                "Cytat\uFFFDz NUL");

        // A coordinator: the region's description.
        SignedInClient coordinator = new SignedInClient(port, "127.0.0.76");
        coordinator.signInFully(DemoAccounts.COORDINATOR_MALOPOLSKIE, DemoAccounts.PASSWORD, DemoAccounts.TOTP_SECRET);
        assertRefusedInTheForm(
                coordinator.submit(
                        "/koordynacja/malopolskie",
                        "/koordynacja/malopolskie/opis",
                        "descriptionPl",
                        "Opis z bajtem\u0000zerowym",
                        "descriptionEn",
                        ""),
                "Opis z bajtem\uFFFDzerowym");
    }

    private static void assertRefusedInTheForm(HttpResponse<String> answer, String shownAgain) {
        assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(422);
        // The shared message (form.unprintable) or a module's own for its field (content.singleLine).
        assertThat(answer.body())
                .as(answer.uri().toString())
                .containsAnyOf("niedozwolony znak sterujący", "bez znaków sterujących")
                .contains(shownAgain)
                .doesNotContain("\u0000");
    }

    private static void assertErrorPage(HttpResponse<String> answer, String path) {
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Security-Policy"))
                .as(path)
                .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'"));
        assertThat(answer.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        assertThat(answer.body()).as(path).contains("Błąd 400").doesNotContain("\u0000");
    }
}
