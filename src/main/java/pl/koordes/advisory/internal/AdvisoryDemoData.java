package pl.koordes.advisory.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.advisory.AdvisoryStatus;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.security.Role;
import pl.koordes.surveys.NeedLinkKind;
import pl.koordes.surveys.Needs;

/**
 * About twenty invented advisory cases across regions and topics in every state, with sessions, hours,
 * follow-up tasks and ratings. Dates are relative to the day the demo loads.
 */
@Component
@Order(130)
@ConditionalOnBooleanProperty("koordes.site.demo")
class AdvisoryDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdvisoryDemoData.class);
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoleHolders holders;
    private final DemoData demoData;
    private final Clock clock;
    private final Needs needs;

    AdvisoryDemoData(
            JdbcClient jdbc, Directory directory, RoleHolders holders, DemoData demoData, Clock clock, Needs needs) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.holders = holders;
        this.demoData = demoData;
        this.clock = clock;
        this.needs = needs;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("advisory")) {
            return;
        }
        Map<String, Region> regions = new HashMap<>();
        directory.regions().forEach(region -> regions.put(region.slug(), region));
        List<Long> topics = jdbc.sql("select id from advisory_topic order by position")
                .query(Long.class)
                .list();
        // In the order the accounts were made: the first demo expert (ekspert@) has małopolskie's cases, which
        // the route matrix names; the second (doradczyni@) has none of them.
        List<Long> experts = holders.active(List.of(Role.EXPERT), null).stream()
                .map(RoleHolders.Holder::accountId)
                .distinct()
                .sorted()
                .toList();
        List<Long> operators = holders.active(List.of(Role.EDITOR), null).stream()
                .map(RoleHolders.Holder::accountId)
                .toList();
        @Nullable Long operator = operators.isEmpty() ? null : operators.getFirst();
        for (int e = 0; e < experts.size(); e++) {
            long expert = experts.get(e);
            // The first expert covers every topic and region; the others a few topics in the south and west.
            List<Long> covered = e == 0 ? topics : topics.subList(Math.min(2, topics.size()), topics.size());
            covered.forEach(
                    topic -> jdbc.sql("insert into advisory_expert_topic (account_id, topic_id) values (:a, :t)")
                            .param("a", expert)
                            .param("t", topic)
                            .update());
            if (e > 0) {
                for (String slug : List.of("slaskie", "opolskie", "dolnoslaskie", "lubuskie", "podkarpackie")) {
                    Region covers = regions.get(slug);
                    if (covers != null) {
                        jdbc.sql("insert into advisory_expert_region (account_id, region_id) values (:a, :r)")
                                .param("a", expert)
                                .param("r", covers.id())
                                .update();
                    }
                }
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(WARSAW));
        int index = 0;
        for (AdvisoryDemoSpecs.Spec spec : AdvisoryDemoSpecs.SPECS) {
            Region region = regions.get(spec.region());
            if (region == null) {
                continue;
            }
            @Nullable
            Long coordinator = holders.active(List.of(Role.REGIONAL_COORDINATOR), region.id()).stream()
                    .findFirst()
                    .map(RoleHolders.Holder::accountId)
                    .orElse(null);
            @Nullable
            Long expert = experts.isEmpty()
                    ? null
                    : experts.get(spec.region().equals("malopolskie") ? 0 : index % experts.size());
            long request = request(spec, region.id(), topics.get(spec.topic() - 1), coordinator, operator, today);
            boolean assigned = spec.status() != AdvisoryStatus.SUBMITTED
                    && spec.status() != AdvisoryStatus.DECLINED
                    && spec.status() != AdvisoryStatus.WITHDRAWN;
            if (assigned && expert != null) {
                // A large group case outside małopolskie has every expert; the others one each.
                List<Long> team = spec.group() && !spec.region().equals("malopolskie") && spec.sessions() > 1
                        ? experts
                        : List.of(expert);
                for (long member : team) {
                    jdbc.sql("""
                                    insert into advisory_assignment (request_id, account_id, assigned_by, assigned_at)
                                    values (:r, :a, :by, :at)
                                    """)
                            .param("r", request)
                            .param("a", member)
                            .param("by", operator)
                            .param("at", at(today.minusDays(spec.daysAgo() - 3L), 10))
                            .update();
                }
            }
            for (int s = 0; s < spec.sessions(); s++) {
                LocalDate held = today.minusDays(Math.max(1, spec.daysAgo() - 10L - 20L * s));
                long session = session(request, expert, held, spec, s);
                if (s == 0) {
                    task(
                            request,
                            session,
                            coordinator,
                            held.plusDays(spec.status() == AdvisoryStatus.COMPLETED ? 14 : 21),
                            spec.status() == AdvisoryStatus.COMPLETED);
                }
            }
            index++;
        }
        requestFromNeed(topics, today);
        log.info("Loaded the advisory demo data: {} cases", AdvisoryDemoSpecs.SPECS.size());
    }

    /**
     * A waiting request made from a need of the surveys' demo data (a region's need nothing answers yet), linked
     * to it, so that the need's page and the case's page point at each other. Nothing when there is no such need.
     */
    private void requestFromNeed(List<Long> topics, LocalDate today) {
        record Source(long id, long region, String topic, String description) {}
        jdbc.sql("""
                        select n.id, n.region_id, n.topic, n.description from surveys_need n
                        join region g on g.id = n.region_id
                        where g.slug = 'lubelskie'
                          and not exists (select 1 from surveys_need_link l where l.need_id = n.id)
                        order by n.id limit 1
                        """)
                .query((rs, n) -> new Source(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
                .optional()
                .ifPresent(need -> {
                    @Nullable
                    Long coordinator = holders.active(List.of(Role.REGIONAL_COORDINATOR), need.region()).stream()
                            .findFirst()
                            .map(RoleHolders.Holder::accountId)
                            .orElse(null);
                    long request = jdbc.sql("""
                                    insert into advisory_request (region_id, topic_id, title, description, kind, mode,
                                        preferred_dates, people_concerned, need_id, status, requested_by, requested_at,
                                        updated_at)
                                    values (:region, :topic, :title, :description, 'GROUP', 'ONLINE', :dates, :people,
                                        :need, 'SUBMITTED', :by, :at, :at)
                                    returning id
                                    """)
                            .param("region", need.region())
                            .param("topic", topics.get(Math.min(2, topics.size() - 1)))
                            .param("title", need.topic())
                            .param("description", need.description())
                            .param("dates", "Dowolny dzień w drugiej połowie miesiąca.")
                            .param("people", "Zespół ROPS i ośrodki wsparcia ekonomii społecznej z regionu")
                            .param("need", need.id())
                            .param("by", coordinator)
                            .param("at", at(today.minusDays(2), 10))
                            .query(Long.class)
                            .single();
                    needs.link(need.id(), NeedLinkKind.ADVICE, request);
                });
    }

    private long request(
            AdvisoryDemoSpecs.Spec spec,
            long region,
            long topic,
            @Nullable Long coordinator,
            @Nullable Long operator,
            LocalDate today) {
        LocalDate requested = today.minusDays(spec.daysAgo());
        boolean decided = spec.status() != AdvisoryStatus.SUBMITTED && spec.status() != AdvisoryStatus.WITHDRAWN;
        boolean completed = spec.status() == AdvisoryStatus.COMPLETED;
        return jdbc.sql("""
                        insert into advisory_request (region_id, topic_id, title, description, kind, mode, preferred_dates,
                            people_concerned, status, decline_reason, scheduled_on, hours_limit, final_recommendation,
                            rating, rating_comment, rated_by, rated_at, requested_by, requested_at, decided_by,
                            decided_at, completed_at, updated_at)
                        values (:region, :topic, :title, :description, :kind, :mode, :dates, :people, :status, :reason,
                            :scheduled, :limit, :recommendation, :rating, :comment, :ratedBy, :ratedAt, :by, :at,
                            :decidedBy, :decidedAt, :completedAt, :at)
                        returning id
                        """)
                .param("region", region)
                .param("topic", topic)
                .param("title", spec.title())
                .param(
                        "description",
                        "Prosimy o wsparcie w sprawie: " + spec.title().toLowerCase(Locale.ROOT)
                                + ". Zespół ROPS przygotował wstępne materiały i chce omówić możliwe rozwiązania.")
                .param("kind", spec.group() ? "GROUP" : "INDIVIDUAL")
                .param("mode", spec.daysAgo() % 2 == 0 ? "ONLINE" : "IN_PERSON")
                .param("dates", "Najlepiej wtorki lub czwartki przed południem.")
                .param(
                        "people",
                        spec.group() ? "Zespół ROPS i przedstawiciele trzech powiatów" : "Dwie osoby z zespołu ROPS")
                .param("status", spec.status().name())
                .param(
                        "reason",
                        switch (spec.status()) {
                            case DECLINED ->
                                "Temat mieści się w zakresie szkolenia zaplanowanego na przyszły miesiąc; zapraszamy do udziału.";
                            case WITHDRAWN -> "Sprawę rozwiązaliśmy we własnym zakresie po rozmowie z gminami.";
                            default -> null;
                        })
                .param("scheduled", spec.status() == AdvisoryStatus.SCHEDULED ? today.plusDays(9) : null)
                .param(
                        "limit",
                        decided && spec.status() != AdvisoryStatus.DECLINED
                                ? new BigDecimal(spec.group() ? "16" : "8")
                                : null)
                .param(
                        "recommendation",
                        completed
                                ? "Wprowadzić uzgodnione zmiany do dokumentów i omówić je na najbliższym posiedzeniu komitetu."
                                : null)
                .param("rating", spec.rating())
                .param("comment", spec.rating() == null ? null : "Konkretne wskazówki, od razu do zastosowania.")
                .param("ratedBy", spec.rating() == null ? null : coordinator)
                .param(
                        "ratedAt",
                        spec.rating() == null ? null : at(today.minusDays(Math.max(1, spec.daysAgo() - 60L)), 12))
                .param("by", coordinator)
                .param("at", at(requested, 9))
                .param("decidedBy", decided ? operator : null)
                .param("decidedAt", decided ? at(requested.plusDays(2), 11) : null)
                .param("completedAt", completed ? at(today.minusDays(Math.max(2, spec.daysAgo() - 55L)), 15) : null)
                .query(Long.class)
                .single();
    }

    private long session(long request, @Nullable Long expert, LocalDate held, AdvisoryDemoSpecs.Spec spec, int number) {
        return jdbc.sql("""
                        insert into advisory_session (request_id, account_id, held_on, hours, mode, participants, summary,
                            recommendations, created_at, updated_at)
                        values (:r, :expert, :held, :hours, :mode, :participants, :summary, :recommendations, :at, :at)
                        returning id
                        """)
                .param("r", request)
                .param("expert", expert)
                .param("held", held)
                .param("hours", new BigDecimal(number == 0 ? "2.5" : "3.25"))
                .param("mode", spec.daysAgo() % 2 == 0 ? "ONLINE" : "IN_PERSON")
                .param("participants", spec.group() ? "Zespół ROPS, przedstawiciele powiatów" : "Zespół ROPS")
                .param(
                        "summary",
                        number == 0
                                ? "Omówiliśmy stan prac i dokumenty przygotowane przez region; ustaliliśmy zakres dalszej pracy."
                                : "Przeszliśmy przez poprawione dokumenty i przykłady z innych województw.")
                .param("recommendations", "Uzupełnić dane źródłowe i przygotować krótką notatkę dla komitetu.")
                .param("at", at(held, 17))
                .query(Long.class)
                .single();
    }

    private void task(long request, long session, @Nullable Long owner, LocalDate due, boolean done) {
        jdbc.sql("""
                        insert into advisory_task (request_id, session_id, description, owner_id, owner_name, due_on,
                            done_at, created_at)
                        values (:r, :s, :description, :owner, :name, :due, :done, :created)
                        """)
                .param("r", request)
                .param("s", session)
                .param("description", "Przygotować notatkę z ustaleń dla komitetu regionalnego")
                .param("owner", owner)
                .param("name", owner == null ? "Zespół ROPS" : "")
                .param("due", due)
                .param("done", done ? at(due.minusDays(1), 12) : null)
                .param("created", at(due.minusDays(14), 17))
                .update();
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        Instant instant = day.atTime(LocalTime.of(hour, 0)).atZone(WARSAW).toInstant();
        return instant.atOffset(ZoneOffset.UTC);
    }
}
