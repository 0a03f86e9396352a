package pl.koordes.shared.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import pl.koordes.shared.mail.MailRequested;

/**
 * Gauges of what waits in the database, read every {@link MetricsProperties#refresh()} by each node (one small
 * grouped query on the registry of event publications, whose incomplete rows are few): mail waiting, failed and
 * held after a restore, and the publications outstanding per listener with the age of the oldest. They count the
 * whole database, so every node reports the same values: take the maximum across nodes, not the sum.
 */
@Configuration(proxyBeanMethods = false)
class QueueMetrics implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(QueueMetrics.class);

    private record Outstanding(String listener, long count, long failed, double oldestSeconds) {}

    private final JdbcClient jdbc;
    private final MetricsProperties properties;
    private final AtomicLong mailWaiting = new AtomicLong();
    private final AtomicLong mailFailed = new AtomicLong();
    private final AtomicLong mailHeld = new AtomicLong();
    private final MultiGauge outstanding;
    private final MultiGauge oldest;

    QueueMetrics(JdbcClient jdbc, MetricsProperties properties, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.properties = properties;
        Gauge.builder("koordes.mail.waiting", mailWaiting, AtomicLong::get)
                .description("E-mails queued and not yet delivered (failed ones included)")
                .register(registry);
        Gauge.builder("koordes.mail.failed", mailFailed, AtomicLong::get)
                .description("E-mails whose last delivery attempt failed; retried on the schedule")
                .register(registry);
        Gauge.builder("koordes.mail.held", mailHeld, AtomicLong::get)
                .description("E-mails held after a restore from a backup, sent only when an operator releases them")
                .register(registry);
        outstanding = MultiGauge.builder("koordes.events.publications.outstanding")
                .description("Event publications not yet completed, by listener")
                .register(registry);
        oldest = MultiGauge.builder("koordes.events.publications.oldest")
                .description("Age of the oldest incomplete event publication, by listener")
                .baseUnit("seconds")
                .register(registry);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, properties.refresh(), Duration.ZERO));
    }

    /** Reads the queues again (the schedule calls it; tests may too). */
    void refresh() {
        try {
            List<Outstanding> rows = jdbc.sql("""
                            select listener_id, count(*) as outstanding, count(*) filter (where status = 'FAILED') as failed,
                                   extract(epoch from now() - min(publication_date)) as oldest
                            from event_publication where completion_date is null group by listener_id
                            """)
                    .query((rs, n) -> new Outstanding(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)))
                    .list();
            outstanding.register(
                    rows.stream()
                            .map(row -> MultiGauge.Row.of(Tags.of("listener", row.listener()), row.count()))
                            .toList(),
                    true);
            oldest.register(
                    rows.stream()
                            .map(row -> MultiGauge.Row.of(Tags.of("listener", row.listener()), row.oldestSeconds()))
                            .toList(),
                    true);
            List<Outstanding> mail = rows.stream()
                    .filter(row -> row.listener().equals(MailRequested.DELIVERY_LISTENER_ID))
                    .toList();
            mailWaiting.set(mail.stream().mapToLong(Outstanding::count).sum());
            mailFailed.set(mail.stream().mapToLong(Outstanding::failed).sum());
            mailHeld.set(jdbc.sql("select count(*) from shared_held_mail")
                    .query(Long.class)
                    .single());
        } catch (RuntimeException e) {
            // A database away for a moment: the gauges keep their last values, the next turn tries again.
            log.debug("Queue metrics not refreshed: {}", e.toString());
        }
    }
}
