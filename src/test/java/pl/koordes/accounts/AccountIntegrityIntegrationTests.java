package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pl.koordes.support.SignedInClient.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.NaughtyStrings;
import pl.koordes.support.SignedInClient;
import pl.koordes.support.TestAccounts;

/**
 * Issue 10, items 1 and 2 over HTTP with the real mailbox: an address counts only once the link sent to it
 * is followed, the old address is told and can undo the change, and every change of password, address or
 * second factor (and every reset link used) ends the person's other sessions and every link sent before.
 */
@IntegrationTest
class AccountIntegrityIntegrationTests {

    private static final Pattern CONFIRM = Pattern.compile("(/adres/potwierdz\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern UNDO = Pattern.compile("(/adres/cofnij\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern RESET = Pattern.compile("(/haslo/nowe\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern VERIFY = Pattern.compile("(/rejestracja/potwierdz\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7]+)</code>");
    private static final String PASSWORD = "stare hasło konta w Kielcach";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    PeopleManagement people;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aNewAddressCountsOnlyOnceProvenAndTheOldAddressCanUndoTheChange() {
        String old = "ola." + run + "@przyklad.example";
        String fresh = "nowa.ola." + run + "@przyklad.example";
        long id = createAccount(old);
        SignedInClient person = signedIn(old, PASSWORD);
        SignedInClient otherDevice = signedIn(old, PASSWORD);
        requestReset(old);
        String earlierReset = link(old, "passwordReset", RESET);

        HttpResponse<String> asked =
                person.submit("/konto", "/konto/email", "newEmail", fresh, "currentPasswordEmail", PASSWORD);
        assertThat(location(asked)).endsWith("/konto?zapisano=email-link");
        assertThat(person.get("/konto?zapisano=email-link").body()).contains("Wysłaliśmy link na nowy adres");
        assertThat(email(id)).as("nothing changes before the link is followed").isEqualTo(old);
        assertThat(location(new SignedInClient(port).signIn(fresh, PASSWORD))).endsWith("/logowanie?blad");
        assertThat(mail(old, "emailChangeRequested")).contains(fresh);

        String confirm = link(fresh, "emailChangeConfirm", CONFIRM);
        SignedInClient mailbox = new SignedInClient(port);
        HttpResponse<String> page = mailbox.get(confirm);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(fresh).contains("Potwierdzam nowy adres");
        assertThat(email(id))
                .as("opening the link (a mail scanner) changes nothing")
                .isEqualTo(old);
        HttpResponse<String> confirmed = mailbox.post("/adres/potwierdz", "token", token(confirm));
        assertThat(location(confirmed)).endsWith("/logowanie?adres");
        assertThat(email(id)).isEqualTo(fresh);
        assertThat(mailbox.post("/adres/potwierdz", "token", token(confirm)).statusCode())
                .as("the link a second time")
                .isEqualTo(410);

        assertThat(location(otherDevice.get("/konto"))).as("the other device").contains("/logowanie");
        assertThat(new SignedInClient(port).get(earlierReset).statusCode())
                .as("a reset link sent to the old address before the change")
                .isEqualTo(410);
        assertThat(location(new SignedInClient(port).signIn(fresh, PASSWORD))).endsWith("/konto");

        // The owner of the old address did not make the change: the undo link takes the account back.
        String undo = link(old, "emailChanged", UNDO);
        SignedInClient owner = new SignedInClient(port);
        assertThat(owner.get(undo).body()).contains(old).contains("Cofnij zmianę");
        HttpResponse<String> undone = owner.post("/adres/cofnij", "token", token(undo));
        assertThat(location(undone)).contains("/haslo/nowe?token=");
        assertThat(email(id)).isEqualTo(old);
        assertThat(location(person.get("/konto"))).as("every session ended").contains("/logowanie");
        String newPassword = "odzyskane konto nad Wisłą i Odrą";
        String next = location(undone);
        HttpResponse<String> set = owner.submit(
                next.substring(next.indexOf("/haslo")),
                "/haslo/nowe",
                "token",
                token(next),
                "password",
                newPassword,
                "passwordRepeated",
                newPassword);
        assertThat(location(set)).endsWith("/logowanie?haslo");
        assertThat(location(new SignedInClient(port).signIn(old, newPassword))).endsWith("/konto");
        assertThat(location(new SignedInClient(port).signIn(fresh, PASSWORD))).endsWith("/logowanie?blad");
    }

    @Test
    void anAddressOfAnotherAccountIsNeitherRevealedNorTakenAndAnUnprovenAddressReservesNothing() {
        String mine = "marek." + run + "@przyklad.example";
        String theirs = "teresa." + run + "@przyklad.example";
        String wanted = "wolny." + run + "@przyklad.example";
        long id = createAccount(mine);
        createAccount(theirs);
        SignedInClient person = signedIn(mine, PASSWORD);

        HttpResponse<String> taken =
                person.submit("/konto", "/konto/email", "newEmail", theirs, "currentPasswordEmail", PASSWORD);
        assertThat(location(taken)).as("the same answer as for a free address").endsWith("/konto?zapisano=email-link");
        assertThat(mail(theirs, "emailTaken")).contains("należy już do Twojego konta");
        assertThat(email(id)).isEqualTo(mine);

        HttpResponse<String> same = person.submit(
                "/konto", "/konto/email", "newEmail", mine.toUpperCase(), "currentPasswordEmail", PASSWORD);
        assertThat(same.statusCode()).isEqualTo(422);
        assertThat(same.body()).contains("To już jest adres Twojego konta.");
        HttpResponse<String> wrong =
                person.submit("/konto", "/konto/email", "newEmail", wanted, "currentPasswordEmail", "zgadywane");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Obecne hasło jest nieprawidłowe.").contains(wanted);

        person.submit("/konto", "/konto/email", "newEmail", wanted, "currentPasswordEmail", PASSWORD);
        // Someone else registers with the address the person asked for: the request held nothing back.
        SignedInClient visitor = new SignedInClient(port, "127.0.0.62");
        String visitorPassword = "rejestracja z wolnym adresem";
        HttpResponse<String> registered = visitor.submit(
                "/rejestracja",
                "/rejestracja",
                "displayName",
                "Wiktor Wolny",
                "email",
                wanted,
                "password",
                visitorPassword,
                "passwordRepeated",
                visitorPassword);
        assertThat(location(registered)).endsWith("/rejestracja?wyslano");
        // The account is created after the answer (the registration is queued, see SelfRegistration).
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from account where lower(email) = :e and status = 'INVITED'")
                                .param("e", wanted)
                                .query(Long.class)
                                .single()
                        == 1L);
    }

    @Test
    void aPasswordChangeEndsOtherSessionsAndLinksAndTellsThePerson() {
        String address = "pola." + run + "@przyklad.example";
        createAccount(address);
        SignedInClient here = signedIn(address, PASSWORD);
        SignedInClient there = signedIn(address, PASSWORD);
        requestReset(address);
        String reset = link(address, "passwordReset", RESET);

        String newPassword = "nowe hasło po wizycie w Toruniu";
        HttpResponse<String> changed = here.submit(
                "/konto",
                "/konto/haslo",
                "currentPassword",
                PASSWORD,
                "newPassword",
                newPassword,
                "passwordRepeated",
                newPassword);
        assertThat(location(changed)).endsWith("/konto?zapisano=haslo");
        assertThat(here.get("/konto").statusCode()).as("this session stays").isEqualTo(200);
        assertThat(location(there.get("/konto"))).as("the other session").contains("/logowanie");
        assertThat(new SignedInClient(port).get(reset).statusCode())
                .as("a reset link sent before")
                .isEqualTo(410);
        assertThat(mail(address, "credentialsChanged")).contains("Hasło do Twojego konta zostało zmienione");
    }

    @Test
    void enrollingAndRemovingTheSecondFactorEndOtherSessions() {
        String address = "tadeusz." + run + "@przyklad.example";
        createAccount(address);
        SignedInClient here = signedIn(address, PASSWORD);
        SignedInClient there = signedIn(address, PASSWORD);

        HttpResponse<String> enrol = here.get("/konto/drugi-skladnik");
        Matcher secret = SECRET.matcher(enrol.body());
        assertThat(secret.find()).isTrue();
        HttpResponse<String> enabled = here.post(
                "/konto/drugi-skladnik",
                "currentPasswordTotp",
                PASSWORD,
                "code",
                SignedInClient.totpCode(secret.group(1)));
        assertThat(enabled.statusCode()).isEqualTo(200);
        assertThat(here.get("/konto").statusCode()).isEqualTo(200);
        assertThat(location(there.get("/konto"))).as("the other session").contains("/logowanie");
        assertThat(mail(address, "credentialsChanged")).contains("dodano drugi składnik");

        SignedInClient third = new SignedInClient(port);
        third.signInFully(address, PASSWORD, secret.group(1));
        assertThat(third.get("/konto").statusCode()).isEqualTo(200);
        HttpResponse<String> disabled =
                here.submit("/konto", "/konto/drugi-skladnik/wylacz", "currentPasswordTotp", PASSWORD);
        assertThat(location(disabled)).endsWith("/konto?zapisano=drugi-skladnik");
        assertThat(location(third.get("/konto")))
                .as("the session signed in meanwhile")
                .contains("/logowanie");
    }

    @Test
    void aResetLinkUsedEndsEverySessionAndEveryOtherLink() {
        String address = "renata." + run + "@przyklad.example";
        createAccount(address);
        SignedInClient signedIn = signedIn(address, PASSWORD);
        SignedInClient person = signedIn(address, PASSWORD);
        person.submit("/konto", "/konto/email", "newEmail", "inny." + address, "currentPasswordEmail", PASSWORD);
        String confirm = link("inny." + address, "emailChangeConfirm", CONFIRM);
        requestReset(address);
        String reset = link(address, "passwordReset", RESET);

        String newPassword = "hasło ustawione linkiem z poczty";
        HttpResponse<String> set = new SignedInClient(port)
                .submit(
                        reset,
                        "/haslo/nowe",
                        "token",
                        token(reset),
                        "password",
                        newPassword,
                        "passwordRepeated",
                        newPassword);
        assertThat(location(set)).endsWith("/logowanie?haslo");
        assertThat(location(signedIn.get("/konto"))).contains("/logowanie");
        assertThat(new SignedInClient(port).get(confirm).statusCode())
                .as("the address change asked for before the reset")
                .isEqualTo(410);
        assertThat(mail(address, "credentialsChanged")).contains("ustawione na nowo");
    }

    @Test
    void aRegistrationNeverConfirmedReservesTheAddressForNobody() {
        String victim = "wiktoria." + run + "@przyklad.example";
        String squatterPassword = "hasło kogoś, kto zajmuje adres";
        register(victim, "Ktoś Obcy", squatterPassword);
        awaitPendingAccount(victim);
        String ownerPassword = "moje własne hasło z Lublina";
        register(victim, "Wiktoria Właściwa", ownerPassword);
        String verify = link(victim, "verifyEmail", VERIFY);
        SignedInClient mailbox = new SignedInClient(port);
        mailbox.get(verify);
        assertThat(location(mailbox.post("/rejestracja/potwierdz", "token", token(verify))))
                .endsWith("/logowanie?potwierdzone");
        assertThat(location(new SignedInClient(port).signIn(victim, ownerPassword)))
                .endsWith("/konto");
        assertThat(location(new SignedInClient(port).signIn(victim, squatterPassword)))
                .endsWith("/logowanie?blad");

        // The squatter's link (if they could read it) was revoked when the address was released.
        String invited = "zaproszona." + run + "@przyklad.example";
        register(invited, "Ktoś Obcy", squatterPassword);
        awaitPendingAccount(invited);
        long admin = jdbc.sql("select id from account where email = :email")
                .param("email", DemoAccounts.ADMINISTRATOR)
                .query(Long.class)
                .single();
        long id = people.invitePerson(
                new InvitePersonForm(invited, "Zofia Zaproszona", "pl", List.of("EXPERT"), List.of("")),
                new CurrentUser(admin, DemoAccounts.ADMINISTRATOR, "Administrator", List.of(), "pl"));
        assertThat(email(id)).isEqualTo(invited);
        assertThat(mail(invited, "invitation")).contains("Dzień dobry,", "Twoje role: Ekspert.");
    }

    @Test
    void hostileTokensAndAddressesGetAClearAnswerAndChangeNothing() {
        String address = "wrogi." + run + "@przyklad.example";
        long id = createAccount(address);
        SignedInClient person = signedIn(address, PASSWORD);
        SignedInClient visitor = new SignedInClient(port);
        visitor.get("/logowanie");
        for (String payload : NaughtyStrings.payloadsAnd(
                List.of("\u0000", "a".repeat(5000), "x@y.pl\r\nBcc: ktos@zly.example", "../../etc/passwd"))) {
            for (String path : List.of("/adres/potwierdz", "/adres/cofnij")) {
                assertThat(visitor.post(path, "token", payload).statusCode())
                        .as("%s with %s", path, payload)
                        .isIn(400, 410);
            }
            person.get("/konto");
            assertThat(person.post("/konto/email", "newEmail", payload, "currentPasswordEmail", PASSWORD)
                            .statusCode())
                    .as("new address %s", payload)
                    .isIn(302, 400, 422);
        }
        assertThat(email(id)).isEqualTo(address);
        assertThat(person.get("/konto").statusCode()).isEqualTo(200);
    }

    private long createAccount(String email) {
        return TestAccounts.participant(jdbc, passwordEncoder, email, "Osoba Testowa", PASSWORD);
    }

    private SignedInClient signedIn(String email, String password) {
        SignedInClient client = new SignedInClient(port);
        assertThat(location(client.signIn(email, password))).endsWith("/konto");
        return client;
    }

    private void register(String email, String name, String password) {
        // From an address of its own: the limit of registrations per client address is not this test's subject.
        HttpResponse<String> registered = new SignedInClient(port, "127.0.0.61")
                .submit(
                        "/rejestracja",
                        "/rejestracja",
                        "displayName",
                        name,
                        "email",
                        email,
                        "password",
                        password,
                        "passwordRepeated",
                        password);
        assertThat(location(registered)).endsWith("/rejestracja?wyslano");
    }

    /** Registrations are written after the answer (through the outbox): waits for the pending account. */
    private void awaitPendingAccount(String email) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from account where lower(email) = :e and status = 'INVITED'")
                                .param("e", email)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private void requestReset(String email) {
        new SignedInClient(port).submit("/haslo/przypomnij", "/haslo/przypomnij", "email", email);
    }

    private String email(long id) {
        return jdbc.sql("select email from account where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String mail(String to, String kind) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> jdbc.sql("""
                                        select text_body from notifications_dev_mailbox
                                        where lower(recipient) = lower(:to) and kind = :kind
                                        order by delivered_at desc limit 1
                                        """)
                                .param("to", to)
                                .param("kind", kind)
                                .query(String.class)
                                .optional()
                                .orElse(null),
                        body -> body != null);
    }

    private String link(String to, String kind, Pattern pattern) {
        Matcher matcher = pattern.matcher(mail(to, kind));
        assertThat(matcher.find()).as("link in the %s mail", kind).isTrue();
        return matcher.group(1);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }
}
