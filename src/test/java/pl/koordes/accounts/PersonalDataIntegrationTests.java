package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;
import static pl.koordes.support.SignedInClient.location;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.events.SeatMode;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestAccounts;

/**
 * Issue 11, item 1: one person registers, gives feedback and comments; "download my data" holds all of it;
 * erasure cancels the upcoming registration (the seat goes to the next on the waiting list) and then no
 * table, the outbox included, holds the person's address or name any more.
 */
@IntegrationTest
class PersonalDataIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final String PASSWORD = "hasło do konta, które zniknie";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    EventRegistrations registrations;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void theDownloadHoldsEverythingAndErasureLeavesTheAddressAndNameNowhere() {
        String email = "ewa.erazm." + run + "@przyklad.example";
        String name = "Ewa Erazmus-" + run;
        long id = createAccount(email, name);
        CurrentUser person =
                new CurrentUser(id, email, name, List.of(new RoleAssignment(Role.PARTICIPANT, null)), "pl");

        long upcoming = event("Spotkanie przyszłe " + run, Instant.now().plus(10, ChronoUnit.DAYS), 1);
        assertThat(registrations
                        .register(upcoming, RegistrationForm.oneStep(), person, PL)
                        .status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        CurrentUser next = new CurrentUser(
                id + 5_000_000,
                "kolejna." + run + "@przyklad.example",
                "Kolejna Osoba",
                List.of(new RoleAssignment(Role.PARTICIPANT, null)),
                "pl");
        RegistrationResult waiting = registrations.register(upcoming, RegistrationForm.oneStep(), next, PL);
        assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITING);

        long past = event("Spotkanie minione " + run, Instant.now().minus(10, ChronoUnit.DAYS), 20);
        jdbc.sql("""
                        insert into event_registration (event_id, account_id, email, full_name, institution, accessibility_needs,
                            privacy_accepted_at, mode, status, cancel_token_hash, language, feedback_rating, feedback_comment)
                        values (:e, :a, :email, :name, 'Fundacja Erazma', 'pętla indukcyjna', now(), 'ON_SITE', 'CONFIRMED',
                            :hash, 'pl', 5, 'Bardzo dobre spotkanie')
                        """)
                .param("e", past)
                .param("a", id)
                .param("email", email)
                .param("name", name)
                .param("hash", "pd-" + run)
                .update();
        long article = jdbc.sql("select id from article order by id limit 1")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into comments_comment (article_id, title, body, signature, email, language, state, fingerprint,
                            created_at, published_at)
                        values (:a, 'Pytanie', 'Czy będzie nagranie?', :name, :email, 'pl', 'APPROVED', :fp, now(), now())
                        """)
                .param("a", article)
                .param("name", name)
                .param("email", email)
                .param("fp", "pd" + run)
                .update();

        // Monitoring: a note on a value and a value the person entered (the values stay: they are the region's).
        long value = jdbc.sql("select min(id) from monitoring_value")
                .query(Long.class)
                .single();
        jdbc.sql("update monitoring_value set updated_by = :a where id = :v")
                .param("a", id)
                .param("v", value)
                .update();
        jdbc.sql("insert into monitoring_value_note (value_id, author_id, body) values (:v, :a, :b)")
                .param("v", value)
                .param("a", id)
                .param("b", "Uwaga do wartości " + run)
                .update();

        SignedInClient browser = new SignedInClient(port);
        assertThat(location(browser.signIn(email, PASSWORD))).endsWith("/konto");
        String export = browser.get("/konto/moje-dane.json").body();
        assertThat(export)
                .contains("\"eventRegistrations\"", "Spotkanie przyszłe " + run, "Spotkanie minione " + run)
                .contains("pętla indukcyjna", "Bardzo dobre spotkanie", "Fundacja Erazma")
                .contains("\"comments\"", "Czy będzie nagranie?")
                .contains("\"monitoring\"", "Uwaga do wartości " + run);

        browser.get("/konto");
        HttpResponse<String> deleted =
                browser.post("/konto/usun", "currentPasswordDelete", PASSWORD, "confirm", "true");
        assertThat(deleted.statusCode()).isEqualTo(302);

        assertThat(status(waiting.id())).as("the next on the waiting list").isEqualTo("CONFIRMED");
        assertThat(jdbc.sql("select count(*) from event_registration where account_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from monitoring_value where updated_by = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from monitoring_value_note where author_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(wherever(email))
                .as("tables and columns still holding the address")
                .isEmpty();
        assertThat(wherever(name))
                .as("tables and columns still holding the name")
                .isEmpty();
        assertThat(jdbc.sql("select distinct actor_label from audit_entry where actor_id = :id")
                        .param("id", id)
                        .query(String.class)
                        .list())
                .as("the person's past actions under one pseudonym")
                .singleElement(STRING)
                .startsWith(Profiles.PSEUDONYM_PREFIX);
    }

    @Test
    void aVisitorWithoutAnAccountSeesDownloadsAndErasesTheirDataThroughALinkSentToTheirAddress() {
        String email = "gosc.bez.konta." + run + "@przyklad.example";
        String name = "Gość Bezkontowy-" + run;
        long upcoming = event("Warsztat dla gości " + run, Instant.now().plus(12, ChronoUnit.DAYS), 30);
        long region = jdbc.sql("select id from region where slug = 'opolskie'")
                .query(Long.class)
                .single();
        registrations.register(upcoming, RegistrationForm.of(name, email, region, SeatMode.ON_SITE), null, PL);

        SignedInClient visitor = new SignedInClient(port, "127.0.0.71");
        HttpResponse<String> invalid = visitor.submit("/moje-dane", "/moje-dane", "email", "nie-adres");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Wpisz poprawny adres e-mail");
        HttpResponse<String> asked = visitor.submit("/moje-dane", "/moje-dane", "email", email);
        HttpResponse<String> nobody =
                visitor.submit("/moje-dane", "/moje-dane", "email", "nikt." + run + "@przyklad.example");
        assertThat(location(asked)).endsWith("/moje-dane?wyslano").isEqualTo(location(nobody));

        String body = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql(
                                        "select text_body from notifications_dev_mailbox where recipient = :to and kind = 'personalData'")
                                .param("to", email)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        b -> b != null);
        Matcher link =
                Pattern.compile("(/moje-dane/dostep\\?token=[A-Za-z0-9_-]+)").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1).substring(link.group(1).indexOf('=') + 1);

        HttpResponse<String> page = visitor.get(link.group(1));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email, "Zapisy na wydarzenia: 1 wpis");
        assertThat(visitor.get("/moje-dane/eksport?token=" + token).body()).contains("Warsztat dla gości " + run, name);

        HttpResponse<String> unticked = visitor.post("/moje-dane/usun", "token", token);
        assertThat(unticked.statusCode()).isEqualTo(422);
        assertThat(unticked.body()).contains("Zaznacz, że rozumiesz skutki usunięcia danych.");
        HttpResponse<String> erased = visitor.post("/moje-dane/usun", "token", token, "confirm", "true");
        assertThat(location(erased)).endsWith("/moje-dane?usunieto");
        assertThat(visitor.get(link.group(1)).statusCode())
                .as("the link after erasure")
                .isEqualTo(410);

        assertThat(wherever(email))
                .as("tables and columns still holding the address")
                .isEmpty();
        assertThat(wherever(name))
                .as("tables and columns still holding the name")
                .isEmpty();
    }

    /** Every text column of every table in which the value appears, as table.column. */
    private List<String> wherever(String value) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
                        """).query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            long count = jdbc.sql("select count(*) from \"" + table + "\" where \"" + name + "\"::text ilike :like")
                    .param("like", "%" + value + "%")
                    .query(Long.class)
                    .single();
            if (count > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }

    private long createAccount(String email, String name) {
        return TestAccounts.participant(jdbc, passwordEncoder, email, name, PASSWORD);
    }

    private long event(String title, Instant start, int seats) {
        long id = jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        values ('MEETING', 'NATIONAL', 'IN_PERSON', :title, 'Sala 1', :starts, :ends, :seats, 'PUBLISHED')
                        returning id
                        """)
                .param("title", title)
                .param("starts", Timestamp.from(start))
                .param("ends", Timestamp.from(start.plus(3, ChronoUnit.HOURS)))
                .param("seats", seats)
                .query(Long.class)
                .single();
        jdbc.sql("insert into event_region (event_id, region_id) select :id, id from region")
                .param("id", id)
                .update();
        return id;
    }

    private String status(long registration) {
        return jdbc.sql("select status from event_registration where id = :id")
                .param("id", registration)
                .query(String.class)
                .single();
    }
}
