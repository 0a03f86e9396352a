/*
 * Comment submissions per second through the real checks (same origin, field rules, links, banned phrases,
 * rate limit, duplicates, proof of work) into the moderation queue.
 *
 *   java bench/CommentSubmissions.java ARTICLE_URL COUNT CONNECTIONS [WARMUP]
 *
 * First prepares COUNT forms as a visitor's browser would: shows the article page (no token: a public
 * page is the same for everyone), fetches a fresh proof-of-work challenge, solves the challenge (SHA-256, like static/js/proof-of-work.js)
 * and writes a distinct comment. That part is not measured: a real visitor's browser does it. Then
 * sends all the forms over CONNECTIONS concurrent keep-alive connections (plain sockets: cheap on shared cores) and measures the server's answers:
 * every one must be the redirect to "awaits moderation". The application must run with a per-address
 * limit above COUNT + WARMUP (koordes.comments.per-address-limit), as all requests come from one address.
 *
 * <p>WARMUP (0) more forms are prepared and sent first the same way, not measured (the JIT's warm-up). When the
 * environment names BENCH_READY_FILE and BENCH_GO_FILE, the client creates the first once it is ready to send
 * the measured forms and waits for the second to exist (so a script can read CPU counters just before), and
 * creates BENCH_READY_FILE.done as soon as the last answer is in.
 */
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class CommentSubmissions {

    private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+/komentarze)\"");

    public static void main(String[] args) throws Exception {
        String articleUrl = args[0];
        int count = Integer.parseInt(args[1]);
        int connections = Integer.parseInt(args[2]);
        URI article = URI.create(articleUrl);
        HttpClient client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();

        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        long prepStart = System.nanoTime();
        long run = System.currentTimeMillis();
        String[] bodies = new String[warmup + count];
        String[] actions = new String[1];
        // Prepared on a few threads: page view, challenge and proof of work, as many browsers would.
        AtomicInteger nextForm = new AtomicInteger();
        try (ExecutorService pool =
                Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()))) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < Math.max(2, Runtime.getRuntime().availableProcessors()); t++) {
                workers.add(pool.submit(() -> {
                    int i;
                    while ((i = nextForm.getAndIncrement()) < bodies.length) {
                        bodies[i] = prepare(client, article, actions, run, i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double prepSeconds = (System.nanoTime() - prepStart) / 1e9;
        URI target = article.resolve(actions[0]);

        CookieManager cookies = (CookieManager) client.cookieHandler().orElseThrow();
        int refusedInWarmup =
                send(cookies, article, target, Arrays.copyOfRange(bodies, 0, warmup), connections, new long[warmup]);
        String ready = System.getenv("BENCH_READY_FILE");
        String go = System.getenv("BENCH_GO_FILE");
        if (ready != null && go != null) {
            Files.writeString(Path.of(ready), "ready\n");
            while (!Files.exists(Path.of(go))) {
                Thread.sleep(20);
            }
        }
        long[] latencies = new long[count];
        long start = System.nanoTime();
        int wrong = refusedInWarmup
                + send(
                        cookies,
                        article,
                        target,
                        Arrays.copyOfRange(bodies, warmup, bodies.length),
                        connections,
                        latencies);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (ready != null) {
            Files.writeString(Path.of(ready + ".done"), "done\n");
        }
        Arrays.sort(latencies);
        System.out.printf(
                "prepared %d forms (page view + proof of work) in %.1f s, %d of them sent first as a warm-up, not measured%n",
                count + warmup, prepSeconds, warmup);
        System.out.printf(
                "submissions: %d in %.2f s over %d connections: %.0f req/s, p50 %.2f ms, p99 %.2f ms, not accepted: %d%n",
                count,
                seconds,
                connections,
                count / seconds,
                latencies[count / 2] / 1e6,
                latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
                wrong);
        System.out.printf(
                "RESULT %.0f %.2f %.2f %d%n",
                count / seconds,
                latencies[count / 2] / 1e6,
                latencies[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6,
                wrong);
        if (wrong > 0) {
            System.exit(1);
        }
    }

    /** One visitor's form: the article page viewed, a challenge fetched and solved, a distinct comment written. */
    static String prepare(HttpClient client, URI article, String[] actions, long run, int i) throws Exception {
        String page = client.send(HttpRequest.newBuilder(article).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body();
        actions[0] = group(FORM, page);
        // The form's script fetches a challenge of its own; so does the benchmark.
        String task = client.send(
                        HttpRequest.newBuilder(article.resolve("/komentarze/wyzwanie"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String proof = solve(
                json(task, "algorithm"),
                json(task, "challenge"),
                json(task, "salt"),
                json(task, "signature"),
                Long.parseLong(json(task, "maxNumber")));
        return form(
                "title",
                "Głos z regionu nr " + i,
                "body",
                "Benchmark " + run + " komentarz " + i
                        + ": spółdzielnie socjalne w powiecie potrzebują stabilnych zamówień.",
                "signature",
                "Tester " + i,
                "email",
                "",
                "website",
                "",
                "proof",
                proof);
    }

    /**
     * Sends the forms over CONNECTIONS keep-alive connections; returns how many were not accepted. Each connection is a
     * plain socket writing requests prepared beforehand and reading the answer's head (and its body, if any): the
     * JDK's HttpClient cost about 1.3 ms of CPU per request on the same cores as the application.
     */
    static int send(CookieManager cookies, URI article, URI target, String[] bodies, int connections, long[] latencies)
            throws Exception {
        String host = target.getHost();
        int port = target.getPort() > 0 ? target.getPort() : 80;
        StringBuilder head = new StringBuilder()
                .append("POST ")
                .append(target.getRawPath())
                .append(" HTTP/1.1\r\nHost: ")
                .append(target.getAuthority())
                .append("\r\nContent-Type: application/x-www-form-urlencoded\r\n")
                // As a browser sends it: the form is the site's own.
                .append("Origin: ")
                .append(article.getScheme())
                .append("://")
                .append(article.getAuthority())
                .append("\r\n");
        for (HttpCookie cookie : cookies.getCookieStore().get(target)) {
            head.append("Cookie: ")
                    .append(cookie.getName())
                    .append('=')
                    .append(cookie.getValue())
                    .append("\r\n");
        }
        byte[][] requests = new byte[bodies.length][];
        for (int i = 0; i < bodies.length; i++) {
            byte[] body = bodies[i].getBytes(StandardCharsets.UTF_8);
            byte[] start = (head + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            requests[i] = Arrays.copyOf(start, start.length + body.length);
            System.arraycopy(body, 0, requests[i], start.length, body.length);
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger wrong = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(connections)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    Connection connection = null;
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < bodies.length) {
                            long t0 = System.nanoTime();
                            if (connection == null) {
                                connection = new Connection(host, port);
                            }
                            Answer answer = connection.exchange(requests[i]);
                            latencies[i] = System.nanoTime() - t0;
                            if (answer.status() != 302 || !answer.location().contains("komentarz=oczekuje")) {
                                wrong.incrementAndGet();
                            }
                            if (answer.close()) {
                                connection.socket.close();
                                connection = null;
                            }
                        }
                    } finally {
                        if (connection != null) {
                            connection.socket.close();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return wrong.get();
    }

    /** What the benchmark reads of an answer. */
    record Answer(int status, String location, boolean close) {}

    /** One keep-alive HTTP/1.1 connection: a request written whole, its answer read (head, then body by length or chunks). */
    static final class Connection {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Connection(String host, int port) throws Exception {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        Answer exchange(byte[] request) throws Exception {
            out.write(request);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            String location = "";
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String header; !(header = line()).isEmpty(); ) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "location" -> location = value;
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    in.skipNBytes(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // Trailers.
                }
            } else {
                in.skipNBytes(length);
            }
            return new Answer(code, location, close);
        }

        private String line() throws Exception {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }
    }

    static String json(String object, String name) {
        return group(Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)"), object);
    }

    static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not on the page: " + pattern);
        }
        return m.group(1);
    }

    static String solve(String algorithm, String challenge, String salt, String signature, long max) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (long n = 0; n <= max; n++) {
            String hash = HexFormat.of().formatHex(sha.digest((salt + n).getBytes(StandardCharsets.UTF_8)));
            if (hash.equals(challenge)) {
                String json = "{\"algorithm\":\"" + algorithm + "\",\"challenge\":\"" + challenge + "\",\"number\":" + n
                        + ",\"salt\":\"" + salt + "\",\"signature\":\"" + signature + "\"}";
                return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new IllegalStateException("unsolvable challenge");
    }

    static String form(String... pairs) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
