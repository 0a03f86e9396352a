package pl.koordes.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.koordes.support.SignedInClient.location;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import pl.koordes.accounts.internal.AccountTokens;
import pl.koordes.accounts.internal.Accounts;
import pl.koordes.accounts.internal.AccountsProperties;
import pl.koordes.accounts.internal.SecondFactor;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.security.RoleAssignment;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Signing in, second factor, sign-out, lockouts, invitation links and CSRF, over real HTTP the way
 * a browser meets them (Spring Session cookies, CSRF tokens read from the forms, redirects looked at,
 * never followed). Each test connects from its own loopback address so the limits per client address
 * of one test do not reach another; the accounts whose sign-in is made to fail are created here.
 */
@IntegrationTest
class SignInSecurityIntegrationTests {

    /** A password the policy accepts and that names none of the test accounts. */
    static final String STRONG = "Zielony kangur pije herbatę o świcie";

    static final String OTHER_STRONG = "Fioletowa żaba gra na puzonie nocą";
    static final String THIRD_STRONG = "Pomarańczowy wieloryb czyta mapy po cichu";
    static final String WRONG = "Zupełnie nie to hasło 4711";

    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final Pattern SECRET = Pattern.compile("<code class=\"secret\">([A-Z2-7]{16,})</code>");
    private static final Pattern RECOVERY = Pattern.compile("<code class=\"secret\">([A-Z2-9]{5}-[A-Z2-9]{5})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbcClient;

    /**
     * Each TOTP code works once per account; tests here sign the same demo people in again and again
     * within one 30-second step, so each test starts as if no code had been used yet.
     */
    @BeforeEach
    void forgetUsedCodes() {
        jdbcClient.sql("update account set totp_last_step = null").update();
    }

    @Test
    void aCodeThatSignedSomeoneInDoesNotWorkASecondTime() {
        SignedInClient first = new SignedInClient(port, newAddress());
        assertThat(location(first.signIn(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD)))
                .isEqualTo("/logowanie/kod");
        String code = SignedInClient.totpCode(DemoAccounts.TOTP_SECRET);
        assertThat(location(first.submit("/logowanie/kod", "/logowanie/kod", "code", code)))
                .isEqualTo("/konto");

        // Someone who saw the code (and knows the password) tries it within its 30 seconds: refused.
        SignedInClient second = new SignedInClient(port, newAddress());
        assertThat(location(second.signIn(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD)))
                .isEqualTo("/logowanie/kod");
        HttpResponse<String> replayed = second.submit("/logowanie/kod", "/logowanie/kod", "code", code);
        assertThat(replayed.statusCode()).isEqualTo(422);
        assertThat(replayed.body()).contains("Kod jest nieprawidłowy albo wygasł.");
    }

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountTokens tokens;

    @Autowired
    SecondFactor secondFactor;

    @Autowired
    AccountsProperties properties;

    @Autowired
    Directory directory;

    // --- the same answer whether the e-mail is known or not --------------------------------------

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        TestAccount known = account("znane", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        TestAccount deactivated = account("wylaczone", AccountStatus.DEACTIVATED, STRONG, Role.PARTICIPANT);
        String address = newAddress();

        SignedInClient first = new SignedInClient(port, address);
        HttpResponse<String> wrongPassword = first.signIn(known.email(), WRONG);
        SignedInClient second = new SignedInClient(port, address);
        HttpResponse<String> unknownEmail = second.signIn("nikt-" + UUID.randomUUID() + "@test.koordes.example", WRONG);
        SignedInClient third = new SignedInClient(port, address);
        HttpResponse<String> deactivatedAccount = third.signIn(deactivated.email(), STRONG);

        for (HttpResponse<String> answer : List.of(wrongPassword, unknownEmail, deactivatedAccount)) {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(location(answer)).isEqualTo("/logowanie?blad");
            assertThat(cookieNames(answer)).isEqualTo(cookieNames(wrongPassword));
        }
        String page =
                SignedInClient.withoutCsrfTokens(first.get("/logowanie?blad").body());
        assertThat(page).contains("Nieprawidłowy adres e-mail lub hasło.").doesNotContain(known.email());
        assertThat(SignedInClient.withoutCsrfTokens(
                        second.get("/logowanie?blad").body()))
                .isEqualTo(page);
        assertThat(SignedInClient.withoutCsrfTokens(third.get("/logowanie?blad").body()))
                .isEqualTo(page);
        assertThat(first.get("/konto").statusCode()).isEqualTo(302);
    }

    // --- lockout ------------------------------------------------------------------------------------

    @Test
    void afterTooManyFailuresForOneEmailEvenTheRightPasswordIsRefusedEverywhere() {
        int allowed = properties.signInFailuresPerAccount();
        TestAccount victim = account("ofiara", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        TestAccount bystander = account("obok", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        TestAccount almost = account("prawie", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        String address = newAddress();
        SignedInClient attacker = new SignedInClient(port, address);

        for (int i = 1; i <= allowed; i++) {
            assertThat(location(attacker.signIn(victim.email(), WRONG)))
                    .as("failure %d", i)
                    .isEqualTo("/logowanie?blad");
        }
        HttpResponse<String> rightPassword = attacker.signIn(victim.email(), STRONG);
        assertThat(location(rightPassword)).isEqualTo("/logowanie?zablokowane");
        assertThat(attacker.get("/logowanie?zablokowane").body()).contains("Zbyt wiele nieudanych prób logowania");
        assertThat(location(attacker.get("/konto"))).isEqualTo("/logowanie");
        assertThat(accounts.byId(victim.id()).orElseThrow().lastSignInAt()).isNull();

        // The lock is per e-mail: the person themselves, from elsewhere and however they spell it, waits too.
        SignedInClient owner = new SignedInClient(port, newAddress());
        assertThat(location(owner.signIn("  " + victim.email().toUpperCase(Locale.ROOT) + " ", STRONG)))
                .isEqualTo("/logowanie?zablokowane");

        // Other accounts are unaffected, even from the attacker's address; one failure fewer does not lock.
        assertThat(location(new SignedInClient(port, address).signIn(bystander.email(), STRONG)))
                .isEqualTo("/konto");
        SignedInClient careless = new SignedInClient(port, address);
        for (int i = 1; i < allowed; i++) {
            assertThat(location(careless.signIn(almost.email(), WRONG))).isEqualTo("/logowanie?blad");
        }
        assertThat(location(careless.signIn(almost.email(), STRONG))).isEqualTo("/konto");
    }

    @Test
    void afterTooManyFailuresFromOneAddressEveryoneThereIsRefused() {
        int allowed = properties.signInFailuresPerAddress();
        TestAccount person = account("adres", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        String address = newAddress();
        SignedInClient sprayer = new SignedInClient(port, address);

        // Each failure names another e-mail, so only the address can be what locks. The bucket refills one
        // attempt per lockout/limit (30 s by default), so on a slow machine a few more tries may be needed.
        int attempts = 0;
        String answer = "";
        while (!answer.equals("/logowanie?zablokowane") && attempts < allowed + 5) {
            answer = location(
                    sprayer.signIn("zgadywane-" + attempts + "-" + UUID.randomUUID() + "@test.koordes.example", WRONG));
            attempts++;
        }
        assertThat(attempts).as("attempts until the address is locked").isGreaterThan(allowed);
        assertThat(answer).isEqualTo("/logowanie?zablokowane");

        assertThat(location(new SignedInClient(port, address).signIn(person.email(), STRONG)))
                .isEqualTo("/logowanie?zablokowane");
        assertThat(location(new SignedInClient(port, newAddress()).signIn(person.email(), STRONG)))
                .isEqualTo("/konto");
    }

    // --- session fixation and sign-out -----------------------------------------------------------------

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneGrantsNothing() {
        TestAccount person = account("sesja", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient browser = new SignedInClient(port, newAddress());
        // A protected page asked for anonymously remembers where to return in a session: the id an
        // attacker could plant before the victim signs in.
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie");
        browser.get("/logowanie");
        String before = browser.session();
        assertThat(before)
                .as("the anonymous session that remembers the way back")
                .isNotNull();

        HttpResponse<String> signedIn = browser.signIn(person.email(), STRONG);
        assertThat(location(signedIn)).isEqualTo("/konto");
        String after = browser.session();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);

        assertThat(location(withSession(before).get("/konto"))).isEqualTo("/logowanie");
        assertThat(accounts.byId(person.id()).orElseThrow().lastSignInAt()).isNotNull();
    }

    @Test
    void theSessionIdChangesAgainAfterTheSecondFactor() {
        String secret = secondFactor.newSecret();
        TestAccount person = account("dwa-kroki", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        accounts.setSecondFactor(person.id(), secret, true);
        SignedInClient browser = new SignedInClient(port, newAddress());
        browser.get("/logowanie");
        String anonymous = browser.session();

        assertThat(location(browser.signIn(person.email(), STRONG))).isEqualTo("/logowanie/kod");
        String halfway = browser.session();
        assertThat(halfway).isNotNull().isNotEqualTo(anonymous);

        assertThat(location(
                        browser.submit("/logowanie/kod", "/logowanie/kod", "code", SignedInClient.totpCode(secret))))
                .isEqualTo("/konto");
        String full = browser.session();
        assertThat(full).isNotNull().isNotEqualTo(halfway).isNotEqualTo(anonymous);
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);
        assertThat(location(withSession(halfway).get("/konto"))).isEqualTo("/logowanie");
    }

    @Test
    void signingOutEndsTheSession() {
        TestAccount person = account("wyjscie", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient browser = new SignedInClient(port, newAddress());
        browser.signIn(person.email(), STRONG);
        String session = browser.session();
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = browser.signOut();
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).isEqualTo("/?wylogowano");
        assertThat(browser.session()).as("the session cookie is removed").isNull();

        assertThat(location(withSession(session).get("/konto"))).isEqualTo("/logowanie");
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie");
    }

    @Test
    void signingOutEndsThePersonsOtherSessionsButNoOneElses() {
        TestAccount person = account("dwa-okna", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        TestAccount someoneElse = account("ktos-inny", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient laptop = new SignedInClient(port, newAddress());
        SignedInClient phone = new SignedInClient(port, newAddress());
        SignedInClient neighbour = new SignedInClient(port, newAddress());
        laptop.signIn(person.email(), STRONG);
        phone.signIn(person.email(), STRONG);
        neighbour.signIn(someoneElse.email(), STRONG);
        assertThat(laptop.get("/konto").statusCode()).isEqualTo(200);
        assertThat(phone.get("/konto").statusCode()).isEqualTo(200);

        assertThat(location(laptop.signOut())).isEqualTo("/?wylogowano");

        assertThat(location(phone.get("/konto"))).isEqualTo("/logowanie");
        assertThat(neighbour.get("/konto").statusCode()).isEqualTo(200);
    }

    // --- second factor ---------------------------------------------------------------------------------

    @Test
    void theDemoAdministratorNeedsTheSecondFactorForEverything() {
        SignedInClient browser = new SignedInClient(port, newAddress());
        HttpResponse<String> password = browser.signIn(DemoAccounts.ADMINISTRATOR, DemoAccounts.PASSWORD);
        assertThat(location(password)).isEqualTo("/logowanie/kod");
        for (String path : List.of("/konto", "/admin", "/admin/cokolwiek", "/actuator/prometheus")) {
            HttpResponse<String> answer = browser.get(path, "Accept", "*/*");
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(location(answer)).as(path).isEqualTo("/logowanie/kod");
        }
        assertThat(browser.get("/").body())
                .as("the page shell does not treat a half signed-in person as signed in")
                .doesNotContain("action=\"/wyloguj\"");

        HttpResponse<String> wrong =
                browser.submit("/logowanie/kod", "/logowanie/kod", "code", wrongCode(DemoAccounts.TOTP_SECRET));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("Kod jest nieprawidłowy albo wygasł.");
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie/kod");

        HttpResponse<String> right =
                browser.post("/logowanie/kod", "code", SignedInClient.totpCode(DemoAccounts.TOTP_SECRET));
        assertThat(right.statusCode()).isEqualTo(302);
        assertThat(location(right)).isEqualTo("/konto");
        assertThat(browser.get("/konto").body()).contains(DemoAccounts.ADMINISTRATOR);
        HttpResponse<String> admin = browser.get("/admin");
        assertThat(admin.statusCode()).as("/admin once fully signed in").isNotEqualTo(403);
        assertThat(location(admin)).doesNotStartWith("/logowanie");
        assertThat(browser.get("/actuator/prometheus", "Accept", "text/plain").statusCode())
                .isEqualTo(200);
        browser.signOut();
    }

    @Test
    void aRecoveryCodeWorksOnce() {
        TestAccount person = account("zapasowy", AccountStatus.ACTIVE, STRONG, Role.EXPERT);
        accounts.setSecondFactor(person.id(), secondFactor.newSecret(), true);
        List<String> codes = secondFactor.newRecoveryCodes(person.id());
        SignedInClient browser = new SignedInClient(port, newAddress());

        assertThat(location(browser.signIn(person.email(), STRONG))).isEqualTo("/logowanie/kod");
        assertThat(location(browser.submit(
                        "/logowanie/kod",
                        "/logowanie/kod",
                        "code",
                        codes.getFirst().toLowerCase(Locale.ROOT))))
                .as("a recovery code, typed in lower case")
                .isEqualTo("/konto");
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);
        browser.signOut();

        assertThat(location(browser.signIn(person.email(), STRONG))).isEqualTo("/logowanie/kod");
        HttpResponse<String> again = browser.submit("/logowanie/kod", "/logowanie/kod", "code", codes.getFirst());
        assertThat(again.statusCode())
                .as("the same recovery code a second time")
                .isEqualTo(422);
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie/kod");
        assertThat(location(browser.post("/logowanie/kod", "code", codes.get(1))))
                .isEqualTo("/konto");
    }

    @Test
    void aCoordinatorWithoutASecondFactorMustEnrolOneBeforeSigningIn() {
        long malopolskie = directory.region("malopolskie").map(Region::id).orElseThrow();
        TestAccount coordinator =
                account("nowy-koordynator", AccountStatus.ACTIVE, STRONG, Role.REGIONAL_COORDINATOR, malopolskie);
        SignedInClient browser = new SignedInClient(port, newAddress());

        assertThat(location(browser.signIn(coordinator.email(), STRONG))).isEqualTo("/logowanie/drugi-skladnik");
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie/drugi-skladnik");
        String halfway = browser.session();

        HttpResponse<String> form = browser.get("/logowanie/drugi-skladnik");
        assertThat(form.statusCode()).isEqualTo(200);
        String secret = group(SECRET, form.body());
        assertThat(browser.get("/logowanie/drugi-skladnik").body())
                .as("the key stays the same while enrolling")
                .contains(secret);

        HttpResponse<String> wrong = browser.post("/logowanie/drugi-skladnik", "code", wrongCode(secret));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(location(browser.get("/konto"))).isEqualTo("/logowanie/drugi-skladnik");

        HttpResponse<String> enrolled =
                browser.post("/logowanie/drugi-skladnik", "code", SignedInClient.totpCode(secret));
        assertThat(enrolled.statusCode()).isEqualTo(200);
        assertThat(enrolled.body()).contains("Kody zapasowe");
        assertThat(RECOVERY.matcher(enrolled.body()).results().count()).isEqualTo(10);
        assertThat(browser.session()).isNotEqualTo(halfway);
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);
        Accounts.Row row = accounts.byId(coordinator.id()).orElseThrow();
        assertThat(row.totpEnabled()).isTrue();
        assertThat(row.totpSecret()).isEqualTo(secret);
    }

    /**
     * A person who has a second factor must not be able to set up a new one with the password alone:
     * otherwise anyone who knows the password enrols their own authenticator and is in.
     */
    @Test
    void anEnrolledPersonCannotReplaceTheirSecondFactorWithThePasswordAlone() {
        String secret = secondFactor.newSecret();
        TestAccount person = account("ma-klucz", AccountStatus.ACTIVE, STRONG, Role.EDITOR);
        accounts.setSecondFactor(person.id(), secret, true);
        SignedInClient intruder = new SignedInClient(port, newAddress());
        assertThat(location(intruder.signIn(person.email(), STRONG))).isEqualTo("/logowanie/kod");

        HttpResponse<String> enrolForm = intruder.get("/logowanie/drugi-skladnik");
        Matcher offered = SECRET.matcher(enrolForm.body());
        String intrudersSecret = offered.find() ? offered.group(1) : secondFactor.newSecret();
        intruder.post("/logowanie/drugi-skladnik", "code", SignedInClient.totpCode(intrudersSecret));

        assertThat(location(intruder.get("/konto")))
                .as("still only half signed in")
                .isEqualTo("/logowanie/kod");
        assertThat(accounts.byId(person.id()).orElseThrow().totpSecret())
                .as("the person's key is unchanged")
                .isEqualTo(secret);
    }

    // --- invitation, set-up and password-reset links
    // --------------------------------------------------------------------

    @Test
    void anInvitationLinkSetsAStrongPasswordOnce() {
        TestAccount invited = account("zaproszony", AccountStatus.INVITED, null, Role.PARTICIPANT);
        String token = tokens.issue(invited.id(), AccountTokens.Purpose.INVITATION, properties.invitationValidity());
        SignedInClient browser = new SignedInClient(port, newAddress());
        String link = "/zaproszenie?token=" + token;

        HttpResponse<String> form = browser.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Ustaw hasło do konta").contains(invited.email());

        for (String weak : List.of("haslo123456789", "Polska12345678")) {
            HttpResponse<String> refused =
                    browser.post("/zaproszenie", "token", token, "password", weak, "passwordRepeated", weak);
            assertThat(refused.statusCode()).as(weak).isEqualTo(422);
            assertThat(refused.body()).as(weak).contains("To hasło jest zbyt łatwe do odgadnięcia.");
        }
        HttpResponse<String> mismatch =
                browser.post("/zaproszenie", "token", token, "password", STRONG, "passwordRepeated", OTHER_STRONG);
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("Hasła się różnią.");
        Accounts.Row unchanged = accounts.byId(invited.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(AccountStatus.INVITED);
        assertThat(unchanged.passwordHash()).isNull();
        assertThat(tokens.peek(token, AccountTokens.Purpose.INVITATION))
                .as("a refused password does not use the link up")
                .isPresent();

        HttpResponse<String> accepted =
                browser.post("/zaproszenie", "token", token, "password", STRONG, "passwordRepeated", STRONG);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(location(accepted)).startsWith("/logowanie?aktywne");
        assertThat(accounts.byId(invited.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        String hash = accounts.byId(invited.id()).orElseThrow().passwordHash();

        HttpResponse<String> secondVisit = browser.get(link);
        assertThat(secondVisit.statusCode()).isEqualTo(410);
        assertThat(secondVisit.body()).contains("Ten link już nie działa");
        HttpResponse<String> secondUse = browser.post(
                "/zaproszenie", "token", token, "password", OTHER_STRONG, "passwordRepeated", OTHER_STRONG);
        assertThat(secondUse.statusCode()).isEqualTo(410);
        assertThat(accounts.byId(invited.id()).orElseThrow().passwordHash()).isEqualTo(hash);

        assertThat(location(new SignedInClient(port, newAddress()).signIn(invited.email(), STRONG)))
                .isEqualTo("/konto");
    }

    @Test
    void anExpiredOrReplacedLinkDoesNotWork() {
        TestAccount late = account("spozniony", AccountStatus.INVITED, null, Role.PARTICIPANT);
        String expired = tokens.issue(late.id(), AccountTokens.Purpose.INVITATION, Duration.ofSeconds(-1));
        SignedInClient browser = new SignedInClient(port, newAddress());

        assertThat(browser.get("/zaproszenie?token=" + expired).statusCode()).isEqualTo(410);
        browser.get("/logowanie");
        HttpResponse<String> post =
                browser.post("/zaproszenie", "token", expired, "password", STRONG, "passwordRepeated", STRONG);
        assertThat(post.statusCode()).isEqualTo(410);
        assertThat(post.body()).contains("Ten link już nie działa");
        assertThat(accounts.byId(late.id()).orElseThrow().status()).isEqualTo(AccountStatus.INVITED);

        String older = tokens.issue(late.id(), AccountTokens.Purpose.INVITATION, properties.invitationValidity());
        String newer = tokens.issue(late.id(), AccountTokens.Purpose.INVITATION, properties.invitationValidity());
        assertThat(browser.get("/zaproszenie?token=" + older).statusCode())
                .as("a link replaced by a newer one")
                .isEqualTo(410);
        assertThat(browser.get("/zaproszenie?token=" + newer).statusCode()).isEqualTo(200);
        assertThat(browser.get("/zaproszenie?token=" + newer.substring(1)).statusCode())
                .as("a mangled link")
                .isEqualTo(410);
        assertThat(browser.get("/zaproszenie").statusCode())
                .as("no token at all")
                .isEqualTo(410);
    }

    @Test
    void twoSimultaneousAcceptancesOfOneLinkSucceedOnce() throws Exception {
        TestAccount invited = account("wyscig", AccountStatus.INVITED, null, Role.PARTICIPANT);
        String token = tokens.issue(invited.id(), AccountTokens.Purpose.INVITATION, properties.invitationValidity());
        List<String> passwords = List.of(STRONG, OTHER_STRONG);
        List<Integer> statuses = race("/zaproszenie?token=" + token, "/zaproszenie", token, passwords);
        assertThat(statuses).containsExactlyInAnyOrder(302, 410);
        String winner = passwords.get(statuses.indexOf(302));
        assertThat(passwordEncoder.matches(
                        winner, accounts.byId(invited.id()).orElseThrow().passwordHash()))
                .isTrue();
        assertThat(accounts.byId(invited.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void aPasswordResetLinkExpiresWorksOnceAndEndsEverySession() {
        TestAccount person = account("reset", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient otherDevice = new SignedInClient(port, newAddress());
        otherDevice.signIn(person.email(), STRONG);
        assertThat(otherDevice.get("/konto").statusCode()).isEqualTo(200);
        String hash = accounts.byId(person.id()).orElseThrow().passwordHash();
        SignedInClient browser = new SignedInClient(port, newAddress());

        String expired = tokens.issue(person.id(), AccountTokens.Purpose.PASSWORD_RESET, Duration.ofSeconds(-1));
        assertThat(browser.get("/haslo/nowe?token=" + expired).statusCode()).isEqualTo(410);
        browser.get("/logowanie");
        HttpResponse<String> late = browser.post(
                "/haslo/nowe", "token", expired, "password", OTHER_STRONG, "passwordRepeated", OTHER_STRONG);
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(late.body()).contains("Ten link już nie działa");
        assertThat(accounts.byId(person.id()).orElseThrow().passwordHash()).isEqualTo(hash);

        String token =
                tokens.issue(person.id(), AccountTokens.Purpose.PASSWORD_RESET, properties.passwordResetValidity());
        assertThat(browser.get("/haslo/nowe?token=" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> reset =
                browser.post("/haslo/nowe", "token", token, "password", OTHER_STRONG, "passwordRepeated", OTHER_STRONG);
        assertThat(reset.statusCode()).isEqualTo(302);
        assertThat(location(reset)).startsWith("/logowanie?haslo");
        assertThat(location(otherDevice.get("/konto")))
                .as("sessions from before the reset end")
                .isEqualTo("/logowanie");

        assertThat(browser.get("/haslo/nowe?token=" + token).statusCode())
                .as("the link a second time")
                .isEqualTo(410);
        browser.get("/logowanie");
        HttpResponse<String> again =
                browser.post("/haslo/nowe", "token", token, "password", STRONG, "passwordRepeated", STRONG);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(passwordEncoder.matches(
                        OTHER_STRONG, accounts.byId(person.id()).orElseThrow().passwordHash()))
                .isTrue();
        assertThat(location(new SignedInClient(port, newAddress()).signIn(person.email(), OTHER_STRONG)))
                .isEqualTo("/konto");
    }

    @Test
    void twoSimultaneousResetsWithOneLinkSucceedOnce() throws Exception {
        TestAccount person = account("reset-wyscig", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        String token =
                tokens.issue(person.id(), AccountTokens.Purpose.PASSWORD_RESET, properties.passwordResetValidity());
        List<String> passwords = List.of(OTHER_STRONG, THIRD_STRONG);
        List<Integer> statuses = race("/haslo/nowe?token=" + token, "/haslo/nowe", token, passwords);
        assertThat(statuses).containsExactlyInAnyOrder(302, 410);
        String winner = passwords.get(statuses.indexOf(302));
        assertThat(passwordEncoder.matches(
                        winner, accounts.byId(person.id()).orElseThrow().passwordHash()))
                .isTrue();
    }

    // --- CSRF ---------------------------------------------------------------------------------------------

    @Test
    void aSignInFromAnotherSiteIsRefusedAndSignsNobodyIn() {
        TestAccount person = account("bez-tokenu", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient forger = new SignedInClient(port, newAddress());
        forger.get("/logowanie");
        String session = forger.session();

        HttpResponse<String> answer = forger.postWithHeader(
                "Origin", "https://zly.example", "/logowanie", "email", person.email(), "password", STRONG);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(forger.postWithHeader(
                                "Sec-Fetch-Site",
                                "cross-site",
                                "/logowanie",
                                "email",
                                person.email(),
                                "password",
                                STRONG)
                        .statusCode())
                .isEqualTo(403);
        assertThat(forger.session()).as("no new session: nobody was signed in").isEqualTo(session);
        assertThat(location(forger.get("/konto"))).isEqualTo("/logowanie");
        assertThat(accounts.byId(person.id()).orElseThrow().lastSignInAt()).isNull();

        HttpResponse<String> forged = forger.postWithHeader(
                "Origin", "null", "/logowanie", "email", person.email(), "password", STRONG, "_csrf", "nie-ten-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(location(forger.get("/konto"))).isEqualTo("/logowanie");
        assertThat(accounts.byId(person.id()).orElseThrow().lastSignInAt()).isNull();
    }

    @Test
    void aVisitorReadingAFormGetsNoTokenNoCookieAndNoSession() {
        SignedInClient visitor = new SignedInClient(port, newAddress());
        HttpResponse<String> form = visitor.get("/logowanie");

        assertThat(form.body()).doesNotContainPattern("name=\"_csrf\" value=\"[^\"]+\"");
        assertThat(visitor.session())
                .as("a form read anonymously must not cost a session")
                .isNull();
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void aSignInFromTheSiteItselfWorksWithoutAToken() {
        TestAccount person = account("z-tej-strony", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient browser = new SignedInClient(port, newAddress());
        browser.get("/logowanie");
        HttpResponse<String> answer = browser.postWithHeader(
                "Sec-Fetch-Site", "same-origin", "/logowanie", "email", person.email(), "password", STRONG);
        assertThat(location(answer)).isEqualTo("/konto");
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);
    }

    @Test
    void aSignOutWithoutTheCsrfTokenIsRefusedAndTheSessionLives() {
        TestAccount person = account("zostaje", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient browser = new SignedInClient(port, newAddress());
        browser.signIn(person.email(), STRONG);

        assertThat(browser.postWithoutCsrf("/wyloguj").statusCode()).isEqualTo(403);
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);

        // A token from someone else's session is no better than none.
        TestAccount someoneElse = account("inny", AccountStatus.ACTIVE, STRONG, Role.PARTICIPANT);
        SignedInClient other = new SignedInClient(port, newAddress());
        other.signIn(someoneElse.email(), STRONG);
        String foreignToken = csrfToken(other.get("/konto").body());
        assertThat(browser.postWithoutCsrf("/wyloguj", "_csrf", foreignToken).statusCode())
                .isEqualTo(403);
        assertThat(browser.get("/konto").statusCode()).isEqualTo(200);
    }

    // --- helpers ------------------------------------------------------------------------------------------

    record TestAccount(long id, String email) {}

    private TestAccount account(String prefix, AccountStatus status, @Nullable String password, Role role) {
        return account(prefix, status, password, role, null);
    }

    private TestAccount account(
            String prefix, AccountStatus status, @Nullable String password, Role role, @Nullable Long region) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.koordes.example";
        long id = accounts.create(
                email, "Osoba Testowa", status, password == null ? null : passwordEncoder.encode(password), "pl");
        accounts.grant(id, new RoleAssignment(role, region));
        return new TestAccount(id, email);
    }

    /**
     * Opens the form in one browser per password, then submits all of them at the same moment with the
     * same link; returns the statuses in the order of the passwords.
     */
    private List<Integer> race(String formPage, String action, String token, List<String> passwords) throws Exception {
        List<SignedInClient> browsers = new ArrayList<>();
        for (int i = 0; i < passwords.size(); i++) {
            SignedInClient browser = new SignedInClient(port, newAddress());
            assertThat(browser.get(formPage).statusCode()).isEqualTo(200);
            browsers.add(browser);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(passwords.size())) {
            for (int i = 0; i < passwords.size(); i++) {
                SignedInClient browser = browsers.get(i);
                String password = passwords.get(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return browser.post(action, "token", token, "password", password, "passwordRepeated", password);
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        return statuses;
    }

    /** A loopback address of its own (127.0.1.x), so limits per client address count this test alone. */
    private static String newAddress() {
        return "127.0.1." + ADDRESSES.incrementAndGet();
    }

    private SignedInClient withSession(String session) {
        SignedInClient client = new SignedInClient(port, newAddress());
        client.cookie(SignedInClient.SESSION_COOKIE, session);
        return client;
    }

    /** Six digits that are not a valid code for the key around now. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        Set<String> valid = Set.of(
                SignedInClient.totpCode(secret, now.minusSeconds(60)),
                SignedInClient.totpCode(secret, now.minusSeconds(30)),
                SignedInClient.totpCode(secret, now),
                SignedInClient.totpCode(secret, now.plusSeconds(30)),
                SignedInClient.totpCode(secret, now.plusSeconds(60)));
        for (int i = 0; ; i++) {
            String candidate = String.format("%06d", i * 111_111 % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static Set<String> cookieNames(HttpResponse<String> response) {
        return Set.copyOf(response.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf('=')))
                .toList());
    }

    private static String csrfToken(String body) {
        return group(Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\""), body);
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        assertThat(matcher.find()).as("%s in the page", pattern).isTrue();
        return matcher.group(1);
    }
}
