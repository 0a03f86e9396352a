package pl.koordes.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import pl.koordes.shared.scheduling.ClusterLock;
import pl.koordes.shared.security.SecureRandoms;

/**
 * Once-only form submissions: the one mechanism that makes a form which creates something safe to send
 * twice (a double click, a form sent again after going back). The form carries a random key in a hidden
 * field ({@value #PARAMETER}, rendered by {@code @template.shared.once(page = page)}); the first request with
 * a key claims it in {@code shared_form_submission} ({@code insert … on conflict do nothing}) and runs. When it
 * answers a redirect, the redirect is remembered; when it answers anything else (the form shown again with
 * errors, a preview, an error), the claim is released, so the person can correct the form and send it again
 * with the same key. A second request with the same key waits for the first (at most {@link #WAIT}) and then
 * answers the same redirect, creating nothing; if the first is still running after that, it answers 409 with
 * a page saying so ({@link StillRunning}).
 *
 * <p>A key belongs to its visitor: the row's owner is a hash of the visitor's CSRF token (kept in the session
 * for people signed in, in a cookie for anonymous visitors), so nobody can replay, or learn anything from,
 * someone else's key. Runs after Spring Security, so a request refused by CSRF or access rules claims nothing.
 * Rows are deleted after {@link #KEPT}.
 */
@Component
public class OnceOnlySubmissions implements HandlerInterceptor {

    /** The hidden field carrying a form's key. */
    public static final String PARAMETER = "_once";

    /** How long a second request waits for the first to finish before answering 409. */
    static final Duration WAIT = Duration.ofSeconds(10);
    /** How often the waiting request looks again. */
    private static final Duration POLL = Duration.ofMillis(50);
    /** A claim with no answer for this long belongs to a request that died with its node: it may be taken over. */
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    /** How long a key is remembered (longer than anyone keeps a form open and goes back to it). */
    static final Duration KEPT = Duration.ofDays(1);

    private static final String CLAIM = OnceOnlySubmissions.class.getName() + ".claim";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = SecureRandoms.perThread();

    private final JdbcClient jdbc;
    private final CsrfTokenRepository csrfTokens;
    private final ClusterLock lock;

    OnceOnlySubmissions(JdbcClient jdbc, CsrfTokenRepository csrfTokens, ClusterLock lock) {
        this.jdbc = jdbc;
        this.csrfTokens = csrfTokens;
        this.lock = lock;
    }

    /** A new random key for one rendering of a form (128 bits, URL-safe). */
    public static String newKey() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST
                || !"POST".equals(request.getMethod())
                || request.getAttribute(CLAIM) != null) {
            return true;
        }
        String key = request.getParameter(PARAMETER);
        if (key == null || !KEY.matcher(key).matches()) {
            return true;
        }
        String owner = owner(request);
        if (owner == null) {
            return true;
        }
        Claim claim = new Claim(owner, key);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            if (claim(claim)) {
                request.setAttribute(CLAIM, claim);
                return true;
            }
            Optional<Answer> answer = answerOf(claim);
            if (answer.isPresent() && answer.get().location() != null) {
                // The first sending is done: answer as it did, creating nothing.
                response.setStatus(answer.get().status());
                response.setHeader(HttpHeaders.LOCATION, answer.get().location());
                return false;
            }
            if (answer.isEmpty()) {
                // The first sending was released (its form came back with errors): try to claim again.
                continue;
            }
            if (System.nanoTime() > deadline) {
                throw new StillRunning();
            }
            pause();
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, @Nullable Exception ex) {
        if (!(request.getAttribute(CLAIM) instanceof Claim claim)) {
            return;
        }
        request.removeAttribute(CLAIM);
        int status = response.getStatus();
        String location = response.getHeader(HttpHeaders.LOCATION);
        if (ex == null && status >= 300 && status < 400 && location != null) {
            jdbc.sql("update shared_form_submission set status = :status, location = :location"
                            + " where owner = :owner and key = :key")
                    .param("status", status)
                    .param("location", location)
                    .param("owner", claim.owner())
                    .param("key", claim.key())
                    .update();
        } else {
            release(claim);
        }
    }

    /** Deletes keys older than {@link #KEPT}, on one node. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purge() {
        lock.runOnce("shared.form-submissions.purge", Duration.ofMinutes(10), Duration.ofMinutes(1), this::purgeNow);
    }

    /** Deletes keys older than {@link #KEPT}; answers how many. */
    int purgeNow() {
        return jdbc.sql("delete from shared_form_submission where started_at < now() - make_interval(secs => :kept)")
                .param("kept", KEPT.toSeconds())
                .update();
    }

    /** Claims the key: a new row, or one abandoned by a request that never finished. */
    private boolean claim(Claim claim) {
        int inserted = jdbc.sql("insert into shared_form_submission (owner, key) values (:owner, :key)"
                        + " on conflict do nothing")
                .param("owner", claim.owner())
                .param("key", claim.key())
                .update();
        if (inserted == 1) {
            return true;
        }
        return jdbc.sql("update shared_form_submission set started_at = now()"
                                + " where owner = :owner and key = :key and location is null"
                                + " and started_at < now() - make_interval(secs => :abandoned)")
                        .param("owner", claim.owner())
                        .param("key", claim.key())
                        .param("abandoned", ABANDONED.toSeconds())
                        .update()
                == 1;
    }

    private Optional<Answer> answerOf(Claim claim) {
        return jdbc.sql("select status, location from shared_form_submission where owner = :owner and key = :key")
                .param("owner", claim.owner())
                .param("key", claim.key())
                .query((rs, n) -> new Answer(rs.getInt("status"), rs.getString("location")))
                .optional();
    }

    private void release(Claim claim) {
        jdbc.sql("delete from shared_form_submission where owner = :owner and key = :key and location is null")
                .param("owner", claim.owner())
                .param("key", claim.key())
                .update();
    }

    /** The visitor the key belongs to: a hash of their CSRF token, or null without one. */
    private @Nullable String owner(HttpServletRequest request) {
        CsrfToken token = csrfTokens.loadToken(request);
        if (token == null || token.getToken().isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("once|" + token.getToken()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StillRunning();
        }
    }

    private record Claim(String owner, String key) {}

    private record Answer(int status, @Nullable String location) {}

    /** The first sending of this form is still running after {@link #WAIT}: answered 409 with its own page. */
    public static final class StillRunning extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StillRunning() {
            super("the first sending of this form is still running", null, false, false);
        }
    }
}
