package pl.koordes.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.web.context.WebApplicationContext;

/**
 * Puts the application's own CSRF token and security context repositories back after every test.
 * spring-security-test's {@code csrf()} replaces the CSRF repository of the running application's
 * filter for good with one that keeps tokens in the HTTP session (and {@code user()} wraps the context
 * repository); tests on the shared application over real HTTP afterwards would then see sessions the
 * application never creates — "a form read anonymously costs no session" failed after the route matrix.
 */
public final class SecurityFilterRestorer implements BeforeAllCallback, AfterEachCallback {

    private record Originals(CsrfTokenRepository csrf, SecurityContextRepository contexts) {}

    /** Per application context: the repositories as the application configured them. */
    private static final Map<ApplicationContext, Originals> ORIGINALS = new ConcurrentHashMap<>();

    @Override
    public void beforeAll(ExtensionContext extension) {
        WebApplicationContext context = context(extension);
        if (context == null) {
            return;
        }
        MockHttpServletRequest request = request(context);
        CsrfTokenRepository csrf = WebTestUtils.getCsrfTokenRepository(request);
        SecurityContextRepository contexts = WebTestUtils.getSecurityContextRepository(request);
        // Captured once per context, before any test could have swapped them (test classes run one after another).
        if (!replacedByTests(csrf) && !replacedByTests(contexts)) {
            ORIGINALS.putIfAbsent(context, new Originals(csrf, contexts));
        }
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        WebApplicationContext context = context(extension);
        Originals originals = context == null ? null : ORIGINALS.get(context);
        if (originals == null) {
            return;
        }
        MockHttpServletRequest request = request(context);
        if (WebTestUtils.getCsrfTokenRepository(request) != originals.csrf()) {
            WebTestUtils.setCsrfTokenRepository(request, originals.csrf());
        }
        if (WebTestUtils.getSecurityContextRepository(request) != originals.contexts()) {
            WebTestUtils.setSecurityContextRepository(request, originals.contexts());
        }
    }

    private static boolean replacedByTests(Object repository) {
        return repository != null && repository.getClass().getName().startsWith("org.springframework.security.test.");
    }

    private static MockHttpServletRequest request(WebApplicationContext context) {
        return new MockHttpServletRequest(context.getServletContext());
    }

    private static WebApplicationContext context(ExtensionContext extension) {
        return SpringExtension.getApplicationContext(extension) instanceof WebApplicationContext web
                        && web.getServletContext() != null
                ? web
                : null;
    }
}
