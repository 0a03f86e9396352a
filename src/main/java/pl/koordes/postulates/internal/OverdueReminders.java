package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;

/**
 * The weekly reminders of overdue postulates: to the addressee's people and the operators, once a week
 * per postulate. Each is claimed by inserting its row into {@code postulates_reminder} (postulate, the
 * week's Monday) before the mail is queued in the same transaction, so however many nodes run the job and
 * however often, a postulate is reminded of once a week. The first time a postulate is found overdue its
 * timeline gets the step OVERDUE.
 */
@Service
public class OverdueReminders {

    private final JdbcClient jdbc;
    private final PostulateStore store;
    private final PostulateSteps steps;
    private final Directory directory;
    private final AnswerMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OverdueReminders(
            JdbcClient jdbc,
            PostulateStore store,
            PostulateSteps steps,
            Directory directory,
            AnswerMail mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.steps = steps;
        this.directory = directory;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** Sends the reminders due on {@code today}; returns how many postulates were reminded of. */
    @Transactional
    public int sendDue(LocalDate today) {
        LocalDate week = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<Long> overdue =
                jdbc.sql("""
                        select id from postulates_postulate
                        where status in ('FORWARDED', 'IN_ANALYSIS') and answer_due < :today order by answer_due, id""").param("today", today).query(Long.class).list();
        int sent = 0;
        Instant now = Instant.now(clock);
        for (long id : overdue) {
            int claimed = jdbc.sql("""
                            insert into postulates_reminder (postulate_id, week_start, sent_at) values (:id, :week, :now)
                            on conflict do nothing""")
                    .param("id", id)
                    .param("week", week)
                    .param("now", Timestamp.from(now))
                    .update();
            if (claimed == 0) {
                continue;
            }
            Postulate postulate = store.find(id).orElseThrow();
            long days = postulate.daysOverdue(today);
            boolean firstTime =
                    jdbc.sql("select count(*) from postulates_step where postulate_id = :id and kind = 'OVERDUE'")
                                    .param("id", id)
                                    .query(Long.class)
                                    .single()
                            == 0;
            if (firstTime) {
                LocalDate due = postulate.answerDue();
                steps.record(
                        id,
                        StepKind.OVERDUE,
                        PostulateSteps.Step.institution(postulate.addresseeId(), due == null ? null : due.toString()));
            }
            CentralInstitution addressee = directory
                    .centralInstitution(postulate.addresseeId())
                    .orElseGet(() -> new CentralInstitution(postulate.addresseeId(), "—", null));
            int told = mail.overdue(postulate, addressee, days);
            Map<String, @Nullable Object> after = new LinkedHashMap<>(postulate.auditValues());
            after.put("overdueDays", days);
            after.put("week", week.toString());
            after.put("told", told);
            events.publishEvent(new PostulateChanged(
                    PostulateAction.POSTULATE_REMINDER_SENT, id, postulate.regionId(), postulate.auditValues(), after));
            sent++;
        }
        return sent;
    }
}
