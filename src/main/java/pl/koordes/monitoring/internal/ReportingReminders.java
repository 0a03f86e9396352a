package pl.koordes.monitoring.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders to regions that have not submitted everything: one in the week before an open period's
 * deadline ({@code BEFORE}), one after it ({@code AFTER}). Each is claimed by inserting its row into
 * {@code monitoring_reminder} before the mail is queued in the same transaction, so however many nodes
 * run the job and however often, a region gets each reminder of a period once.
 */
@Service
public class ReportingReminders {

    /** How long before the deadline the first reminder goes. */
    static final int DAYS_BEFORE = 7;

    private final JdbcClient jdbc;
    private final ReportingPeriods periods;
    private final ReportingMail mail;

    ReportingReminders(JdbcClient jdbc, ReportingPeriods periods, ReportingMail mail) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.mail = mail;
    }

    /** Sends the reminders due on {@code today}; returns how many messages were queued. */
    @Transactional
    public int sendDue(LocalDate today) {
        int sent = 0;
        for (ReportingPeriod period : periods.all()) {
            if (!period.open() || today.isBefore(period.deadline().minusDays(DAYS_BEFORE))) {
                continue;
            }
            boolean overdue = today.isAfter(period.deadline());
            List<ReportingProgress> regions = periods.progress(period.id());
            for (ReportingProgress progress : regions) {
                if (progress.indicators() == 0 || progress.missing() == 0) {
                    continue;
                }
                int claimed = jdbc.sql("""
                                insert into monitoring_reminder (period_id, region_id, kind) values (:p, :r, :k)
                                on conflict do nothing""")
                        .param("p", period.id())
                        .param("r", progress.region().id())
                        .param("k", overdue ? "AFTER" : "BEFORE")
                        .update();
                if (claimed == 1) {
                    sent += mail.reminder(progress.region(), period, progress.missing(), overdue);
                }
            }
        }
        return sent;
    }
}
