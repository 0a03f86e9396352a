package pl.koordes.advisory.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import pl.koordes.advisory.AdvisoryChanged;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.shared.i18n.Messages;

/**
 * "Doradztwo w liczbach" on the public region page: the region's cases by stage (completed, in progress,
 * waiting), its counted hours this year and in total, and the names of the topics it was advised on. Public
 * figures only: no titles, no contents, no names, nothing about the visitor. Every region's figures are read in
 * two statements and kept half a minute (a change of a case on this node forgets them), so a region page
 * usually reads nothing for it.
 */
@Component
public class ReportingRegionSection implements RegionPageSection {

    /** How long the figures are kept before they are read again. */
    private static final Duration KEPT = Duration.ofSeconds(30);

    /** A region's public figures. */
    public record Figures(
            long completed,
            long inProgress,
            long waiting,
            BigDecimal hoursThisYear,
            BigDecimal hoursTotal,
            List<String> topicsPl,
            List<String> topicsEn) {

        static final Figures NONE = new Figures(0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of());

        public boolean empty() {
            return completed + inProgress + waiting == 0 && hoursTotal.signum() == 0;
        }

        public List<String> topics(Locale locale) {
            return locale.getLanguage().equals("en") ? topicsEn : topicsPl;
        }
    }

    private record Read(Map<Long, Figures> byRegion, Instant at) {}

    private final JdbcClient jdbc;
    private final TemplateEngine templates;
    private final Messages messages;
    private final Clock clock;
    private volatile @Nullable Read read;

    ReportingRegionSection(JdbcClient jdbc, TemplateEngine templates, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public int order() {
        // After the programme (20), the events (30) and the postulates (40).
        return 50;
    }

    @Override
    public Optional<Content> render(Region region, Locale locale) {
        Figures figures = figures().getOrDefault(region.id(), Figures.NONE);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("messages", messages);
        parameters.put("locale", locale);
        parameters.put("f", figures);
        parameters.put(
                "year",
                Integer.toString(
                        LocalDate.now(clock.withZone(ReportingQueries.WARSAW)).getYear()));
        return Optional.of(output -> templates.render("advisory/reporting/regionSection.jte", parameters, output));
    }

    /** Every region's figures, kept {@link #KEPT}. */
    Map<Long, Figures> figures() {
        Instant now = clock.instant();
        Read current = read;
        if (current == null || current.at().plus(KEPT).isBefore(now)) {
            current = new Read(
                    readAll(LocalDate.now(clock.withZone(ReportingQueries.WARSAW))
                            .getYear()),
                    now);
            read = current;
        }
        return current.byRegion();
    }

    private Map<Long, Figures> readAll(int year) {
        Map<Long, Figures> byRegion = new HashMap<>();
        jdbc.sql("""
                        with c as (
                            select region_id,
                                   count(*) filter (where status = 'COMPLETED') as completed,
                                   count(*) filter (where status = 'IN_PROGRESS') as in_progress,
                                   count(*) filter (where status in ('SUBMITTED', 'ACCEPTED', 'SCHEDULED')) as waiting
                            from advisory_request group by region_id
                        ), h as (
                            select r.region_id,
                                   coalesce(sum(x.hours) filter (where x.held_on >= :since and x.held_on < :to), 0)
                                       as this_year,
                                   sum(x.hours) as total
                            from advisory_session x join advisory_request r on r.id = x.request_id
                            where x.consent is null or x.consent = 'GRANTED'
                            group by r.region_id
                        )
                        select coalesce(c.region_id, h.region_id) as region_id, coalesce(c.completed, 0) as completed,
                               coalesce(c.in_progress, 0) as in_progress, coalesce(c.waiting, 0) as waiting,
                               coalesce(h.this_year, 0) as this_year, coalesce(h.total, 0) as total
                        from c full join h on h.region_id = c.region_id
                        """)
                .param("since", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query(rs -> {
                    byRegion.put(
                            rs.getLong("region_id"),
                            new Figures(
                                    rs.getLong("completed"),
                                    rs.getLong("in_progress"),
                                    rs.getLong("waiting"),
                                    rs.getBigDecimal("this_year"),
                                    rs.getBigDecimal("total"),
                                    new ArrayList<>(),
                                    new ArrayList<>()));
                });
        // The topics of the cases the operator took up (accepted and after), each once, in the list's order.
        jdbc.sql("""
                        select distinct r.region_id, t.position, t.id, t.name_pl, t.name_en
                        from advisory_request r join advisory_topic t on t.id = r.topic_id
                        where r.status in ('ACCEPTED', 'SCHEDULED', 'IN_PROGRESS', 'COMPLETED')
                        order by r.region_id, t.position, t.id
                        """).query(rs -> {
            Figures figures = byRegion.get(rs.getLong("region_id"));
            if (figures != null) {
                figures.topicsPl().add(rs.getString("name_pl"));
                figures.topicsEn().add(rs.getString("name_en"));
            }
        });
        Map<Long, Figures> kept = new HashMap<>();
        byRegion.forEach((region, f) -> kept.put(
                region,
                new Figures(
                        f.completed(),
                        f.inProgress(),
                        f.waiting(),
                        f.hoursThisYear(),
                        f.hoursTotal(),
                        List.copyOf(f.topicsPl()),
                        List.copyOf(f.topicsEn()))));
        return Map.copyOf(kept);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void forget(AdvisoryChanged changed) {
        read = null;
    }
}
