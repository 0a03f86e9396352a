package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.notifications.internal.Preferences;
import pl.koordes.shared.notice.NotificationKind;
import pl.koordes.shared.personaldata.PersonalData;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * The preferences page (issue 18, item 2) under hostile input (every naughty string as a value, a kind's name
 * and the hour: never a 500, never shown unescaped), with the same statements whether nothing or every kind is
 * stored, and the preferences in the person's data export and gone on erasure.
 */
@IntegrationTest
@Import(TestExtensions.class)
class NotificationPreferencesIntegrationTests {

    private static final String PAGE = "/konto/powiadomienia";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    Preferences preferences;

    @Autowired
    List<PersonalData> personalData;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void hostileValuesKindsAndHoursAreRefusedOrIgnoredNeverAnError() {
        Person person = person("127.0.48.1");
        SoftAssertions softly = new SoftAssertions();
        for (String line : NaughtyStrings.payloadsAnd(List.of("<script>alert(1)</script>", "-1", "1e9", "7.5"))) {
            HttpResponse<String> asValue =
                    person.client().post(PAGE, "delivery[event-reminder]", line, "digestHour", line);
            softly.assertThat(asValue.statusCode()).as(line).isIn(302, 400, 422);
            softly.assertThat(asValue.body()).as(line).doesNotContain("<script>alert");
            HttpResponse<String> asKind =
                    person.client().post(PAGE, "delivery[" + line + "]", "APP", "digestHour", "7");
            softly.assertThat(asKind.statusCode()).as(line).isIn(302, 400, 422);
            softly.assertThat(asKind.body()).as(line).doesNotContain("<script>alert");
        }
        softly.assertAll();
        assertThat(jdbc.sql("select kind from notifications_preference where account_id = :a")
                        .param("a", person.id())
                        .query(String.class)
                        .list())
                .allSatisfy(kind -> assertThat(NotificationKind.ofKey(kind)).isPresent());
        assertThat(person.client().get(PAGE).statusCode()).isEqualTo(200);
    }

    @Test
    void thePageRunsTheSameStatementsWithNothingOrEveryKindStored() {
        Person person = person("127.0.48.2");
        person.client().get(PAGE);
        statements.reset();
        assertThat(person.client().get(PAGE).statusCode()).isEqualTo(200);
        List<String> none = pageStatements();

        for (NotificationKind kind : NotificationKind.values()) {
            jdbc.sql("insert into notifications_preference (account_id, kind, delivery) values (:a, :k, 'APP')")
                    .param("a", person.id())
                    .param("k", kind.key())
                    .update();
        }
        statements.reset();
        assertThat(person.client().get(PAGE).body()).contains("value=\"APP\" checked");
        assertThat(pageStatements()).isEqualTo(none);
    }

    @Test
    void thePreferencesAreInTheExportAndGoneOnErasure() {
        Person person = person("127.0.48.3");
        HttpResponse<String> saved =
                person.client().submit(PAGE, PAGE, "delivery[survey-reminder]", "DIGEST", "digestHour", "6");
        assertThat(saved.statusCode()).isEqualTo(302);
        jdbc.sql("""
                        insert into notifications_digest (account_id, digest_day, covered_until, notices)
                        values (:a, current_date, now(), 1)""").param("a", person.id()).update();
        PersonalData section = personalData.stream()
                .filter(data -> data.section().equals("notificationPreferences"))
                .findFirst()
                .orElseThrow();
        PersonalData.Person subject = new PersonalData.Person(person.id(), person.email(), "Zofia Ustawień");

        assertThat(section.export(subject))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement()
                .satisfies(row -> {
                    assertThat(((Map<?, ?>) row).get("survey-reminder")).isEqualTo("DIGEST");
                    assertThat(((Map<?, ?>) row).get("digestHour")).isEqualTo(6);
                });

        transactions.executeWithoutResult(status -> section.erase(subject));

        for (String table : List.of("notifications_setting", "notifications_preference", "notifications_digest")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where account_id = :a")
                            .param("a", person.id())
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(preferences.stored(person.id())).isFalse();
    }

    private record Person(long id, String email, SignedInClient client) {}

    private Person person(String address) {
        String email = "ustawienia-" + UUID.randomUUID() + "@test.koordes.example";
        String password = "Ustawienia: łąka " + UUID.randomUUID();
        long id = jdbc.sql("""
                        insert into account (email, display_name, status, password_hash)
                        values (:email, 'Zofia Ustawień', 'ACTIVE', :hash) returning id""")
                .param("email", email)
                .param("hash", passwords.encode(password))
                .query(Long.class)
                .single();
        jdbc.sql("insert into role_assignment (account_id, role) values (:a, 'PARTICIPANT')")
                .param("a", id)
                .update();
        SignedInClient client = new SignedInClient(port, address);
        assertThat(client.signIn(email, password).statusCode()).isEqualTo(302);
        client.get(PAGE);
        return new Person(id, email, client);
    }

    private List<String> pageStatements() {
        return statements.statements().stream()
                .filter(statement -> !statement.contains("SPRING_SESSION"))
                .toList();
    }
}
