package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.TestAccounts;

/**
 * Forgotten passwords and the person's GDPR rights, end to end over HTTP: the reset link travels by
 * e-mail (the development mailbox here), works once, and the person's data can be downloaded and erased.
 */
@IntegrationTest
class PasswordResetAndPrivacyIntegrationTests {

    /** The form's token field: empty on an anonymous visitor's page (public pages carry no per-visitor token). */
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private static final Pattern RESET_LINK = Pattern.compile("(/haslo/nowe\\?token=[A-Za-z0-9_-]+)");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Test
    void aResetLinkArrivesByMailWorksOnceAndTheNewPasswordSignsIn() throws Exception {
        String email = "zapominalska@przyklad.example";
        createAccount(email, "Zuzanna Zapominalska", "stare hasło całkiem długie");
        Client visitor = new Client();

        HttpResponse<String> asked =
                visitor.post("/haslo/przypomnij", "/haslo/przypomnij", Map.of("email", email.toUpperCase()));
        assertThat(asked.statusCode()).isEqualTo(302);
        HttpResponse<String> unknown =
                new Client().post("/haslo/przypomnij", "/haslo/przypomnij", Map.of("email", "nikt@przyklad.example"));
        assertThat(unknown.headers().firstValue("Location"))
                .isEqualTo(asked.headers().firstValue("Location"));

        String body = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(email), Optional::isPresent)
                .orElseThrow();
        // A formal greeting, as Polish official correspondence starts.
        assertThat(body).startsWith("KoordES").contains("Dzień dobry,");
        Matcher link = RESET_LINK.matcher(body);
        assertThat(link.find()).as("reset link in the mail").isTrue();

        HttpResponse<String> weak = visitor.post(
                link.group(1),
                "/haslo/nowe",
                Map.of(
                        "token",
                        token(link.group(1)),
                        "password",
                        "haslo12345678",
                        "passwordRepeated",
                        "haslo12345678"));
        assertThat(weak.statusCode()).isEqualTo(422);
        assertThat(weak.body()).contains("To hasło jest zbyt łatwe do odgadnięcia.");

        String newPassword = "nowe hasło z Zakopanego nad morzem";
        HttpResponse<String> set = visitor.post(
                link.group(1),
                "/haslo/nowe",
                Map.of("token", token(link.group(1)), "password", newPassword, "passwordRepeated", newPassword));
        assertThat(set.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?haslo"));
        assertThat(visitor.get(link.group(1)).statusCode())
                .as("the link a second time")
                .isEqualTo(410);

        Client person = new Client();
        HttpResponse<String> signedIn =
                person.post("/logowanie", "/logowanie", Map.of("email", email, "password", newPassword));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/konto"));
        HttpResponse<String> old = new Client()
                .post("/logowanie", "/logowanie", Map.of("email", email, "password", "stare hasło całkiem długie"));
        assertThat(old.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?blad"));
    }

    @Test
    void aPersonDownloadsTheirDataAndDeletesTheirAccountLeavingAnAuditTrailWithoutPersonalData() throws Exception {
        String email = "odchodzaca@przyklad.example";
        String name = "Olga Odchodząca";
        String password = "moje hasło do usunięcia konta";
        long id = createAccount(email, name, password);
        Client person = new Client();
        person.post("/logowanie", "/logowanie", Map.of("email", email, "password", password));

        HttpResponse<String> export = person.get("/konto/moje-dane.json");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(export.body())
                .contains(email)
                .contains(name)
                .contains("\"role\" : \"PARTICIPANT\"")
                .contains("SIGN_IN");

        HttpResponse<String> unconfirmed =
                person.post("/konto", "/konto/usun", Map.of("currentPasswordDelete", password));
        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        HttpResponse<String> wrongPassword =
                person.post("/konto", "/konto/usun", Map.of("currentPasswordDelete", "zgadywane", "confirm", "true"));
        assertThat(wrongPassword.statusCode()).isEqualTo(422);
        assertThat(wrongPassword.body()).contains("Obecne hasło jest nieprawidłowe.");

        HttpResponse<String> deleted =
                person.post("/konto", "/konto/usun", Map.of("currentPasswordDelete", password, "confirm", "true"));
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(person.get("/konto").statusCode()).as("the session ended").isEqualTo(302);

        Map<String, Object> row = jdbc.sql(
                        "select email, display_name, password_hash, status from account where id = :id")
                .param("id", id)
                .query()
                .singleRow();
        assertThat(row.get("email")).asString().doesNotContain("odchodzaca");
        assertThat(row.get("display_name")).isEqualTo("");
        assertThat(row.get("password_hash")).isNull();
        assertThat(row.get("status")).isEqualTo("DELETED");
        long trail = jdbc.sql("select count(*) from audit_entry where actor_id = :id or target_id = :text")
                .param("id", id)
                .param("text", Long.toString(id))
                .query(Long.class)
                .single();
        assertThat(trail).as("audit entries kept").isGreaterThanOrEqualTo(2);
        long personal = jdbc.sql("""
                select count(*) from audit_entry where actor_label = :email
                   or coalesce(before_value::text, '') like :like or coalesce(after_value::text, '') like :like
                """)
                .param("email", email)
                .param("like", "%" + email + "%")
                .query(Long.class)
                .single();
        assertThat(personal).as("audit entries still naming the person").isZero();
        HttpResponse<String> again =
                new Client().post("/logowanie", "/logowanie", Map.of("email", email, "password", password));
        assertThat(again.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?blad"));
    }

    @Test
    void aVisitorRegistersConfirmsTheirAddressAndSignsInAsParticipant() throws Exception {
        String email = "nowa.uczestniczka@przyklad.example";
        String password = "spotkanie w Rzeszowie jesienią";
        Client visitor = new Client();
        HttpResponse<String> mismatch = visitor.post(
                "/rejestracja",
                "/rejestracja",
                Map.of(
                        "displayName",
                        "<b>Nina</b> Nowa",
                        "email",
                        email,
                        "password",
                        password,
                        "passwordRepeated",
                        "inne"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        // What was typed stays in the form, escaped.
        assertThat(mismatch.body())
                .contains("Hasła się różnią.")
                .contains("value=\"&lt;b>Nina&lt;/b> Nowa\"")
                .doesNotContain("<b>Nina");

        // An address the mailer could not send to is refused in the form, never at sending time.
        HttpResponse<String> polishLetters = visitor.post(
                "/rejestracja",
                "/rejestracja",
                Map.of(
                        "displayName",
                        "Nina Nowa",
                        "email",
                        "zażółć@gęślą.pl",
                        "password",
                        password,
                        "passwordRepeated",
                        password));
        assertThat(polishLetters.statusCode()).isEqualTo(422);
        assertThat(polishLetters.body()).contains("Wpisz poprawny adres e-mail");

        HttpResponse<String> registered = visitor.post(
                "/rejestracja",
                "/rejestracja",
                Map.of("displayName", "Nina Nowa", "email", email, "password", password, "passwordRepeated", password));
        assertThat(registered.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/rejestracja?wyslano"));
        HttpResponse<String> beforeConfirming =
                new Client().post("/logowanie", "/logowanie", Map.of("email", email, "password", password));
        assertThat(beforeConfirming.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?blad"));

        String body = await().atMost(Duration.ofSeconds(20))
                .until(() -> mailTo(email), Optional::isPresent)
                .orElseThrow();
        Matcher link = Pattern.compile("(/rejestracja/potwierdz\\?token=[A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).isTrue();
        HttpResponse<String> opened = visitor.get(link.group(1));
        assertThat(opened.statusCode()).isEqualTo(200);
        assertThat(opened.body()).contains("Potwierdzam adres e-mail");
        assertThat(new Client()
                        .post("/logowanie", "/logowanie", Map.of("email", email, "password", password))
                        .headers()
                        .firstValue("Location"))
                .as("opening the link (a mail scanner) activates nothing")
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?blad"));
        assertThat(visitor.post(link.group(1), "/rejestracja/potwierdz", Map.of("token", token(link.group(1))))
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/logowanie?potwierdzone"));
        // The page says what just happened: the address is confirmed (no password was set here).
        assertThat(visitor.get("/logowanie?potwierdzone").body())
                .contains("Adres e-mail został potwierdzony i konto już działa.")
                .doesNotContain("Hasło zostało ustawione");
        assertThat(visitor.get(link.group(1)).statusCode())
                .as("the link a second time")
                .isEqualTo(410);

        Client participant = new Client();
        participant.post("/logowanie", "/logowanie", Map.of("email", email, "password", password));
        assertThat(participant.get("/konto").body()).contains("Nina Nowa").contains("<li>Uczestnik</li>");

        // Registering again with a taken address answers the same, and the owner gets a warning instead.
        HttpResponse<String> again = new Client()
                .post(
                        "/rejestracja",
                        "/rejestracja",
                        Map.of(
                                "displayName",
                                "Ktoś Inny",
                                "email",
                                email.toUpperCase(),
                                "password",
                                "zupełnie inne hasło intruza",
                                "passwordRepeated",
                                "zupełnie inne hasło intruza"));
        assertThat(again.headers().firstValue("Location"))
                .isEqualTo(registered.headers().firstValue("Location"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from notifications_dev_mailbox where lower(recipient) like :to")
                                .param("to", "%" + email + "%")
                                .query(Long.class)
                                .single()
                        == 2);
    }

    @Test
    void namesAreKeptAsTheyReadAndPasswordsExactlyAsTyped() throws Exception {
        String email = "odstepy@przyklad.example";
        String password = "  hasło z odstępami wokół  ";
        long id = createAccount(email, "Ewa Odstęp", password);
        Client person = new Client();
        HttpResponse<String> signedIn =
                person.post("/logowanie", "/logowanie", Map.of("email", email, "password", password));
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/konto"));

        // A right-to-left override would make the name read backwards on every list: it is taken out.
        HttpResponse<String> reversed =
                person.post("/konto", "/konto/dane", Map.of("displayName", "\u202Ekawon aweE\u202C", "language", "pl"));
        assertThat(reversed.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select display_name from account where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("kawon aweE");

        // A NUL (PostgreSQL refuses it outright) is the person's mistake to correct, not a server error.
        HttpResponse<String> nul =
                person.post("/konto", "/konto/dane", Map.of("displayName", "Ewa\u0000Odstęp", "language", "pl"));
        assertThat(nul.statusCode()).isEqualTo(422);
        assertThat(nul.body()).contains("Popraw błędy w formularzu").contains("niedozwolony znak sterujący");

        // Every password error at once, each named: a wrong current password, a new one too short, and
        // a repetition that differs are three errors of one submission, not three submissions.
        HttpResponse<String> threeErrors = person.post(
                "/konto",
                "/konto/haslo",
                Map.of("currentPassword", "nie moje hasło", "newPassword", "krótkie", "passwordRepeated", "inne"));
        assertThat(threeErrors.statusCode()).isEqualTo(422);
        assertThat(threeErrors.body())
                .contains("<a href=\"#newPassword\">Nowe hasło: ")
                .contains("<a href=\"#passwordRepeated\">Powtórzone hasło: ");
        HttpResponse<String> twoErrors = person.post(
                "/konto",
                "/konto/haslo",
                Map.of("currentPassword", "nie moje hasło", "newPassword", "krótkie", "passwordRepeated", "krótkie"));
        assertThat(twoErrors.statusCode()).isEqualTo(422);
        assertThat(twoErrors.body())
                .contains("<a href=\"#currentPassword\">Obecne hasło")
                .contains("<a href=\"#newPassword\">Nowe hasło: ");

        // Form records keep passwords byte for byte: the surrounding spaces are part of them.
        String newPassword = " nowe hasło, też z odstępem ";
        HttpResponse<String> changed = person.post(
                "/konto",
                "/konto/haslo",
                Map.of("currentPassword", password, "newPassword", newPassword, "passwordRepeated", newPassword));
        assertThat(changed.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("zapisano=haslo"));
        HttpResponse<String> again =
                new Client().post("/logowanie", "/logowanie", Map.of("email", email, "password", newPassword));
        assertThat(again.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/konto"));
    }

    @Test
    void aNulInTheNameOfARegistrationIsRefusedAndTheFormKeepsWhatWasTyped() throws Exception {
        HttpResponse<String> refused = new Client()
                .post(
                        "/rejestracja",
                        "/rejestracja",
                        Map.of(
                                "displayName",
                                "Nina\u0000Nowa",
                                "email",
                                "nul.w.nazwie@przyklad.example",
                                "password",
                                "spotkanie w Rzeszowie jesienią",
                                "passwordRepeated",
                                "spotkanie w Rzeszowie jesienią"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("niedozwolony znak sterujący")
                .contains("value=\"nul.w.nazwie@przyklad.example\"");
        assertThat(jdbc.sql("select count(*) from account where email = 'nul.w.nazwie@przyklad.example'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private long createAccount(String email, String name, String password) {
        return TestAccounts.participant(jdbc, passwordEncoder, email, name, password);
    }

    private Optional<String> mailTo(String email) {
        return jdbc.sql(
                        "select text_body from notifications_dev_mailbox where lower(recipient) like :to order by delivered_at desc limit 1")
                .param("to", "%" + email + "%")
                .query(String.class)
                .optional();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    /**
     * A browser-like client: keeps cookies, reads the CSRF token from a page before posting its form (empty for an
     * anonymous visitor) and, as browsers do, names the site the form came from in {@code Origin}.
     */
    private final class Client {

        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String formPage, String action, Map<String, String> fields)
                throws IOException, InterruptedException {
            Matcher csrf = CSRF.matcher(get(formPage).body());
            assertThat(csrf.find()).as("CSRF token field on " + formPage).isTrue();
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf.group(1));
            String body = all.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(uri(action))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Origin", "http://localhost:" + port)
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
