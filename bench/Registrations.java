/*
 * 1,000 visitors register for one event at once, over plain HTTP/1.1 sockets, in two ways (bench/registrations).
 *
 *   java bench/Registrations.java BASE_URL REGION_ID PEOPLE CONNECTIONS APP_PID DATABASE TAG EVENT_A EVENT_B
 *
 * (a) "through a proxy's pool": PEOPLE forms are prepared first (each person's form page fetched, not measured), then
 *     sent over CONNECTIONS keep-alive connections that were opened and used beforehand, all released together;
 *     the latency of a request runs from its send to its answer (time queued in the client is not counted).
 * (b) "all at once": PEOPLE connections are opened and each fetches its person's form page (not measured), then one
 *     latch releases all PEOPLE posts at the same moment; latency from the latch to each answer.
 *
 * Every request names its visitor in X-Forwarded-For, as the proxy in front does (the application believes it from
 * the loopback address only): 2 registrations per address in 127.0.57.x and 127.0.58.x (a warm-up round's in blocks
 * of its own), far under the visitors' limit of 30 per address and hour, so the limit stays as it is and is counted for real. Every post carries the
 * site's Origin, as a browser sends it. A registration succeeded when the answer is the redirect to
 * ".../zapis/wyslano". CPU is read from /proc/PID/stat around each measured part: of the application (APP_PID), of
 * this JVM, and of the PostgreSQL backends serving DATABASE (found by their process titles, "postgres: … ROLE DATABASE
 * …", the role named like the database; a backend started during the part counts from zero). PostgreSQL's shared
 * processes (WAL writer, checkpointer) are not counted: other databases of the cluster use them too.
 * Prints one line "PHASE label req/s p50 p99 max wrong jvm-ms pg-ms client-ms" per part (CPU per registration).
 */
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class Registrations {

    private static final long TICKS_PER_SECOND = 100;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        String region = args[1];
        int people = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        long appPid = Long.parseLong(args[4]);
        String database = args[5];
        String tag = args[6];
        long eventA = Long.parseLong(args[7]);
        long eventB = Long.parseLong(args[8]);
        Bench bench = new Bench(base, region, people, appPid, database, tag);
        bench.pooled(eventA, connections);
        bench.allAtOnce(eventB);
    }

    /** One connection to the application, HTTP/1.1 keep-alive. */
    static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(120_000);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        /** Sends a request and reads the answer: {status, headers and body as text}. */
        Answer exchange(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read();
        }

        private Answer read() throws IOException {
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("connection closed");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            StringBuilder headers = new StringBuilder();
            long length = 0;
            boolean chunked = false;
            for (String h; (h = line()) != null && !h.isEmpty(); ) {
                headers.append(h).append('\n');
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                while (true) {
                    String size = line();
                    int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    body.write(in.readNBytes(n));
                    line();
                }
            } else {
                body.write(in.readNBytes((int) length));
            }
            return new Answer(status, headers.toString(), body.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) c);
            }
            return line.isEmpty() ? null : line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    record Answer(int status, String headers, String body) {
        String location() {
            for (String h : headers.split("\n")) {
                if (h.toLowerCase(Locale.ROOT).startsWith("location:")) {
                    return h.substring(9).trim();
                }
            }
            return "";
        }
    }

    static final class Bench {
        private final URI base;
        private final String region;
        private final int people;
        private final long appPid;
        private final String backendTitle;
        private final String tag;
        /** The two address blocks of this run, "127.0.57." and "127.0.58." or a warm-up round's. */
        private final String lowBlock;

        private final String highBlock;
        private final String origin;
        private int person;

        Bench(URI base, String region, int people, long appPid, String database, String tag) {
            this.base = base;
            this.region = region;
            this.people = people;
            this.appPid = appPid;
            this.backendTitle = " " + database + " " + database + " ";
            this.tag = tag;
            boolean warmUp = tag.matches("warm\\d+");
            this.lowBlock = warmUp ? "127.1." + tag.substring(4) + "." : "127.0.57.";
            this.highBlock = warmUp ? "127.2." + tag.substring(4) + "." : "127.0.58.";
            this.origin = base.getScheme() + "://" + base.getAuthority();
        }

        /**
         * The visitor's client address, as the proxy names it: two people per address. The measured run uses
         * 127.0.57.x and 127.0.58.x; warm-up round k (tag "warmK") 127.1.k.x and 127.2.k.x, so that however many rounds
         * the warm-up takes, no address comes near the visitors' limit.
         */
        private String address(int person) {
            int n = person / 2 % 500;
            return (n < 250 ? lowBlock : highBlock) + (n % 250 + 1);
        }

        private String get(int who, String path) {
            return "GET " + path + " HTTP/1.1\r\nHost: " + base.getAuthority() + "\r\nX-Forwarded-For: " + address(who)
                    + "\r\nAccept: text/html\r\n\r\n";
        }

        /** A person's form page, as their browser fetches it; fails unless it shows the form. */
        private void fetchForm(Connection connection, int who, long event) throws IOException {
            Answer page = connection.exchange(get(who, "/wydarzenia/" + event + "/zapis"));
            if (page.status() != 200 || !page.body().contains("name=\"email\"")) {
                throw new IllegalStateException("the form page answered " + page.status());
            }
        }

        /** The post of a filled-in form, as the browser sends it (an empty token field, the site's Origin). */
        private String post(int who, long event) {
            String body = form(
                    "_csrf",
                    "",
                    "fullName",
                    "Osoba Ławkowa " + who,
                    "email",
                    // An address of its own domain: seats held for unconfirmed visitors are limited per domain too.
                    "osoba@" + tag + who + ".bench.koordes.example",
                    "institution",
                    "Instytucja " + who,
                    "regionId",
                    region,
                    "privacyAccepted",
                    "true");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return "POST /wydarzenia/" + event + "/zapis HTTP/1.1\r\nHost: " + base.getAuthority()
                    + "\r\nX-Forwarded-For: " + address(who) + "\r\nOrigin: " + origin
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + bytes.length
                    + "\r\n\r\n" + body;
        }

        private static boolean registered(Answer answer) {
            return answer.status() == 302 && answer.location().endsWith("/zapis/wyslano");
        }

        /** (a) PEOPLE prepared forms over a proxy's pool of keep-alive connections. */
        void pooled(long event, int connections) throws Exception {
            int first = person;
            person += people;
            List<Connection> pool = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                pool.add(new Connection(base));
            }
            long prepared = System.nanoTime();
            List<String> posts = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                fetchForm(pool.get(i % connections), first + i, event);
                posts.add(post(first + i, event));
            }
            System.out.printf(
                    "(a) %d forms prepared over %d keep-alive connections in %.1f s (page fetched each, not measured)%n",
                    people, connections, (System.nanoTime() - prepared) / 1e9);
            long[] latencies = new long[people];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger wrong = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            Cpu before;
            long began;
            try (ExecutorService threads = Executors.newFixedThreadPool(connections)) {
                List<Future<?>> workers = new ArrayList<>();
                for (Connection connection : pool) {
                    workers.add(threads.submit(() -> {
                        go.await();
                        for (int i; (i = next.getAndIncrement()) < people; ) {
                            long t0 = System.nanoTime();
                            Answer answer;
                            try {
                                answer = connection.exchange(posts.get(i));
                            } catch (IOException e) {
                                latencies[i] = System.nanoTime() - t0;
                                wrong.incrementAndGet();
                                System.out.println("(a) request failed: " + e);
                                return null;
                            }
                            latencies[i] = System.nanoTime() - t0;
                            if (!registered(answer)) {
                                wrong.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                Thread.sleep(200);
                before = cpu();
                began = System.nanoTime();
                go.countDown();
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            report("a", "(a) 64 keep-alive connections", began, before, latencies, wrong.get());
            for (Connection connection : pool) {
                connection.close();
            }
        }

        /** (b) PEOPLE connections, each with its form, released by one latch. */
        void allAtOnce(long event) throws Exception {
            int first = person;
            person += people;
            long prepared = System.nanoTime();
            List<Connection> pool = new ArrayList<>();
            List<String> posts = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                Connection connection = new Connection(base);
                fetchForm(connection, first + i, event);
                pool.add(connection);
                posts.add(post(first + i, event));
            }
            System.out.printf(
                    "(b) %d connections opened, each with its form page fetched, in %.1f s (not measured)%n",
                    people, (System.nanoTime() - prepared) / 1e9);
            long[] latencies = new long[people];
            AtomicInteger wrong = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch ready = new CountDownLatch(people);
            long[] began = new long[1];
            Cpu before;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> workers = new ArrayList<>();
                for (int c = 0; c < people; c++) {
                    int i = c;
                    workers.add(threads.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            Answer answer = pool.get(i).exchange(posts.get(i));
                            if (!registered(answer)) {
                                wrong.incrementAndGet();
                            }
                        } catch (IOException e) {
                            wrong.incrementAndGet();
                            System.out.println("(b) request failed: " + e);
                        }
                        latencies[i] = System.nanoTime() - began[0];
                        return null;
                    }));
                }
                ready.await();
                Thread.sleep(200);
                before = cpu();
                began[0] = System.nanoTime();
                go.countDown();
                for (Future<?> worker : workers) {
                    worker.get();
                }
            }
            report("b", "(b) " + people + " connections, one latch", began[0], before, latencies, wrong.get());
            for (Connection connection : pool) {
                connection.close();
            }
        }

        private void report(String label, String title, long began, Cpu before, long[] latencies, int wrong) {
            long ended = latencies.length == 0 ? began : System.nanoTime();
            Cpu after = cpu();
            double seconds = (ended - began) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double p50 = sorted[n / 2] / 1e6;
            double p99 = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6;
            double max = sorted[n - 1] / 1e6;
            double jvm = (after.app() - before.app()) * 1000.0 / TICKS_PER_SECOND / n;
            double pg = after.pg(before) * 1000.0 / TICKS_PER_SECOND / n;
            double client = (after.client() - before.client()) / 1e6 / n;
            System.out.printf(
                    "%s: %d registrations in %.2f s: %.0f registrations/s, p50 %.0f ms, p99 %.0f ms, max %.0f ms,"
                            + " non-redirect answers %d; CPU per registration: JVM %.2f ms, PostgreSQL %.2f ms,"
                            + " client %.2f ms%n",
                    title, n, seconds, n / seconds, p50, p99, max, wrong, jvm, pg, client);
            System.out.printf(
                    Locale.ROOT,
                    "PHASE %s %.0f %.1f %.1f %.1f %d %.2f %.2f %.2f%n",
                    label,
                    n / seconds,
                    p50,
                    p99,
                    max,
                    wrong,
                    jvm,
                    pg,
                    client);
        }

        record Cpu(long app, Map<Long, Long> backends, long client) {
            long pg(Cpu before) {
                long sum = 0;
                for (Map.Entry<Long, Long> backend : backends.entrySet()) {
                    sum += backend.getValue() - before.backends().getOrDefault(backend.getKey(), 0L);
                }
                return sum;
            }
        }

        private Cpu cpu() {
            Map<Long, Long> backends = new HashMap<>();
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    try {
                        String title = Files.readString(process.resolve("cmdline"));
                        if (title.startsWith("postgres:") && title.contains(backendTitle)) {
                            long pid = Long.parseLong(process.getFileName().toString());
                            backends.put(pid, ticks(pid));
                        }
                    } catch (IOException gone) {
                        // ended meanwhile
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            long client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(ticks(appPid), backends, client);
        }

        /** utime + stime of a process, in clock ticks (0 when it is gone). */
        private static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException gone) {
                return 0;
            }
        }
    }

    /** The form's fields URL-encoded, as bench/CommentSubmissions.java does (same folder, one launch). */
    static String form(String... pairs) {
        return CommentSubmissions.form(pairs);
    }
}
