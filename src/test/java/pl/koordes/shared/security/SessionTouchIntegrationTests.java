package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

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
 * A signed-in page that changes nothing in its session writes nothing to the session store: the last access is
 * written again only once it has moved by a minute ({@code koordes.session.touch-interval}), and the session keeps
 * working across pages; each page reads its session once. Counted on the request threads.
 */
@IntegrationTest
@Import(TestExtensions.class)
class SessionTouchIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    private List<String> sessionWrites() {
        return statements.statements().stream()
                .filter(sql -> sql.toUpperCase().matches("(?s)\\s*(UPDATE|INSERT|DELETE).*SPRING_SESSION.*"))
                .toList();
    }

    @Test
    void aPageThatChangesNothingWritesNothingToTheSessionStoreUntilAMinuteHasPassed() {
        SignedInClient participant = new SignedInClient(port, "127.0.50.97");
        participant.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        for (String path : List.of("/konto", "/wydarzenia", "/")) {
            participant.get(path);
            statements.reset();
            assertThat(participant.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(sessionWrites()).as("session writes of %s", path).isEmpty();
            // Read once: the whole page fits the answer's buffer, so the session is not saved mid-page and read again.
            assertThat(statements.statements().stream().filter(sql -> sql.contains("FROM SPRING_SESSION S")))
                    .as("session reads of %s", path)
                    .hasSize(1);
        }

        // A minute later (the stored stamp moved back instead of waiting), the next page stamps the session again.
        jdbc.sql("update spring_session set last_access_time = last_access_time - 120000,"
                        + " expiry_time = expiry_time - 120000 where principal_name is not null")
                .update();
        long before = jdbc.sql("select max(last_access_time) from spring_session where principal_name is not null")
                .query(Long.class)
                .single();
        statements.reset();
        assertThat(participant.get("/konto").statusCode()).isEqualTo(200);
        assertThat(sessionWrites()).hasSize(1).allSatisfy(sql -> assertThat(sql).startsWith("UPDATE SPRING_SESSION"));
        long after = jdbc.sql("select max(last_access_time) from spring_session where principal_name is not null")
                .query(Long.class)
                .single();
        assertThat(after - before).isGreaterThanOrEqualTo(110_000);

        // And the person is still signed in: their account page, not the sign-in form.
        assertThat(participant.get("/konto").body()).contains(DemoAccounts.PARTICIPANT);
    }
}
