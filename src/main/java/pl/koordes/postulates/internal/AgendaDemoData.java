package pl.koordes.postulates.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.events.EventReference;
import pl.koordes.events.PublicEvents;
import pl.koordes.postulates.internal.PostulateSteps.Step;
import pl.koordes.shared.database.DemoData;

/**
 * Three demo postulates (forwarded, in analysis, partly accepted) on the agenda of the demo's national meeting
 * of regional coordinators: the upcoming national event that starts last (events' demo data, order 100).
 */
@Component
@Order(115)
@ConditionalOnBooleanProperty("koordes.site.demo")
class AgendaDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AgendaDemoData.class);

    private final JdbcClient jdbc;
    private final PublicEvents events;
    private final AgendaStore agenda;
    private final PostulateSteps steps;
    private final DemoData demoData;
    private final Clock clock;

    AgendaDemoData(
            JdbcClient jdbc,
            PublicEvents events,
            AgendaStore agenda,
            PostulateSteps steps,
            DemoData demoData,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.agenda = agenda;
        this.steps = steps;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        EventReference meeting = events.upcomingNational(20).stream()
                .max(Comparator.comparing(EventReference::startsAt))
                .orElse(null);
        if (meeting == null) {
            return;
        }
        List<Long> postulates = jdbc.sql("""
                        select distinct on (status) id from postulates_postulate
                        where status in ('FORWARDED', 'IN_ANALYSIS', 'PARTLY_ACCEPTED')
                        order by status, id
                        """).query(Long.class).list();
        if (postulates.isEmpty() || !demoData.claim("postulates-agenda")) {
            return;
        }
        Instant at = clock.instant().minus(Duration.ofDays(2));
        for (long id : postulates) {
            agenda.add(id, meeting.id(), at, null);
            steps.record(id, StepKind.AGENDA, at, Step.event(meeting.id()));
        }
        log.info("Demo data: {} postulates on the agenda of \"{}\"", postulates.size(), meeting.title());
    }
}
