package pl.koordes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.events.internal.EventRegistrations;
import pl.koordes.events.internal.RegistrationForm;
import pl.koordes.events.internal.RegistrationResult;
import pl.koordes.events.internal.RegistrationStatus;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.support.IntegrationTest;

/**
 * Registration never overbooks and never loses a seat, on PostgreSQL, with many requests at once: the
 * reliability promises of the events issue. Every request is released by one latch so they really
 * race; the thread pool is wider than the connection pool, so they also queue for connections as
 * requests of a busy node do.
 */
@IntegrationTest
class EventRegistrationConcurrencyIntegrationTests {

    private static final Locale PL = Locale.forLanguageTag("pl");
    private static final int THREADS = 64;

    @Autowired
    EventRegistrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Directory directory;

    EventSamples samples;

    @BeforeEach
    void setUp() {
        samples = new EventSamples(jdbc);
    }

    @Test
    void fiveHundredAtOnceForFiftySeatsGiveFiftySeatsAndAWaitingListInArrivalOrder() throws Exception {
        long event = samples.published(50, null);

        long started = System.nanoTime();
        List<RegistrationResult> outcomes = all(IntStream.range(0, 500)
                .mapToObj(n -> (Callable<RegistrationResult>)
                        () -> registrations.register(event, RegistrationForm.oneStep(), samples.person(n), PL))
                .toList());
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(outcomes).as("no error answer").allMatch(r -> !r.repeated());
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isEqualTo(50);
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isEqualTo(450);
        assertThat(confirmedWithinCapacity())
                .as("confirmed ≤ capacity for every event in the database")
                .isTrue();
        // Arrival order: seats went to the first 50 to reach the event's lock, and the list is ordered by
        // arrival (ids and registration times rise together).
        List<Long> confirmed = samples.ids(event, RegistrationStatus.CONFIRMED);
        List<Long> waiting = samples.ids(event, RegistrationStatus.WAITING);
        assertThat(Collections.max(confirmed)).isLessThan(Collections.min(waiting));
        List<Instant> times = jdbc.sql("select created_at from event_registration where event_id = :e order by id")
                .param("e", event)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .list();
        assertThat(times).isSorted();
        System.out.printf(
                "500 concurrent registrations for 50 seats: %d ms, 50 confirmed, 450 waiting%n", took.toMillis());
    }

    @Test
    void twentyIdenticalSubmissionsAtOnceMakeOneRegistration() throws Exception {
        long event = samples.published(10, null);
        CurrentUser doubleClicker = samples.person(1);

        List<RegistrationResult> outcomes = all(IntStream.range(0, 20)
                .mapToObj(n -> (Callable<RegistrationResult>)
                        () -> registrations.register(event, RegistrationForm.oneStep(), doubleClicker, PL))
                .toList());

        assertThat(outcomes.stream().map(RegistrationResult::id).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.repeated())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from event_registration where event_id = :e")
                        .param("e", event)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tenCancellationsDuringAHundredRegistrationsPromoteTheListInOrderWithOneMailEach() throws Exception {
        long event = samples.published(50, null);
        for (int n = 0; n < 70; n++) {
            registrations.register(event, RegistrationForm.oneStep(), samples.person(n), PL);
        }
        List<Long> waitingBefore = samples.ids(event, RegistrationStatus.WAITING);
        assertThat(waitingBefore).hasSize(20);

        List<Callable<Object>> tasks = new ArrayList<>();
        for (int n = 100; n < 200; n++) {
            int person = n;
            tasks.add(() -> registrations.register(event, RegistrationForm.oneStep(), samples.person(person), PL));
        }
        for (int n = 0; n < 10; n++) {
            int person = n * 5;
            tasks.add(() -> registrations.cancelOwn(samples.person(person), event));
        }
        Collections.shuffle(tasks);
        List<Object> results = all(tasks);

        assertThat(results)
                .filteredOn(r -> r instanceof Boolean)
                .containsOnly(true)
                .hasSize(10);
        assertThat(samples.count(event, RegistrationStatus.CONFIRMED)).isEqualTo(50);
        assertThat(samples.count(event, RegistrationStatus.CANCELLED)).isEqualTo(10);
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isEqualTo(110);
        assertThat(confirmedWithinCapacity()).isTrue();
        // The ten promoted are the first ten on the list, in order; nobody who came later jumped the queue.
        List<Long> promoted = jdbc.sql("""
                        select id from event_registration where event_id = :e and status = 'CONFIRMED' and id > :last order by id
                        """)
                .param("e", event)
                .param("last", Collections.min(waitingBefore) - 1)
                .query(Long.class)
                .list();
        assertThat(promoted).containsExactlyElementsOf(waitingBefore.subList(0, 10));

        List<String> promotedEmails = jdbc.sql("select email from event_registration where id in (:ids) order by id")
                .param("ids", promoted)
                .query(String.class)
                .list();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(mailsOfKind("promoted")).hasSize(10));
        Map<String, Long> perRecipient =
                mailsOfKind("promoted").stream().collect(Collectors.groupingBy(r -> r, Collectors.counting()));
        assertThat(perRecipient.keySet()).containsExactlyInAnyOrderElementsOf(promotedEmails);
        assertThat(perRecipient.values()).containsOnly(1L);
    }

    @Test
    void theQuotaPerRegionHoldsUnderConcurrencyAndAFreedSeatGoesToThatRegion() throws Exception {
        long event = samples.published(50, 3);
        List<Region> regions = directory.regions().subList(0, 4);

        List<RegistrationResult> outcomes = all(IntStream.range(0, 100)
                .mapToObj(n -> (Callable<RegistrationResult>) () -> registrations.register(
                        event,
                        RegistrationForm.oneStep(),
                        samples.person(n, regions.get(n % 4).id()),
                        PL))
                .toList());

        assertThat(outcomes).hasSize(100);
        Map<Long, Integer> perRegion = confirmedPerRegion(event);
        assertThat(perRegion)
                .hasSize(4)
                .allSatisfy((region, count) -> assertThat(count).isEqualTo(3));
        assertThat(samples.count(event, RegistrationStatus.WAITING)).isEqualTo(88);

        // A freed seat of region 0 goes to the first waiting person of region 0, not to the first on the list.
        long region0 = regions.get(0).id();
        String cancelled = jdbc.sql("""
                        select email from event_registration where event_id = :e and region_id = :r and status = 'CONFIRMED'
                        order by id limit 1
                        """)
                .param("e", event)
                .param("r", region0)
                .query(String.class)
                .single();
        long firstWaitingOfRegion = jdbc.sql("""
                        select min(id) from event_registration where event_id = :e and region_id = :r and status = 'WAITING'
                        """)
                .param("e", event)
                .param("r", region0)
                .query(Long.class)
                .single();
        int n = Integer.parseInt(cancelled.substring("osoba".length(), cancelled.indexOf('.')));
        assertThat(registrations.cancelOwn(samples.person(n, region0), event)).isTrue();
        assertThat(confirmedPerRegion(event)).containsEntry(region0, 3);
        assertThat(jdbc.sql("select status from event_registration where id = :id")
                        .param("id", firstWaitingOfRegion)
                        .query(String.class)
                        .single())
                .isEqualTo("CONFIRMED");
    }

    private Map<Long, Integer> confirmedPerRegion(long event) {
        return jdbc.sql("""
                        select region_id, count(*)::int from event_registration
                        where event_id = :e and status in ('CONFIRMED','PENDING') group by region_id
                        """).param("e", event).query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private boolean confirmedWithinCapacity() {
        return jdbc.sql("""
                        select count(*) from event e
                        where (select count(*) from event_registration r
                               where r.event_id = e.id and r.mode = 'ON_SITE' and r.status in ('CONFIRMED','PENDING')) > e.seats_on_site
                           or (select count(*) from event_registration r
                               where r.event_id = e.id and r.mode = 'ONLINE' and r.status in ('CONFIRMED','PENDING')) > e.seats_online
                        """).query(Integer.class).single() == 0;
    }

    private List<String> mailsOfKind(String kind) {
        return jdbc.sql("select recipient from notifications_dev_mailbox where kind = :kind and recipient like :run")
                .param("kind", kind)
                .param("run", "%." + samples.run + "@%")
                .query(String.class)
                .list();
    }

    /** Runs every task at once (released together by a latch) and returns their results in order. */
    private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
