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
 * Issue 10, item 4 and issue 19, item 1: a signed-in person's CSRF token is bound to their session, so a
 * token from anywhere else forges nothing; an anonymous visitor has no token at all (public pages carry no
 * per-visitor state), and their forms are protected by where the request comes from ({@link SameOriginRequests}).
 */
@IntegrationTest
class CsrfBindingIntegrationTests {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void aTokenOfAnotherSessionForgesNoFormOfASignedInPerson() {
        SignedInClient attacker = new SignedInClient(port, "127.0.53.1");
        attacker.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        Matcher foreign = FORM_TOKEN.matcher(attacker.get("/konto").body());
        assertThat(foreign.find()).isTrue();

        SignedInClient victim = new SignedInClient(port, "127.0.53.2");
        victim.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        assertThat(victim.get("/konto").statusCode()).isEqualTo(200);

        HttpResponse<String> forged = victim.postWithoutCsrf(
                "/konto/dane", "displayName", "Przejęte konto", "language", "pl", "_csrf", foreign.group(1));
        assertThat(forged.statusCode()).isEqualTo(403);
        // Same-origin headers do not stand in for a signed-in person's token.
        assertThat(victim.postWithHeader(
                                "Sec-Fetch-Site", "same-origin", "/konto/dane", "displayName", "Przejęte konto")
                        .statusCode())
                .isEqualTo(403);
        assertThat(victim.get("/konto").body()).doesNotContain("Przejęte konto");

        // The person's own form, with the token of their session, still works.
        victim.get("/konto");
        HttpResponse<String> own = victim.post("/konto/dane", "displayName", "Urszula Uczestnicząca", "language", "pl");
        assertThat(own.statusCode()).isEqualTo(302);
    }

    @Test
    void aVisitorHasNoTokenAndSigningInStartsOneInTheSession() {
        SignedInClient person = new SignedInClient(port, "127.0.53.3");
        HttpResponse<String> form = person.get("/logowanie");
        assertThat(form.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(FORM_TOKEN.matcher(form.body()).find()).isFalse();
        person.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        assertThat(FORM_TOKEN.matcher(person.get("/konto").body()).find())
                .as("a signed-in person's forms carry the token of their session")
                .isTrue();
    }

    @Test
    void aSignedInFormFromAnotherSiteIsRefusedEvenWithTheRightToken() {
        SignedInClient person = new SignedInClient(port, "127.0.53.4");
        person.signIn(DemoAccounts.PARTICIPANT, DemoAccounts.PASSWORD);
        Matcher own = FORM_TOKEN.matcher(person.get("/konto").body());
        assertThat(own.find()).isTrue();
        HttpResponse<String> forged = person.postWithHeader(
                "Origin",
                "https://zly.example",
                "/konto/dane",
                "displayName",
                "Z innej strony",
                "language",
                "pl",
                "_csrf",
                own.group(1));
        assertThat(forged.statusCode()).isEqualTo(403);
    }
}
