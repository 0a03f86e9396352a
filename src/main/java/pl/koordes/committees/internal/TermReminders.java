package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.security.Role;

/**
 * Term-end reminders: three months before a member's term ends (their own last day, or the committee's term end
 * when that comes first), the region's coordinators are told by e-mail and in the application, once per membership
 * and date ({@code committee_term_reminder}); audited {@code COMMITTEE_TERM_REMINDED}. A date moved later is a new
 * date and is reminded again.
 */
@Service
public class TermReminders {

    static final String TEMPLATE = "committees/composition/mail/committeeTermEnding";
    /** How long before a term's end the coordinators are reminded. */
    static final int MONTHS_BEFORE = 3;

    /** A membership whose term ends within the reminder's reach, not yet reminded of that date. */
    record Due(long membershipId, long regionId, String regionSlug, String fullName, LocalDate termEnd) {}

    private final JdbcClient jdbc;
    private final RoleHolders holders;
    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TermReminders(
            JdbcClient jdbc,
            RoleHolders holders,
            Mailer mailer,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.holders = holders;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The memberships to remind of today, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Due> due(LocalDate today, int limit) {
        return jdbc.sql("""
                        select * from (
                            select m.id, c.region_id, r.slug, m.full_name,
                                   least(coalesce(m.term_end, c.term_end), c.term_end) as ends
                            from committee_membership m
                            join committee c on c.id = m.committee_id
                            join region r on r.id = c.region_id
                            where m.term_start <= :horizon
                        ) d
                        where d.ends >= :today and d.ends <= :horizon
                          and not exists (select 1 from committee_term_reminder t
                                          where t.membership_id = d.id and t.term_end = d.ends)
                        order by d.ends, d.id limit :limit
                        """)
                .param("today", today)
                .param("horizon", today.plusMonths(MONTHS_BEFORE))
                .param("limit", limit)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("region_id"),
                        rs.getString("slug"),
                        rs.getString("full_name"),
                        rs.getObject("ends", LocalDate.class)))
                .list();
    }

    /**
     * Reminds the region's coordinators of one membership's end, in a transaction of its own; nothing when another
     * turn (or node) reminded of it meanwhile.
     *
     * @return whether this turn reminded of it (false: it was reminded of before)
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean remind(Due due) {
        int claimed = jdbc.sql("""
                        insert into committee_term_reminder (membership_id, term_end, sent_at) values (:m, :end, :now)
                        on conflict do nothing
                        """)
                .param("m", due.membershipId())
                .param("end", due.termEnd())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            return false;
        }
        String path = "/komitet/" + due.regionSlug() + "/sklad#czlonek-" + due.membershipId();
        List<RoleHolders.Holder> coordinators = holders.active(List.of(Role.REGIONAL_COORDINATOR), due.regionId());
        for (RoleHolders.Holder holder : coordinators) {
            Locale locale = Language.fromCode(holder.language()).locale();
            Map<String, Object> model = new HashMap<>();
            model.put("memberName", due.fullName());
            model.put("termEnd", Formats.date(due.termEnd()));
            model.put("path", path);
            mailer.send(holder.email(), locale, TEMPLATE, model);
            events.publishEvent(NoticeRequested.of(
                    holder.accountId(),
                    "committee-term-ending",
                    messages.get(
                            locale,
                            "committees.composition.notice.termEnding",
                            due.fullName(),
                            Formats.date(due.termEnd())),
                    path,
                    clock.instant()));
        }
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("termEnd", due.termEnd().toString());
        after.put("reminded", coordinators.size());
        events.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_TERM_REMINDED,
                CommitteeChanged.MEMBERSHIP,
                due.membershipId(),
                due.regionId(),
                null,
                after));
        return true;
    }
}
