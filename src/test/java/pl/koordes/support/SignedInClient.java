package pl.koordes.support;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * A browser as the security tests need it: keeps cookies, takes the CSRF token from the last form it
 * was shown, posts forms and follows no redirect, so every answer can be looked at. Given a loopback
 * address (e.g. {@code 127.0.0.23}) it connects from there, so that limits per client address count
 * its requests apart from everyone else's.
 */
public final class SignedInClient {

    /** The session cookie of Spring Session. */
    public static final String SESSION_COOKIE = "SESSION";

    private static final Pattern CSRF = Pattern.compile("<input type=\"hidden\" name=\"(_csrf)\" value=\"([^\"]+)\">");

    private final String origin;
    private final HttpClient client;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private @Nullable String csrfParameter;
    private @Nullable String csrfToken;

    /** A client connecting from the default loopback address. */
    public SignedInClient(int port) {
        this(port, null);
    }

    /**
     * A client connecting from the given local address.
     *
     * @param localAddress a loopback address such as {@code 127.0.0.23}, or null for the default
     */
    public SignedInClient(int port, @Nullable String localAddress) {
        this.origin = "http://127.0.0.1:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10));
        if (localAddress != null) {
            try {
                builder.localAddress(InetAddress.getByName(localAddress));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(localAddress, e);
            }
        }
        this.client = builder.build();
    }

    /** Sends this header with every later request (e.g. the proxy's {@code X-Request-Id}); returns this client. */
    public synchronized SignedInClient withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** A GET with the client's cookies; remembers the CSRF token if the page has a form. */
    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** A GET with extra headers given as name–value pairs, e.g. {@code "Accept", "text/plain"}. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.GET());
    }

    /** A GET with extra headers whose body is kept as bytes (e.g. a compressed answer); remembers cookies. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        return send(request.GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A form POST carrying the CSRF token of the last page shown (if any) and the given name–value pairs. */
    public HttpResponse<String> post(String path, String... nameValuePairs) {
        List<String> pairs = new ArrayList<>(List.of(nameValuePairs));
        if (csrfToken != null) {
            pairs.add(csrfParameter);
            pairs.add(csrfToken);
        }
        return postForm(path, pairs);
    }

    /** A form POST without any CSRF token, as a forged cross-site request would arrive. */
    public HttpResponse<String> postWithoutCsrf(String path, String... nameValuePairs) {
        return postForm(path, List.of(nameValuePairs));
    }

    /**
     * A form POST without any CSRF token and with one header a browser adds, e.g. {@code "Origin",
     * "https://zly.example"} or {@code "Sec-Fetch-Site", "cross-site"}: as a forged request from another site
     * arrives.
     */
    public HttpResponse<String> postWithHeader(String header, String value, String path, String... nameValuePairs) {
        List<String> pairs = List.of(nameValuePairs);
        if (pairs.size() % 2 != 0) {
            throw new IllegalArgumentException("Names and values come in pairs: " + pairs);
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < pairs.size(); i += 2) {
            body.add(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .setHeader(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    /** Shows the page with the form (for its CSRF token), then submits the form to {@code action}. */
    public HttpResponse<String> submit(String formPage, String action, String... nameValuePairs) {
        HttpResponse<String> page = get(formPage);
        if (page.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + formPage + " answered " + page.statusCode() + " " + location(page));
        }
        return post(action, nameValuePairs);
    }

    /** Signs in with e-mail and password through the sign-in form; the answer is the redirect that follows. */
    public HttpResponse<String> signIn(String email, String password) {
        return submit("/logowanie", "/logowanie", "email", email, "password", password);
    }

    /**
     * Signs in completely: password, then the current TOTP code when the site asks for one.
     *
     * @param totpSecret the person's authenticator key, or null for people without a second factor
     */
    public HttpResponse<String> signInFully(String email, String password, @Nullable String totpSecret) {
        HttpResponse<String> answer = signIn(email, password);
        if ("/logowanie/kod".equals(location(answer)) && totpSecret != null) {
            long step = Math.floorDiv(Instant.now().getEpochSecond(), 30);
            answer = submit("/logowanie/kod", "/logowanie/kod", "code", totpCode(totpSecret));
            if (answer.statusCode() == 422) {
                // Each code works once: when this step's code was used already (an earlier sign-in of the same
                // person), the authenticator app's answer is to wait for the next code, and so does this client.
                Awaitility.await()
                        .atMost(Duration.ofSeconds(35))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> Math.floorDiv(Instant.now().getEpochSecond(), 30) > step);
                answer = submit("/logowanie/kod", "/logowanie/kod", "code", totpCode(totpSecret));
            }
        }
        if (!"/konto".equals(location(answer))) {
            throw new IllegalStateException(
                    "Signing in as " + email + " ended with " + answer.statusCode() + " " + location(answer));
        }
        return answer;
    }

    /** Signs out with the form every page shows to signed-in people. */
    public HttpResponse<String> signOut() {
        return submit("/", "/wyloguj");
    }

    /** The current session cookie, if the client has one. */
    public @Nullable String session() {
        return cookie(SESSION_COOKIE).orElse(null);
    }

    public synchronized Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    /** Sets a cookie by hand, e.g. to come back with an old session cookie. */
    public synchronized void cookie(String name, String value) {
        cookies.put(name, value);
    }

    public synchronized void forgetCookies() {
        cookies.clear();
        csrfToken = null;
    }

    /** The Location header as a path on this site (the origin, if present, removed), or an empty string. */
    public static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElse("");
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /** The TOTP code an authenticator app with this key shows now. */
    public static String totpCode(String secret) {
        return totpCode(secret, Instant.now());
    }

    public static String totpCode(String secret, Instant at) {
        try {
            return new DefaultCodeGenerator().generate(secret, Math.floorDiv(at.getEpochSecond(), 30));
        } catch (CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The page text with CSRF token values blanked, for comparing two answers that should be the same. */
    public static String withoutCsrfTokens(String body) {
        return CSRF.matcher(body).replaceAll("<input type=\"hidden\" name=\"$1\" value=\"…\">");
    }

    private HttpResponse<String> postForm(String path, List<String> pairs) {
        return postWithHeader("Accept", "text/html,application/xhtml+xml", path, pairs.toArray(String[]::new));
    }

    private synchronized HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml");
        headers.forEach(request::setHeader);
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.header("Cookie", header.toString());
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        HttpResponse<T> response;
        try {
            response = client.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        remember(response);
        return response;
    }

    private synchronized void remember(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            if (equals < 1) {
                continue;
            }
            String name = parts[0].substring(0, equals).trim();
            String value = parts[0].substring(equals + 1).trim();
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        if (!(response.body() instanceof String body)) {
            return;
        }
        Matcher csrf = CSRF.matcher(body);
        if (csrf.find()) {
            csrfParameter = csrf.group(1);
            csrfToken = csrf.group(2);
        }
    }
}
