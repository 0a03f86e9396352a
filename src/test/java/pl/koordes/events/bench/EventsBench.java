package pl.koordes.events.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.events.internal.EventsProperties;
import pl.koordes.support.Http;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Benchmarks of the events module, run by {@code bench/events} (not part of {@code ./mvnw verify}):
 * 1,000 visitors register for one event at once over HTTP, and the past-events list with 5,000 events
 * against 50. Prints the figures and fails when the promises break (an error answer, an overbooked event,
 * a list that slows with the data).
 */
@IntegrationTest
class EventsBench {

    private static final int PEOPLE = 1000;
    private static final int SEATS = 100;
    /** Visitors' registrations are limited per client address; the bench spreads them over loopback addresses. */
    private static final int ADDRESSES = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventsProperties settings;

    @Test
    void aThousandPeopleRegisterForOneEventAtOnce() throws Exception {
        long event = event("bench registration", Instant.now().plus(10, ChronoUnit.DAYS), SEATS);
        List<SignedInClient> clients = new ArrayList<>();
        for (int a = 0; a < ADDRESSES; a++) {
            SignedInClient client = new SignedInClient(port, "127.0.9." + (a + 1));
            assertThat(client.get("/wydarzenia/" + event + "/zapis").statusCode())
                    .isEqualTo(200);
            clients.add(client);
        }
        long region = jdbc.sql("select id from region where slug = 'malopolskie'")
                .query(Long.class)
                .single();
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < PEOPLE; i++) {
            int person = i;
            answers.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                HttpResponse<String> answer = clients.get(person % ADDRESSES)
                        .post(
                                "/wydarzenia/" + event + "/zapis",
                                "fullName",
                                "Osoba Ławkowa " + person,
                                "email",
                                // A domain of its own: seats held unconfirmed are limited per domain too.
                                "osoba@bench" + person + ".koordes.example",
                                "institution",
                                "Instytucja " + person,
                                "regionId",
                                Long.toString(region),
                                "privacyAccepted",
                                "true");
                return new long[] {answer.statusCode(), System.nanoTime() - t0};
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        long[] latencies = new long[PEOPLE];
        int failures = 0;
        for (int i = 0; i < PEOPLE; i++) {
            long[] answer = answers.get(i).get();
            latencies[i] = answer[1];
            if (answer[0] != 302) {
                failures++;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf(
                "%n=== %d visitors register for one event (%d seats) at once, over HTTP ===%n", PEOPLE, SEATS);
        System.out.printf(
                "wall time %.2f s, throughput %.0f registrations/s, latency p50 %.0f ms, p99 %.0f ms, max %.0f ms,"
                        + " non-redirect answers %d%n",
                seconds,
                PEOPLE / seconds,
                latencies[PEOPLE / 2] / 1e6,
                latencies[PEOPLE * 99 / 100] / 1e6,
                latencies[PEOPLE - 1] / 1e6,
                failures);
        assertThat(failures).isZero();
        // Unconfirmed visitors hold at most their share of the seats (koordes.events.pending-hold-share); the rest
        // wait for their confirmation without a seat.
        int held = Math.max(1, (int) Math.ceil(SEATS * settings.pendingHoldShare()));
        assertThat(count(event, "PENDING")).isEqualTo(held);
        assertThat(count(event, "UNCONFIRMED")).isEqualTo(PEOPLE - held);
    }

    @Test
    void thePastEventsListIsAsFastWithFiveThousandEventsAsWithFifty() {
        jdbc.sql("update event set status = 'DRAFT' where title not like 'bench list%' and ends_at < now()")
                .update();
        add(50);
        double[] few = measure();
        add(4950);
        double[] many = measure();
        System.out.printf("%n=== past events list (/wydarzenia/archiwum), 200 requests each, one at a time ===%n");
        System.out.printf(
                "  50 events: first page mean %.1f ms p99 %.1f ms; page 2 mean %.1f ms p99 %.1f ms%n",
                few[0], few[1], few[2], few[3]);
        System.out.printf(
                "5000 events: first page mean %.1f ms p99 %.1f ms; page 125 mean %.1f ms p99 %.1f ms%n",
                many[0], many[1], many[2], many[3]);
        // "As fast": within a factor that leaves room for a busy machine, far from the 100x of a full scan per row.
        assertThat(many[0]).isLessThan(few[0] * 2 + 5);
    }

    private double[] measure() {
        Http http = new Http(port);
        long total = jdbc.sql("select count(*) from event where title like 'bench list%'")
                .query(Long.class)
                .single();
        String deep = "/wydarzenia/archiwum?strona=" + Math.max(2, total / 40);
        double[] first = time(http, "/wydarzenia/archiwum");
        double[] last = time(http, deep);
        return new double[] {first[0], first[1], last[0], last[1]};
    }

    private static double[] time(Http http, String path) {
        for (int i = 0; i < 30; i++) {
            http.get(path);
        }
        long[] samples = new long[200];
        for (int i = 0; i < samples.length; i++) {
            long t0 = System.nanoTime();
            assertThat(http.get(path).statusCode()).isEqualTo(200);
            samples[i] = System.nanoTime() - t0;
        }
        Arrays.sort(samples);
        return new double[] {Arrays.stream(samples).average().orElseThrow() / 1e6, samples[197] / 1e6};
    }

    private void add(int count) {
        jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        select 'MEETING', 'NATIONAL', 'IN_PERSON', 'bench list ' || g, 'Sala',
                               now() - (g || ' hours')::interval - interval '1 day', now() - (g || ' hours')::interval - interval '20 hours',
                               30, 'COMPLETED'
                        from generate_series(1, :n) g
                        """).param("n", count).update();
    }

    private long event(String title, Instant start, int seats) {
        long id = jdbc.sql("""
                        insert into event (type, level, format, title, venue, starts_at, ends_at, seats_on_site, status)
                        values ('MEETING', 'NATIONAL', 'IN_PERSON', :title, 'Sala', :starts, :ends, :seats, 'PUBLISHED') returning id
                        """)
                .param("title", title)
                .param("starts", Timestamp.from(start))
                .param("ends", Timestamp.from(start.plus(2, ChronoUnit.HOURS)))
                .param("seats", seats)
                .query(Long.class)
                .single();
        jdbc.sql("insert into event_region (event_id, region_id) select :id, id from region")
                .param("id", id)
                .update();
        return id;
    }

    private int count(long event, String status) {
        return jdbc.sql("select count(*) from event_registration where event_id = :e and status = :s")
                .param("e", event)
                .param("s", status)
                .query(Integer.class)
                .single();
    }
}
