package pl.koordes.events.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import pl.koordes.shared.outcome.Refused;

/**
 * Times each registration for an event ({@code koordes.events.registrations}, a timer whose count is the number of
 * registrations), tagged by its outcome: the status it got in lower case ({@code confirmed}, {@code waiting}, or a visitor's
 * {@code pending} until the e-mail link), {@code repeated} (a double click found registered), {@code refused} or
 * {@code error}. Buckets at
 * the service levels the bench aims at, so p99 is readable from the histogram.
 */
@Component
public class RegistrationMeter {

    private final MeterRegistry registry;

    RegistrationMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs the registration and records how long it took and what it came to. */
    public RegistrationResult time(Supplier<RegistrationResult> registration) {
        long started = System.nanoTime();
        String outcome = "error";
        try {
            RegistrationResult result = registration.get();
            outcome = result.repeated() ? "repeated" : result.status().name().toLowerCase(Locale.ROOT);
            return result;
        } catch (Refused refused) {
            outcome = "refused";
            throw refused;
        } finally {
            Timer.builder("koordes.events.registrations")
                    .description("Registrations for events: how long each took, by outcome")
                    .tag("outcome", outcome)
                    .serviceLevelObjectives(
                            Duration.ofMillis(50),
                            Duration.ofMillis(100),
                            Duration.ofMillis(250),
                            Duration.ofMillis(500),
                            Duration.ofSeconds(1),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(5))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
