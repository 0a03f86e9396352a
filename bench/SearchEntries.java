/*
 * Fills the search index with generated entries through the application's own SearchIndex.put (the same Java
 * lemmatisation, tsvector and vocabulary statements a module's write path runs) and reports the sustained rate and
 * the time of one put. The puts go in transactions of BATCH entries: in the application a put runs inside the
 * transaction of the write path (a new post), whose commit (and its WAL flush) the post pays for anyway, so the
 * index's own cost is the put, not a commit of its own. With BATCH 1 every entry also pays a commit.
 *
 *   java -cp 'EXTRACTED/koordes.jar:EXTRACTED/lib/*' bench/SearchEntries.java JDBC_URL USER PASSWORD COUNT THREADS BATCH
 *
 * EXTRACTED is the jar unpacked with `java -Djarmode=tools -jar target/koordes.jar extract` (bench/search does it).
 * The texts are invented Polish sentences about the social economy, from word lists below, with a seeded random
 * source (the same corpus every run): mixed audiences (60 % public, 15 % one region's committee, 10 % one region's
 * coordinators, 10 % signed-in people, 5 % administrators), the 16 regions and the years 2012–2026.
 */
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.search.SearchEntry;
import pl.koordes.shared.search.SearchIndex;
import pl.koordes.shared.security.Role;

public class SearchEntries {

    static final String[] SUBJECTS = {
        "Spółdzielnia socjalna",
        "Fundacja",
        "Stowarzyszenie",
        "Centrum integracji społecznej",
        "Klub integracji społecznej",
        "Zakład aktywności zawodowej",
        "Warsztat terapii zajęciowej",
        "Ośrodek wsparcia ekonomii społecznej",
        "Przedsiębiorstwo społeczne",
        "Regionalny ośrodek polityki społecznej",
        "Gmina",
        "Powiat",
        "Komitet regionalny",
        "Partnerstwo lokalne",
        "Koło gospodyń wiejskich",
        "Spółdzielnia pracy",
        "Urząd marszałkowski",
        "Wolontariuszka",
        "Doradca kluczowy",
        "Grupa robocza"
    };

    static final String[] VERBS = {
        "zatrudnia",
        "wspiera",
        "szkoli",
        "prowadzi",
        "organizuje",
        "opiniuje",
        "przygotowuje",
        "finansuje",
        "aktywizuje",
        "rekomenduje",
        "monitoruje",
        "uruchamia",
        "rozwija",
        "podsumowuje",
        "zaprasza na"
    };

    static final String[] OBJECTS = {
        "osoby z niepełnosprawnościami",
        "osoby bezrobotne",
        "młodzież opuszczającą pieczę zastępczą",
        "seniorów w gminach wiejskich",
        "uczestników reintegracji zawodowej",
        "nowe miejsca pracy",
        "usługi opiekuńcze",
        "catering dla szkół",
        "usługi remontowe",
        "zielone zamówienia publiczne",
        "klauzule społeczne w przetargach",
        "dotacje na utworzenie miejsc pracy",
        "warsztaty dla liderów",
        "program rozwoju ekonomii społecznej",
        "wizyty studyjne",
        "sieć współpracy",
        "zakup usług społecznych",
        "mieszkania wspomagane",
        "szkolenia z księgowości",
        "inkubator przedsiębiorczości"
    };

    static final String[] PLACES = {
        "w Krakowie", "w Katowicach", "w powiecie nowosądeckim", "na Śląsku", "w Małopolsce", "w gminie wiejskiej",
        "w subregionie", "w województwie", "na Podhalu", "w Gliwicach", "w Tarnowie", "w Bielsku-Białej"
    };

    static final String[] CLOSINGS = {
        "Wnioski trafią do rocznego sprawozdania.", "Uczestnicy ocenili spotkanie wysoko.",
        "Komitet przyjął opinię jednogłośnie.", "Rekrutacja trwa do końca miesiąca.",
        "Wskaźniki programu zostały osiągnięte.", "Dobre praktyki opisano w bibliotece.",
        "Projekt realizowany jest w partnerstwie z samorządem.", "Zgłoszenia przyjmuje ROPS."
    };

    static final String[] KINDS = {"article", "event", "postulate", "resolution", "meeting", "library", "post", "survey"
    };

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        PGSimpleDataSource data = new PGSimpleDataSource();
        data.setURL(url);
        data.setUser(args[1]);
        data.setPassword(args[2]);
        JdbcClient jdbc = JdbcClient.create(data);
        List<Long> regions =
                jdbc.sql("select id from region order by id").query(Long.class).list();
        SearchIndex index = new SearchIndex(jdbc, Clock.systemUTC());
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(data));
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                for (int first = next.getAndAdd(batch); first < count; first = next.getAndAdd(batch)) {
                    int from = first;
                    transactions.executeWithoutResult(status -> {
                        for (int i = from; i < Math.min(count, from + batch); i++) {
                            SearchEntry entry = entry(i, regions);
                            long began = System.nanoTime();
                            index.put(entry);
                            latencies[i] = System.nanoTime() - began;
                            if ((i + 1) % 10_000 == 0) {
                                System.err.printf("  %,d entries, %.0f s%n", i + 1, (System.nanoTime() - start) / 1e9);
                            }
                        }
                    });
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            // A failed writer ends the run (its pool's threads would keep the JVM alive).
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        java.util.Arrays.sort(latencies);
        System.out.printf(
                "entries=%d seconds=%.1f per_second=%.0f put_p50_ms=%.2f put_p99_ms=%.2f threads=%d batch=%d%n",
                count,
                seconds,
                count / seconds,
                latencies[count / 2] / 1e6,
                latencies[(int) (count * 0.99)] / 1e6,
                threads,
                batch);
    }

    static SearchEntry entry(int i, List<Long> regions) {
        Random random = new Random(i * 7919L + 17);
        long region = regions.get(random.nextInt(regions.size()));
        int year = 2012 + random.nextInt(15);
        String title = pick(random, SUBJECTS) + " " + pick(random, VERBS) + " " + pick(random, OBJECTS);
        StringBuilder body = new StringBuilder();
        int sentences = 3 + random.nextInt(8);
        for (int s = 0; s < sentences; s++) {
            body.append(pick(random, SUBJECTS))
                    .append(' ')
                    .append(pick(random, VERBS))
                    .append(' ')
                    .append(pick(random, OBJECTS))
                    .append(' ')
                    .append(pick(random, PLACES))
                    .append(". ");
        }
        body.append(pick(random, CLOSINGS))
                .append(" Sprawa nr ")
                .append(i)
                .append('/')
                .append(year)
                .append('.');
        int audience = random.nextInt(100);
        Set<String> tokens;
        if (audience < 60) {
            tokens = Set.of(SearchAudience.PUBLIC);
        } else if (audience < 75) {
            tokens = new java.util.HashSet<>(SearchAudience.role(Role.COMMITTEE_MEMBER, region));
            tokens.addAll(SearchAudience.role(Role.REGIONAL_COORDINATOR, region));
            tokens.add(SearchAudience.role(Role.ADMINISTRATOR));
        } else if (audience < 85) {
            tokens = SearchAudience.role(Role.REGIONAL_COORDINATOR, region);
        } else if (audience < 95) {
            tokens = Set.of(SearchAudience.SIGNED_IN);
        } else {
            tokens = Set.of(SearchAudience.role(Role.ADMINISTRATOR));
        }
        String kind = KINDS[random.nextInt(KINDS.length)];
        return new SearchEntry(
                "bench", String.valueOf(i), kind, region, year, title, body.toString(), "/bench/" + i, tokens);
    }

    static String pick(Random random, String[] words) {
        return words[random.nextInt(words.length)];
    }
}
