package pl.koordes.postulates.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.Page;
import pl.koordes.shared.web.PageFactory;

/**
 * "Przebieg": the postulate's public timeline, every step dated, oldest first, then how long it has been
 * waiting for an answer now. Four statements whatever the number of steps (the steps with the titles of
 * merged postulates, the postulate, the regions, the institutions).
 */
@Component
class TimelineSection implements PostulatePageSection {

    private record StepRow(
            StepKind kind,
            Instant at,
            @Nullable Long regionId,
            @Nullable Long institutionId,
            @Nullable Long otherId,
            @Nullable Long eventId,
            @Nullable String detail,
            @Nullable String otherTitle) {}

    private final JdbcClient jdbc;
    private final PostulateStore store;
    private final Directory directory;
    private final TemplateEngine templates;
    private final PageFactory pages;
    private final Clock clock;

    TimelineSection(
            JdbcClient jdbc,
            PostulateStore store,
            Directory directory,
            TemplateEngine templates,
            PageFactory pages,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
        this.templates = templates;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Content> render(PostulateReference reference, HttpServletRequest request) {
        Optional<Postulate> found = store.find(reference.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Postulate postulate = found.get();
        Page page = pages.of(request);
        List<TimelineEntry> entries = entries(page, steps(postulate.id()));
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        String waiting = null;
        if (postulate.status().awaitsAnswer() && postulate.forwardedAt() != null) {
            long overdue = postulate.daysOverdue(today);
            LocalDate forwarded = LocalDate.ofInstant(postulate.forwardedAt(), Formats.ZONE);
            waiting = overdue > 0
                    ? page.t("postulates.public.timeline.overdueNow", overdue)
                    : page.t("postulates.public.timeline.waitingNow", today.toEpochDay() - forwarded.toEpochDay());
        }
        Map<String, @Nullable Object> parameters = new HashMap<>();
        parameters.put("page", page);
        parameters.put("entries", entries);
        parameters.put("waiting", waiting);
        parameters.put("today", today);
        return Optional.of(output -> templates.render("postulates/accountability/timeline.jte", parameters, output));
    }

    private List<StepRow> steps(long id) {
        return jdbc.sql("""
                        select s.kind, s.at, s.region_id, s.institution_id, s.other_postulate_id, s.event_id,
                               s.detail, o.title as other_title
                        from postulates_step s
                        left join postulates_postulate o on o.id = s.other_postulate_id and o.status <> 'DRAFT'
                        where s.postulate_id = :id
                        order by s.at, s.id
                        """)
                .param("id", id)
                .query((rs, n) -> new StepRow(
                        StepKind.valueOf(rs.getString("kind")),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        (Long) rs.getObject("region_id"),
                        (Long) rs.getObject("institution_id"),
                        (Long) rs.getObject("other_postulate_id"),
                        (Long) rs.getObject("event_id"),
                        rs.getString("detail"),
                        rs.getString("other_title")))
                .list();
    }

    private List<TimelineEntry> entries(Page page, List<StepRow> steps) {
        if (steps.isEmpty()) {
            return List.of();
        }
        Map<Long, Region> regions = directory.regionsById();
        Map<Long, CentralInstitution> institutions = directory.centralInstitutions().stream()
                .collect(Collectors.toMap(CentralInstitution::id, Function.identity()));
        List<TimelineEntry> entries = new ArrayList<>();
        for (StepRow step : steps) {
            LocalDate date = LocalDate.ofInstant(step.at(), Formats.ZONE);
            String region = step.regionId() == null || !regions.containsKey(step.regionId())
                    ? "—"
                    : regions.get(step.regionId()).name(page.locale());
            String institution = step.institutionId() == null || !institutions.containsKey(step.institutionId())
                    ? "—"
                    : institutions.get(step.institutionId()).name();
            String key = "postulates.public.timeline." + step.kind().name();
            TimelineEntry entry = switch (step.kind()) {
                case DRAFTED, WITHDRAWN, OVERDUE -> new TimelineEntry(date, page.t(key), null, null);
                case SUBMITTED, COSIGNED, COSIGN_WITHDRAWN -> new TimelineEntry(date, page.t(key, region), null, null);
                case FORWARDED -> {
                    LocalDate due = date(step.detail());
                    yield due == null
                            ? new TimelineEntry(date, page.t(key + ".noDate", institution), null, null)
                            : new TimelineEntry(date, page.t(key, institution, Formats.date(due)), null, null);
                }
                case ANSWERED, ANSWER_CORRECTED -> {
                    PostulateStatus status = status(step.detail());
                    yield new TimelineEntry(
                            date,
                            status == null
                                    ? page.t(key + ".noStatus", institution)
                                    : page.t(key, institution, page.t("postulates.status." + status.name())),
                            null,
                            null);
                }
                case MERGED, MERGED_IN ->
                    new TimelineEntry(
                            date,
                            page.t(key),
                            step.otherId() == null || step.otherTitle() == null ? null : Postulate.path(step.otherId()),
                            step.otherTitle());
                case AGENDA ->
                    new TimelineEntry(
                            date,
                            page.t(key),
                            step.eventId() == null ? null : "/wydarzenia/" + step.eventId(),
                            step.eventId() == null ? null : page.t(key + ".link"));
            };
            entries.add(entry);
        }
        return entries;
    }

    private static @Nullable LocalDate date(@Nullable String detail) {
        if (detail == null || !detail.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(detail);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable PostulateStatus status(@Nullable String detail) {
        return Arrays.stream(PostulateStatus.values())
                .filter(s -> s.name().equals(detail))
                .findFirst()
                .orElse(null);
    }
}
