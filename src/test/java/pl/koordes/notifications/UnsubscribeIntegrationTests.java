package pl.koordes.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.notifications.internal.Digests;
import pl.koordes.notifications.internal.UnsubscribeTokens;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestSmtp;

/**
 * Issue 18, item 2: the unsubscribe link of every optional e-mail, read from real delivered mail (GreenMail): the
 * RFC 8058 headers and the footer link, GET that only asks, the page's button and the mail client's one-click POST
 * that turn exactly that kind off (audited, idempotent), the digest's link that switches the digest off, essential
 * mail without any, and forged, foreign or hostile tokens answered with a Polish 404 (never a 500). Client addresses
 * 127.0.52.x.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext
class UnsubscribeIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final String COMMITTEE_SPACE = "/dyskusje/komitet-malopolskie";
    private static final String DAILY_THREAD = "Test wypisywania: wątek obserwowany dziennie";

    @RegisterExtension
    static final TestSmtp smtp = TestSmtp.onFreePort();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        smtp.register(registry);
    }

    @Autowired
    Mailer mailer;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digests digests;

    @Autowired
    UnsubscribeTokens tokens;

    @LocalServerPort
    int port;

    @Test
    void anOptionalMailCarriesTheOneClickHeadersAndItsPostTurnsOnlyThatKindOff() throws Exception {
        String email = address();
        long account = account(email);
        jdbc.sql(
                        "insert into notifications_preference (account_id, kind, delivery) values (:a, 'comment-published', 'DIGEST')")
                .param("a", account)
                .update();

        transactions.executeWithoutResult(
                status -> mailer.send(email, PL, "knowledge/discussions/mail/discussionPost", post()));
        MimeMessage message = smtp.awaitMessageTo(email);
        String header = message.getHeader("List-Unsubscribe", null);
        assertThat(header)
                .startsWith("<" + TestSmtp.BASE_URL + "wypisz/1." + account + ".discussion-post.")
                .endsWith(">");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        assertThat(TestSmtp.part(message, "text/plain")).contains(url);
        assertThat(TestSmtp.part(message, "text/html")).contains("href=\"" + url + "\"");
        String path = "/" + url.substring(TestSmtp.BASE_URL.length());

        // A GET (a mail scanner following the link) only asks.
        SignedInClient visitor = new SignedInClient(port, "127.0.52.1");
        HttpResponse<String> page = visitor.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Wypisz mnie", "Nowy wpis w obserwowanej dyskusji");
        assertThat(delivery(account, "discussion-post")).isNull();

        // The mail client's one-click POST, without a CSRF token: that kind only, audited once, idempotent.
        HttpResponse<String> oneClick = visitor.postWithoutCsrf(path, "List-Unsubscribe", "One-Click");
        assertThat(oneClick.statusCode()).isEqualTo(204);
        assertThat(delivery(account, "discussion-post")).isEqualTo("APP");
        assertThat(delivery(account, "comment-published")).isEqualTo("DIGEST");
        assertThat(visitor.postWithoutCsrf(path, "List-Unsubscribe", "One-Click")
                        .statusCode())
                .isEqualTo(204);
        assertThat(unsubscribed(account)).containsExactly("one-click");

        // The link keeps working after other changes, and says it is off.
        jdbc.sql(
                        "update notifications_preference set delivery = 'EMAIL' where account_id = :a and kind = 'comment-published'")
                .param("a", account)
                .update();
        assertThat(visitor.get(path).body())
                .contains("już nie wysyłamy Ci e-mailem")
                .doesNotContain("Wypisz mnie");
    }

    @Test
    void thePagesButtonUnsubscribesAndSaysWhatChanged() {
        long account = account(address());
        String path = "/wypisz/" + tokens.token(account, "event-reminder");
        SignedInClient visitor = new SignedInClient(port, "127.0.52.2");
        assertThat(visitor.get(path).body()).contains("Przypomnienie").contains("action=\"" + path + "\"");

        HttpResponse<String> done = visitor.post(path);
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(SignedInClient.location(done)).isEqualTo(path + "?wypisano");
        assertThat(visitor.get(path + "?wypisano").body())
                .contains("Wypisano", "Nie będziemy już wysyłać e-mailem", "href=\"/konto/powiadomienia\"");
        assertThat(delivery(account, "event-reminder")).isEqualTo("APP");
        assertThat(unsubscribed(account)).containsExactly("link");
    }

    @Test
    void essentialMailCarriesNoUnsubscribeLink() throws Exception {
        String email = address();
        account(email);
        transactions.executeWithoutResult(
                status -> mailer.send(email, PL, "notifications/mail/check", Map.of("note", "bez wypisania")));
        MimeMessage message = smtp.awaitMessageTo(email);
        assertThat(message.getHeader("List-Unsubscribe")).isNull();
        assertThat(message.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(TestSmtp.part(message, "text/plain")).doesNotContain("/wypisz/");
    }

    @Test
    void forgedForeignAndHostileTokensAreANotFoundPageNeverAServerError() throws Exception {
        long mine = account(address());
        long other = account(address());
        String token = tokens.token(mine, "event-reminder");
        String signature = token.substring(token.lastIndexOf('.') + 1);
        List<String> bad = new java.util.ArrayList<>(List.of(
                // Another person's account with my signature, another kind with my signature.
                "1." + other + ".event-reminder." + signature,
                "1." + mine + ".survey-reminder." + signature,
                // An essential kind, a changed signature, a cut token, another version.
                tokens.token(mine, "event-reminder").replace("event-reminder", "event-changed"),
                token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A"),
                token.substring(0, token.length() - 5),
                "2" + token.substring(1),
                "x"));
        // "." and ".." are path segments the client resolves away, not tokens.
        NaughtyStrings.corpus().stream()
                .filter(value -> !value.equals(".") && !value.equals(".."))
                .forEach(bad::add);
        SignedInClient visitor = new SignedInClient(port, "127.0.52.3");
        for (String value : bad) {
            String path = "/wypisz/"
                    + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> page = visitor.get(path);
            assertThat(page.statusCode()).as("GET %s", value).isBetween(400, 404);
            HttpResponse<String> oneClick = visitor.postWithoutCsrf(path, "List-Unsubscribe", "One-Click");
            assertThat(oneClick.statusCode()).as("POST %s", value).isBetween(400, 404);
        }
        HttpResponse<String> forged = visitor.get("/wypisz/1." + other + ".event-reminder." + signature);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("Ten link do wypisania nie działa");
        // A valid token with another value than One-Click is refused.
        assertThat(visitor.postWithoutCsrf("/wypisz/" + token, "List-Unsubscribe", "Two-Clicks")
                        .statusCode())
                .isEqualTo(400);
        assertThat(unsubscribed(mine)).isEmpty();
        assertThat(unsubscribed(other)).isEmpty();
        assertThat(delivery(mine, "event-reminder")).isNull();
    }

    @Test
    void theDigestsLinkSwitchesTheDigestOffAndKeepsTheKindsChosenForIt() throws Exception {
        String email = address();
        long account = account(email);
        jdbc.sql("insert into notifications_setting (account_id, digest_hour, updated_at) values (:a, 18, now())")
                .param("a", account)
                .update();
        jdbc.sql(
                        "insert into notifications_preference (account_id, kind, delivery) values (:a, 'survey-invitation', 'DIGEST')")
                .param("a", account)
                .update();
        notice(account, "survey-invitation", "Ankieta o szkoleniach czeka.", at(3, 10), false, null);
        assertThat(digests.sendDue(at(3, 18))).isEqualTo(1);
        MimeMessage message = smtp.awaitMessageTo(email);
        String header = message.getHeader("List-Unsubscribe", null);
        assertThat(header).contains("/wypisz/1." + account + ".digest.");
        String path = "/" + header.substring(1 + TestSmtp.BASE_URL.length(), header.length() - 1);

        SignedInClient visitor = new SignedInClient(port, "127.0.52.4");
        assertThat(visitor.get(path).body()).contains("nie będziemy już wysyłać Ci wiadomości dziennej");
        assertThat(visitor.postWithoutCsrf(path, "List-Unsubscribe", "One-Click")
                        .statusCode())
                .isEqualTo(204);
        assertThat(delivery(account, "survey-invitation")).isEqualTo("DIGEST");
        assertThat(unsubscribed(account)).containsExactly("one-click");

        notice(account, "survey-invitation", "Druga ankieta czeka.", at(4, 10), false, null);
        assertThat(digests.sendDue(at(4, 18))).isZero();
        assertThat(smtp.to(email)).hasSize(1);
    }

    @Test
    void aNoticePublishedForTheDigestComesOnceAndOnlyWhileItsScopeAllowsIt() throws Exception {
        String email = address();
        long account = account(email);
        // No digest preference at all: the notice published for the digest brings the account in.
        jdbc.sql("insert into notifications_setting (account_id, digest_hour, updated_at) values (:a, 20, now())")
                .param("a", account)
                .update();
        notice(account, "discussion-post", "Nowy wpis w wątku o dotacjach.", at(5, 9), true, null);
        // A scope no module answers for (or one it refuses) is left out.
        notice(account, "discussion-post", "Wpis w przestrzeni bez dostępu.", at(5, 9), true, "nieznane:1");
        // A notice of a kind not chosen for the digest and not published for it stays in the application.
        notice(account, "discussion-mention", "Wzmianka tylko w serwisie.", at(5, 9), false, null);

        assertThat(digests.sendDue(at(5, 19))).as("before the hour").isZero();
        assertThat(digests.sendDue(at(5, 20))).isEqualTo(1);
        String text = TestSmtp.part(smtp.awaitMessageTo(email), "text/plain");
        assertThat(text)
                .contains("Nowy wpis w wątku o dotacjach.")
                .doesNotContain("bez dostępu")
                .doesNotContain("Wzmianka");
        // Not in the next digest again.
        assertThat(digests.sendDue(at(6, 20))).isZero();

        // The kind in the application only keeps it out of the digest.
        jdbc.sql(
                        "insert into notifications_preference (account_id, kind, delivery) values (:a, 'discussion-post', 'APP')")
                .param("a", account)
                .update();
        notice(account, "discussion-post", "Kolejny wpis.", at(6, 21), true, null);
        assertThat(digests.sendDue(at(7, 20))).isZero();
        assertThat(smtp.to(email)).hasSize(1);
    }

    @Test
    void aPostInADiscussionFollowedDailyComesInTheNextDigestOnceAndOnlyToWhoMayStillReadIt() throws Exception {
        String stays = address();
        String leaves = address();
        long staying = committeeMember(stays);
        long leaving = committeeMember(leaves);
        try {
            DemoAccounts.signedIn(jdbc, port, DemoAccounts.COORDINATOR_MALOPOLSKIE, "127.0.52.10")
                    .submit(
                            COMMITTEE_SPACE + "/nowy-watek",
                            COMMITTEE_SPACE + "/nowy-watek",
                            "title",
                            DAILY_THREAD + " o naborze",
                            "body",
                            "Zbieramy uwagi do naboru do piątku.");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(jdbc.sql("""
                                    select count(*) from notifications_notice
                                    where account_id in (:a, :b) and kind = 'discussion-post' and for_digest
                                      and scope like 'discussion-space:%'""")
                                    .param("a", staying)
                                    .param("b", leaving)
                                    .query(Long.class)
                                    .single())
                            .isEqualTo(2));
            // No e-mail at once for daily followers.
            assertThat(smtp.to(stays)).isEmpty();
            // One of them loses the right to read the committee's space before the digest.
            jdbc.sql("delete from role_assignment where account_id = :a")
                    .param("a", leaving)
                    .update();

            // The next 23:30 (their hour is 23): one digest, to the one who may still read the space. Not "today at
            // 23:30", which is already past when the tests run between 23:30 and midnight in Warsaw.
            ZonedDateTime now = ZonedDateTime.now(Formats.ZONE);
            ZonedDateTime next = now.toLocalDate().atTime(23, 30).atZone(Formats.ZONE);
            Instant evening = (next.isAfter(now) ? next : next.plusDays(1)).toInstant();
            assertThat(digests.sendDue(evening)).isEqualTo(1);
            String text = TestSmtp.part(smtp.awaitMessageTo(stays), "text/plain");
            assertThat(text).contains(DAILY_THREAD + " o naborze");
            assertThat(smtp.to(leaves)).isEmpty();
            // Not in the next day's digest again.
            assertThat(digests.sendDue(evening.plus(Duration.ofDays(1)))).isZero();
            assertThat(smtp.to(stays)).hasSize(1);
        } finally {
            jdbc.sql("""
                            delete from search_entry where source = 'post' and source_id in (select p.id::text
                            from discussion_post p join discussion_thread t on t.id = p.thread_id where t.title like :p)
                            """).param("p", DAILY_THREAD + "%").update();
            jdbc.sql("delete from discussion_thread where title like :p")
                    .param("p", DAILY_THREAD + "%")
                    .update();
        }
    }

    /** A new member of małopolskie's committee who follows its discussion space daily, digest at 23:00. */
    private long committeeMember(String email) {
        long account = account(email);
        jdbc.sql("""
                        insert into role_assignment (account_id, role, region_id)
                        select :a, 'COMMITTEE_MEMBER', id from region where slug = 'malopolskie'""").param("a", account).update();
        jdbc.sql("""
                        insert into discussion_subscription (account_id, space_id, delivery)
                        select :a, id, 'DAILY' from discussion_space where slug = 'komitet-malopolskie'""").param("a", account).update();
        jdbc.sql("insert into notifications_setting (account_id, digest_hour, updated_at) values (:a, 23, now())")
                .param("a", account)
                .update();
        return account;
    }

    private static Map<String, Object> post() {
        return Map.of(
                "discussionsSpace", "Sieć koordynatorów",
                "discussionsThread", "Dotacje na szkolenia",
                "discussionsAuthor", "Kinga Testowa",
                "discussionsExcerpt", "Czy ktoś zna nowy regulamin?",
                "path", "/dyskusje/siec-koordynatorow/watki/1");
    }

    private static String address() {
        return "wypisz-" + UUID.randomUUID() + "@test.koordes.example";
    }

    private long account(String email) {
        return jdbc.sql("""
                        insert into account (email, display_name, status) values (:email, 'Wanda Wypisana', 'ACTIVE')
                        returning id""").param("email", email).query(Long.class).single();
    }

    private String delivery(long account, String kind) {
        return jdbc.sql("select delivery from notifications_preference where account_id = :a and kind = :k")
                .param("a", account)
                .param("k", kind)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** How each unsubscribe of the account was made, from the audit log, oldest first. */
    private List<String> unsubscribed(long account) {
        return jdbc.sql("""
                        select after_value ->> 'via' from audit_entry
                        where action = 'NOTIFICATION_UNSUBSCRIBED' and target_id = :a order by id""")
                .param("a", String.valueOf(account))
                .query(String.class)
                .list();
    }

    private void notice(long account, String kind, String text, Instant at, boolean forDigest, String scope) {
        jdbc.sql("""
                        insert into notifications_notice (id, account_id, kind, text, link, created_at, for_digest, scope)
                        values (:id, :a, :kind, :text, '/dyskusje', :at, :forDigest, :scope)""")
                .param("id", UUID.randomUUID())
                .param("a", account)
                .param("kind", kind)
                .param("text", text)
                .param("at", Timestamp.from(at))
                .param("forDigest", forDigest)
                .param("scope", scope)
                .update();
    }

    /** The instant at this hour of a day in May 2032, Polish time. */
    private static Instant at(int day, int hour) {
        return LocalDate.of(2032, 5, day).atTime(hour, 0).atZone(Formats.ZONE).toInstant();
    }
}
