package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestExtensions;

/**
 * A person's own pages — "Moje zapisy", the account's data download and a visitor's data page — run the
 * same number of SQL statements whether the person has 5 registrations or 100, and whatever 10,000
 * other people have: each module answers with one query, not one per row.
 */
@IntegrationTest
@Import(TestExtensions.class)
class PersonalDataQueryCountIntegrationTests {

    private static final String TITLE = "personal-data query count";
    private static final String VISITOR = "gosc.liczenie@test.koordes.example";
    private static final String SECRET = "sekret-linku-do-danych-w-tescie-liczby-zapytan";

    @LocalServerPort
    int port;

    @Autowired
    TestExtensions.StatementCounter statements;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void removeAdded() {
        jdbc.sql("delete from event where title like :t")
                .param("t", TITLE + "%")
                .update();
        jdbc.sql("delete from accounts_personal_data_link where email = :e")
                .param("e", VISITOR)
                .update();
    }

    @Test
    void ownPagesDoNotGrowWithThePersonsRegistrationsNorWithOtherPeoples() {
        long participant = jdbc.sql("select id from account where email = :e")
                .param("e", DemoAccounts.PARTICIPANT)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into accounts_personal_data_link (token_hash, email, expires_at)
                        values (encode(sha256(convert_to(:secret, 'UTF8')), 'hex'), :email, now() + interval '1 hour')
                        """).param("secret", SECRET).param("email", VISITOR).update();
        register(participant, 5);
        SignedInClient person = new SignedInClient(port, "127.0.0.147");
        person.signInFully(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD, null);
        String[] own = {"/konto/zapisy", "/konto/moje-dane.json"};
        String[] visitor = {"/moje-dane/dostep?token=" + SECRET, "/moje-dane/eksport?token=" + SECRET};
        int[] few = new int[own.length + visitor.length];
        for (int i = 0; i < own.length; i++) {
            few[i] = signedIn(person, own[i]);
        }
        for (int i = 0; i < visitor.length; i++) {
            few[own.length + i] = anonymous(visitor[i]);
        }

        register(participant, 95);
        others(10_000);
        for (int i = 0; i < own.length; i++) {
            assertThat(signedIn(person, own[i])).as(own[i]).isEqualTo(few[i]);
        }
        for (int i = 0; i < visitor.length; i++) {
            assertThat(anonymous(visitor[i])).as(visitor[i]).isEqualTo(few[own.length + i]);
        }
        assertThat(person.get("/konto/zapisy").body()).contains(TITLE + " 99");
        assertThat(new Http(port).get(visitor[1]).body()).contains(TITLE + " 99");
    }

    private int signedIn(SignedInClient client, String path) {
        // The first request after signing in also writes the session; count a settled one. The session's
        // last-access time is written when enough time has passed since the last write (inserting 10,000
        // rows takes a while), which has nothing to do with the person's data: it is left out.
        client.get(path);
        statements.reset();
        assertThat(client.get(path).statusCode()).as(path).isEqualTo(200);
        return (int) statements.statements().stream()
                .filter(sql -> !sql.contains("SPRING_SESSION"))
                .count();
    }

    private int anonymous(String path) {
        new Http(port).get(path);
        statements.reset();
        assertThat(new Http(port).get(path).statusCode()).as(path).isEqualTo(200);
        return statements.count();
    }

    /** One upcoming event per registration, each registration the account's and the visitor's. */
    private void register(long account, int count) {
        int already = jdbc.sql("select count(*) from event where title like :t")
                .param("t", TITLE + "%")
                .query(Integer.class)
                .single();
        for (int i = already; i < already + count; i++) {
            Instant start = Instant.now().plus(3 + i % 40, ChronoUnit.DAYS);
            long event = jdbc.sql("""
                            insert into event (type, level, region_id, format, title, venue, starts_at, ends_at, seats_on_site, status)
                            values ('MEETING', 'REGIONAL', (select id from region where slug = 'malopolskie'), 'IN_PERSON', :title,
                                'Sala', :starts, :ends, 1000, 'PUBLISHED')
                            returning id
                            """)
                    .param("title", TITLE + " " + i)
                    .param("starts", Timestamp.from(start))
                    .param("ends", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
                    .query(Long.class)
                    .single();
            jdbc.sql("""
                            insert into event_registration (event_id, email, full_name, privacy_accepted_at, mode, status,
                                cancel_token_hash, account_id)
                            values (:e, :email, 'Uczestnik Liczony', now(), 'ON_SITE', 'CONFIRMED', md5(random()::text), :account),
                                   (:e, :visitor, 'Gość Liczony', now(), 'ON_SITE', 'CONFIRMED', md5(random()::text), null)
                            """)
                    .param("e", event)
                    .param("email", DemoAccounts.PARTICIPANT)
                    .param("account", account)
                    .param("visitor", VISITOR)
                    .update();
        }
    }

    /** Other people's registrations on one of the events. */
    private void others(int count) {
        jdbc.sql("""
                        insert into event_registration (event_id, email, full_name, privacy_accepted_at, mode, status, cancel_token_hash)
                        select (select min(id) from event where title like :t), 'inna' || g || '@test.koordes.example',
                            'Inna Osoba ' || g, now(), 'ON_SITE', 'CONFIRMED', md5(random()::text || g)
                        from generate_series(1, :n) g
                        """).param("t", TITLE + "%").param("n", count).update();
    }
}
