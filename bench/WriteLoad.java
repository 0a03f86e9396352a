/*
 * A mixed write load that records every answer the application acknowledged, for .ci/kill-check (issue 19, item 3).
 *
 *   java bench/WriteLoad.java BASE_URL EVENT_ID ARTICLE_SLUG PASSWORD LOG STOP_FILE REGION EMAIL...
 *
 * One worker per e-mail (accounts made beforehand, all with PASSWORD) signs in once (sessions live in PostgreSQL,
 * so they outlive a killed node) and then, until STOP_FILE exists, sends one request at a time, at random:
 * a comment under ARTICLE_SLUG as an anonymous visitor (with a solved proof of work and a unique token in its text),
 * a registration for EVENT_ID, a cancellation of its own registration, a change of its display name (a unique
 * value each time), a visitor's registration for EVENT_ID (anonymous, a unique e-mail address, from a client address
 * of its own in X-Forwarded-For, which the node trusts from loopback) or, for the first worker (an administrator), a
 * change of the region REGION ("id|namePl|nameEn|macroregionId"): its seat, a unique value. Before each request it appends "TRY" to LOG, after a success "ACK" (and "ERR" after anything
 * else, a refused connection included), one CSV line each, flushed at once:
 *
 *   seq,worker,kind,outcome,key        kind: comment|register|cancel|profile|visitor|directory;
 *                                      key: the comment's token, the name, the visitor's e-mail or the seat
 *
 * While the application is down, requests fail (ERR) and the worker tries again after 200 ms.
 */

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

public class WriteLoad {

    /** The form's token field: empty on an anonymous visitor's page (public pages carry no per-visitor token). */
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static PrintStream log;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        long eventId = Long.parseLong(args[1]);
        String slug = args[2];
        String password = args[3];
        log = new PrintStream(new FileOutputStream(args[4], true), true, StandardCharsets.UTF_8);
        Path stop = Path.of(args[5]);
        String[] region = args[6].split("\\|");
        List<String> emails = List.of(args).subList(7, args.length);
        List<Thread> workers = new java.util.ArrayList<>();
        for (int w = 0; w < emails.size(); w++) {
            int worker = w;
            String email = emails.get(w);
            workers.add(Thread.ofPlatform().start(() -> {
                try {
                    new Worker(base, eventId, slug, worker, email, password, stop, region).run();
                } catch (Exception e) {
                    System.err.println("worker " + worker + " stopped: " + e);
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        System.out.println("write load: " + SEQUENCE.get() + " requests tried");
    }

    static synchronized void record(long seq, int worker, String kind, String outcome, String key) {
        log.println(seq + "," + worker + "," + kind + "," + outcome + "," + key);
    }

    static final class Worker {
        private final URI base;
        private final long eventId;
        private final String slug;
        private final int worker;
        private final String email;
        private final String password;
        private final Path stop;
        private final Random random;
        private final String[] region;
        private final HttpClient signedInClient = client();
        private final HttpClient visitorClient = client();
        private String csrf = "";
        private int names;

        Worker(
                URI base,
                long eventId,
                String slug,
                int worker,
                String email,
                String password,
                Path stop,
                String[] region) {
            this.region = region;
            this.base = base;
            this.eventId = eventId;
            this.slug = slug;
            this.worker = worker;
            this.email = email;
            this.password = password;
            this.stop = stop;
            this.random = new Random(worker * 7919L + System.nanoTime());
        }

        private static HttpClient client() {
            return HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
        }

        void run() throws Exception {
            while (!Files.exists(stop) && !signIn()) {
                Thread.sleep(200);
            }
            while (!Files.exists(stop)) {
                int dice = random.nextInt(100);
                String kind = dice < 25
                        ? "comment"
                        : dice < 45
                                ? "register"
                                : dice < 57 ? "cancel" : dice < 75 ? "profile" : dice < 90 ? "visitor" : "directory";
                if (kind.equals("directory") && worker != 0) {
                    kind = "profile";
                }
                long seq = SEQUENCE.incrementAndGet();
                boolean ok;
                try {
                    ok = switch (kind) {
                        case "comment" -> comment(seq);
                        case "register" -> register(seq);
                        case "cancel" -> cancel(seq);
                        case "visitor" -> visitor(seq);
                        case "directory" -> directory(seq);
                        default -> profile(seq);
                    };
                } catch (IOException | RuntimeException e) {
                    record(seq, worker, kind, "ERR", e.getClass().getSimpleName());
                    ok = false;
                }
                if (!ok) {
                    Thread.sleep(200);
                }
            }
        }

        private boolean signIn() {
            try {
                String token = csrfOf(signedInClient, "/logowanie");
                HttpResponse<Void> answer =
                        post(signedInClient, "/logowanie", form("_csrf", token, "email", email, "password", password));
                String location = answer.headers().firstValue("Location").orElse("");
                if (answer.statusCode() != 302 || location.contains("logowanie")) {
                    System.err.println(email + ": sign-in answered " + answer.statusCode() + " " + location);
                    return false;
                }
                csrf = csrfOf(signedInClient, "/konto");
                return true;
            } catch (IOException | InterruptedException | IllegalStateException e) {
                return false;
            }
        }

        private boolean comment(long seq) throws IOException, InterruptedException {
            String token = "t" + seq + "w" + worker + "r" + Long.toHexString(random.nextLong());
            String page = get(visitorClient, "/aktualnosci/" + slug);
            String formCsrf = group(CSRF, page);
            String task = get(visitorClient, "/komentarze/wyzwanie");
            String body = form(
                    "_csrf",
                    formCsrf,
                    "title",
                    "Głos " + seq,
                    "body",
                    "Komentarz pod obciążeniem " + token + ": spółdzielnie potrzebują stabilnych zamówień.",
                    "signature",
                    "Piszący " + worker,
                    "email",
                    "",
                    "website",
                    "",
                    "proof",
                    solve(task));
            record(seq, worker, "comment", "TRY", token);
            HttpResponse<Void> answer = post(visitorClient, "/aktualnosci/" + slug + "/komentarze", body);
            boolean ok = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").contains("komentarz=");
            record(seq, worker, "comment", ok ? "ACK" : "ERR" + answer.statusCode(), token);
            return ok;
        }

        private boolean register(long seq) throws IOException, InterruptedException {
            record(seq, worker, "register", "TRY", email);
            HttpResponse<Void> answer = post(
                    signedInClient,
                    "/wydarzenia/" + eventId + "/zapis",
                    form("_csrf", csrf, "privacyAccepted", "true", "mode", "ON_SITE"));
            String location = answer.headers().firstValue("Location").orElse("");
            boolean ok = answer.statusCode() == 302 && location.contains("zapis=");
            // A registration refused because it exists already (409) changes nothing: not an acknowledged write.
            record(seq, worker, "register", ok ? "ACK" : "ERR" + answer.statusCode(), email);
            return ok || answer.statusCode() == 409;
        }

        private boolean cancel(long seq) throws IOException, InterruptedException {
            record(seq, worker, "cancel", "TRY", email);
            HttpResponse<Void> answer =
                    post(signedInClient, "/wydarzenia/" + eventId + "/rezygnacja", form("_csrf", csrf));
            boolean ok = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").contains("zapis=odwolany");
            record(seq, worker, "cancel", ok ? "ACK" : "ERR" + answer.statusCode(), email);
            return ok;
        }

        private boolean profile(long seq) throws IOException, InterruptedException {
            String name = "Uczestnik " + worker + " wersja " + (++names) + " " + seq;
            record(seq, worker, "profile", "TRY", name);
            HttpResponse<Void> answer =
                    post(signedInClient, "/konto/dane", form("_csrf", csrf, "displayName", name, "language", "pl"));
            boolean ok = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").contains("zapisano=dane");
            record(seq, worker, "profile", ok ? "ACK" : "ERR" + answer.statusCode(), name);
            return ok;
        }

        private boolean visitor(long seq) throws IOException, InterruptedException {
            String address = "gosc" + seq + "w" + worker + "@kill.koordes.example";
            String formCsrf = csrfOf(visitorClient, "/wydarzenia/" + eventId + "/zapis");
            record(seq, worker, "visitor", "TRY", address);
            HttpResponse<Void> answer = visitorClient.send(
                    HttpRequest.newBuilder(base.resolve("/wydarzenia/" + eventId + "/zapis"))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            // A client address of its own: the per-address limit (30 an hour) stays as it is.
                            .header("X-Forwarded-For", "10.55." + (seq / 250 % 250) + "." + (seq % 250 + 1))
                            .POST(HttpRequest.BodyPublishers.ofString(form(
                                    "_csrf",
                                    formCsrf,
                                    "fullName",
                                    "Gość " + seq,
                                    "email",
                                    address,
                                    "institution",
                                    "Stowarzyszenie " + worker,
                                    "regionId",
                                    region[0],
                                    "privacyAccepted",
                                    "true",
                                    "mode",
                                    "ON_SITE")))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean ok = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").endsWith("/zapis/wyslano");
            record(seq, worker, "visitor", ok ? "ACK" : "ERR" + answer.statusCode(), address);
            return ok;
        }

        private boolean directory(long seq) throws IOException, InterruptedException {
            String seat = "Siedziba " + seq;
            record(seq, worker, "directory", "TRY", seat);
            HttpResponse<Void> answer = post(
                    signedInClient,
                    "/admin/katalog/regiony/" + region[0],
                    form(
                            "_csrf",
                            csrf,
                            "namePl",
                            region[1],
                            "nameEn",
                            region[2],
                            "seat",
                            seat,
                            "macroregionId",
                            region[3]));
            boolean ok = answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").contains("/admin/katalog/regiony/");
            record(seq, worker, "directory", ok ? "ACK" : "ERR" + answer.statusCode(), seat);
            return ok;
        }

        private String csrfOf(HttpClient client, String path) throws IOException, InterruptedException {
            return group(CSRF, get(client, path));
        }

        private String get(HttpClient client, String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = client.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(20))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + answer.statusCode());
            }
            return answer.body();
        }

        private HttpResponse<Void> post(HttpClient client, String path, String body)
                throws IOException, InterruptedException {
            return client.send(
                    HttpRequest.newBuilder(base.resolve(path))
                            .timeout(Duration.ofSeconds(20))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            // As a browser: the site the form came from (anonymous forms are checked by it).
                            .header("Origin", base.getScheme() + "://" + base.getAuthority())
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }

    private static String group(Pattern pattern, String text) {
        return CommentSubmissions.group(pattern, text);
    }

    private static String form(String... pairs) {
        return CommentSubmissions.form(pairs);
    }

    /** The comment form's proof of work, solved as bench/CommentSubmissions.java does (same folder, one launch). */
    private static String solve(String task) {
        try {
            return CommentSubmissions.solve(
                    CommentSubmissions.json(task, "algorithm"),
                    CommentSubmissions.json(task, "challenge"),
                    CommentSubmissions.json(task, "salt"),
                    CommentSubmissions.json(task, "signature"),
                    Long.parseLong(CommentSubmissions.json(task, "maxNumber")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
