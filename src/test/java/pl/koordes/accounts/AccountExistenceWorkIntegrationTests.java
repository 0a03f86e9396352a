package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * Registering and asking for a password reset do the same work whether the address has an account or
 * not, so that the time of the answer does not tell (issue 10, item 8): the same SQL statements in the
 * same order during the request, the password hashed on both paths, and the rest (creating the account,
 * the mail) after the answer. Counted, never timed: {@code bench/accounts} measures the times.
 */
@IntegrationTest
@Import(TestExtensions.class)
class AccountExistenceWorkIntegrationTests {

    private static final String PASSWORD = "spotkanie w Rzeszowie jesienią";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @Test
    void registeringWithATakenOrANewAddressRunsTheSameStatements() {
        String fresh = "nowy.adres.praca@przyklad.example";
        List<String> forNew = registration("127.0.0.91", fresh);
        List<String> forTaken = registration("127.0.0.92", DemoAccounts.PARTICIPANT);

        assertThat(forTaken).as("statements for a taken address").isEqualTo(forNew);
        assertThat(forNew).noneMatch(sql -> sql.toLowerCase().contains("account"));
        // Both requests hashed the password: the queued registrations carry an Argon2 hash, never the password.
        List<String> queued = jdbc.sql("""
                        select serialized_event from event_publication
                        where event_type like '%RegistrationRequested' and (serialized_event like :fresh
                            or serialized_event like :taken)
                        """)
                .param("fresh", "%" + fresh + "%")
                .param("taken", "%" + DemoAccounts.PARTICIPANT + "%")
                .query(String.class)
                .list();
        assertThat(queued)
                .hasSize(2)
                .allSatisfy(event -> assertThat(event).contains("$argon2").doesNotContain(PASSWORD));
        // After the answer: the new address gets its link, the owner of the taken one a warning.
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(fresh, "verifyEmail") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(DemoAccounts.PARTICIPANT, "alreadyRegistered") >= 1);
    }

    @Test
    void askingForAResetForAKnownOrAnUnknownAddressRunsTheSameStatements() {
        String unknown = "nikogo.tu.nie.ma@przyklad.example";
        long before = mails(DemoAccounts.EXPERT, "passwordReset");
        List<String> forUnknown = resetRequest("127.0.0.93", unknown);
        List<String> forKnown = resetRequest("127.0.0.94", DemoAccounts.EXPERT);

        assertThat(forKnown).as("statements for a known address").isEqualTo(forUnknown);
        assertThat(forKnown).noneMatch(sql -> sql.toLowerCase().contains("account"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(DemoAccounts.EXPERT, "passwordReset") == before + 1);
        assertThat(mails(unknown, "passwordReset")).isZero();
    }

    private List<String> registration(String from, String email) {
        SignedInClient visitor = new SignedInClient(port, from);
        visitor.get("/rejestracja");
        statements.reset();
        HttpResponse<String> answer = visitor.post(
                "/rejestracja",
                "displayName",
                "Nowa Osoba",
                "email",
                email,
                "password",
                PASSWORD,
                "passwordRepeated",
                PASSWORD);
        List<String> run = statements.statements();
        assertThat(SignedInClient.location(answer)).isEqualTo("/rejestracja?wyslano");
        return run;
    }

    private List<String> resetRequest(String from, String email) {
        SignedInClient visitor = new SignedInClient(port, from);
        visitor.get("/haslo/przypomnij");
        statements.reset();
        HttpResponse<String> answer = visitor.post("/haslo/przypomnij", "email", email);
        List<String> run = statements.statements();
        assertThat(SignedInClient.location(answer)).isEqualTo("/haslo/przypomnij?wyslano");
        return run;
    }

    private long mails(String to, String kind) {
        return jdbc.sql(
                        "select count(*) from notifications_dev_mailbox where lower(recipient) = lower(:to) and kind = :kind")
                .param("to", to)
                .param("kind", kind)
                .query(Long.class)
                .single();
    }
}
