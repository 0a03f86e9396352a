package pl.koordes.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import pl.koordes.support.DemoAccounts;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Issue 10, item 4: a signed-in person's CSRF token is bound to their session, so a token cookie planted
 * in their browser (from a sibling subdomain or a plain-HTTP page) together with the matching form value
 * forges nothing; anonymous forms keep their cookie token and work.
 */
@IntegrationTest
class CsrfBindingIntegrationTests {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aPlantedTokenCookieForgesNoFormOfASignedInPerson() {
        // The attacker gets a valid anonymous pair: the cookie and the masked value of a form.
        SignedInClient attacker = new SignedInClient(port);
        HttpResponse<String> page = attacker.get("/logowanie");
        Matcher masked = FORM_TOKEN.matcher(page.body());
        assertThat(masked.find()).isTrue();
        String cookie = attacker.cookie(SessionBoundCsrfTokenRepository.COOKIE).orElseThrow();

        SignedInClient victim = new SignedInClient(port);
        victim.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        assertThat(victim.get("/konto").statusCode()).isEqualTo(200);
        victim.cookie(SessionBoundCsrfTokenRepository.COOKIE, cookie);

        HttpResponse<String> forged = victim.postWithoutCsrf(
                "/konto/dane", "displayName", "Przejęte konto", "language", "pl", "_csrf", masked.group(1));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(victim.get("/konto").body()).doesNotContain("Przejęte konto");

        // The person's own form, with the token of their session, still works.
        victim.get("/konto");
        HttpResponse<String> own = victim.post("/konto/dane", "displayName", "Urszula Uczestnicząca", "language", "pl");
        assertThat(own.statusCode()).isEqualTo(302);
    }

    @Test
    void signingInReplacesTheVisitorsCookieTokenWithOneInTheSession() {
        SignedInClient person = new SignedInClient(port);
        person.get("/logowanie");
        assertThat(person.cookie(SessionBoundCsrfTokenRepository.COOKIE)).isPresent();
        person.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        assertThat(person.cookie(SessionBoundCsrfTokenRepository.COOKIE))
                .as("the visitor's cookie token after signing in")
                .isEmpty();
    }
}
