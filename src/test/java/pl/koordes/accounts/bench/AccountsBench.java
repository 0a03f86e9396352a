package pl.koordes.accounts.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import pl.koordes.support.IntegrationTest;
import pl.koordes.support.SignedInClient;

/**
 * Benchmark run by {@code bench/accounts} (not part of {@code ./mvnw verify}): how long the answer to a
 * registration and to a password reset request takes for an address with an account and for one without
 * (issue 10, item 8: the time must not tell which). Requests one at a time over HTTP, the four kinds
 * interleaved so that the machine's load weighs on each alike; each from its own loopback address and
 * for its own address, so that no rate limit changes the work. Prints medians and 90th percentiles.
 */
@IntegrationTest
class AccountsBench {

    private static final int WARM_UP = 10;
    private static final int MEASURED = 60;
    private static final String PASSWORD = "spotkanie w Rzeszowie jesienią";

    enum Path {
        REGISTRATION_NEW("registration, new address"),
        REGISTRATION_TAKEN("registration, taken address"),
        RESET_KNOWN("reset request, known address"),
        RESET_UNKNOWN("reset request, unknown address");

        final String label;

        Path(String label) {
            this.label = label;
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void knownAndUnknownAddressesTakeTheSameTime() {
        int total = WARM_UP + MEASURED;
        for (int i = 0; i < total; i++) {
            jdbc.sql("""
                    insert into account (email, display_name, status, password_hash, language)
                    values (:email, 'Bench', 'ACTIVE', 'x', 'pl')
                    """).param("email", known(i)).update();
        }
        Map<Path, List<Double>> times = new EnumMap<>(Path.class);
        for (Path path : Path.values()) {
            times.put(path, new ArrayList<>());
        }
        for (int i = 0; i < total; i++) {
            for (Path path : Path.values()) {
                double ms = request(path, i);
                if (i >= WARM_UP) {
                    times.get(path).add(ms);
                }
            }
        }
        System.out.printf(
                "=== time of the answer, one request at a time, %d of each (after %d warm-up) ===%n",
                MEASURED, WARM_UP);
        for (Path path : Path.values()) {
            List<Double> sorted = times.get(path).stream().sorted().toList();
            System.out.printf(
                    "%-32s median %6.1f ms, p90 %6.1f ms%n",
                    path.label, sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 9 / 10));
        }
    }

    private double request(Path path, int i) {
        // One client address per request and kind: 4 × 70 addresses in 127.0.20.0 – 127.0.21.255.
        int n = path.ordinal() * 70 + i;
        SignedInClient visitor = new SignedInClient(port, "127.0." + (20 + n / 250) + "." + (1 + n % 250));
        String page = path.name().startsWith("REGISTRATION") ? "/rejestracja" : "/haslo/przypomnij";
        visitor.get(page);
        String email = switch (path) {
            case REGISTRATION_NEW -> "bench.nowy." + i + "@przyklad.example";
            case RESET_UNKNOWN -> "bench.nieznany." + i + "@przyklad.example";
            default -> known(i);
        };
        long start = System.nanoTime();
        var answer = page.equals("/rejestracja")
                ? visitor.post(
                        page,
                        "displayName",
                        "Bench",
                        "email",
                        email,
                        "password",
                        PASSWORD,
                        "passwordRepeated",
                        PASSWORD)
                : visitor.post(page, "email", email);
        double ms = (System.nanoTime() - start) / 1e6;
        assertThat(answer.statusCode()).as(path + " " + email).isEqualTo(302);
        return ms;
    }

    private static String known(int i) {
        return "bench.znany." + i + "@przyklad.example";
    }
}
