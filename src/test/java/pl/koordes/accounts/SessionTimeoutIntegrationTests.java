package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.support.SignedInClient.location;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.accounts.internal.AccountsProperties;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Sessions end on time, over real HTTP with the sessions kept in PostgreSQL and the settings of the
 * application (absolute limit 12 h, idle limit 30 min). Nobody waits twelve hours: the test makes the
 * stored session older instead — the moment of signing in (the attribute the sign-in writes) for the
 * absolute limit, the last access for the idle one — exactly as the rows would look after that time.
 */
@IntegrationTest
class SessionTimeoutIntegrationTests {

    /** The session attribute with the moment of signing in (AbsoluteSessionTimeoutFilter.SIGNED_IN_AT). */
    static final String SIGNED_IN_AT = "koordes.signedInAt";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountsProperties properties;

    @Test
    void aSessionOlderThanTheAbsoluteLimitIsEndedHoweverActiveAndThePersonSignsInAgain() throws IOException {
        Duration limit = properties.absoluteSessionTimeout();
        assertThat(limit).isEqualTo(Duration.ofHours(12));
        SignedInClient client = new SignedInClient(port);
        client.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        String session = primaryId(client);

        // Active all along and just inside the limit: still signed in.
        signedInAgo(session, limit.minusMinutes(1));
        assertThat(client.get("/konto").statusCode()).isEqualTo(200);

        // A minute past it: the session is ended on the next request, however recent the last one was.
        signedInAgo(session, limit.plusMinutes(1));
        HttpResponse<String> expired = client.get("/konto");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(location(expired)).isEqualTo("/logowanie?wygaslo");
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id = :id")
                        .param("id", session)
                        .query(Long.class)
                        .single())
                .as("the stored session is gone")
                .isZero();
        HttpResponse<String> again = client.get("/konto");
        assertThat(location(again)).isEqualTo("/logowanie");

        // Signing in again gives a new session with a new limit.
        client.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        assertThat(primaryId(client)).isNotEqualTo(session);
        assertThat(client.get("/konto").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionIdleLongerThanTheIdleLimitIsEnded() {
        SignedInClient client = new SignedInClient(port);
        client.signInFully(DemoAccounts.EXPERT, DemoAccounts.PASSWORD, null);
        String session = primaryId(client);
        int idleSeconds = jdbc.sql("select max_inactive_interval from spring_session where primary_id = :id")
                .param("id", session)
                .query(Integer.class)
                .single();
        assertThat(idleSeconds).isEqualTo(30 * 60);

        idleFor(session, Duration.ofSeconds(idleSeconds).minusMinutes(1));
        assertThat(client.get("/konto").statusCode())
                .as("idle just under the limit")
                .isEqualTo(200);

        idleFor(session, Duration.ofSeconds(idleSeconds).plusMinutes(1));
        HttpResponse<String> expired = client.get("/konto");
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(location(expired)).isEqualTo("/logowanie");
        assertThat(jdbc.sql("select count(*) from spring_session where primary_id = :id and expiry_time > :now")
                        .param("id", session)
                        .param("now", System.currentTimeMillis())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The stored session behind the client's cookie (the cookie holds the session id in Base64). */
    private String primaryId(SignedInClient client) {
        String sessionId = new String(Base64.getDecoder().decode(client.session()), StandardCharsets.UTF_8);
        return jdbc.sql("select primary_id from spring_session where session_id = :id")
                .param("id", sessionId)
                .query(String.class)
                .single();
    }

    /** Rewrites the moment of signing in as the sign-in stores it: a serialised Long of epoch milliseconds. */
    private void signedInAgo(String session, Duration ago) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(System.currentTimeMillis() - ago.toMillis());
        }
        int updated = jdbc.sql("""
                        update spring_session_attributes set attribute_bytes = :bytes
                        where session_primary_id = :id and attribute_name = :name
                        """)
                .param("bytes", bytes.toByteArray())
                .param("id", session)
                .param("name", SIGNED_IN_AT)
                .update();
        assertThat(updated).as("the sign-in stored its moment in the session").isEqualTo(1);
    }

    /** Makes the last access of the session {@code idle} ago, and its expiry what that implies. */
    private void idleFor(String session, Duration idle) {
        long lastAccess = System.currentTimeMillis() - idle.toMillis();
        jdbc.sql("""
                        update spring_session set last_access_time = :last, expiry_time = :last + max_inactive_interval * 1000::bigint
                        where primary_id = :id
                        """).param("last", lastAccess).param("id", session).update();
    }
}
