package pl.koordes.committees.internal;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.committees.ResolutionKind;
import pl.koordes.directory.Region;
import pl.koordes.directory.RegionPageSection;
import pl.koordes.shared.i18n.Messages;

/**
 * The committee's work on the public region page (accountability): its meetings of the past year and those to
 * come (convened and held; a cancelled one as cancelled; drafts never), how many members were present of how
 * many sat on the committee that day, and the resolutions and opinions marked public. Counts only: no names,
 * no contacts, nothing internal. One statement for the whole section.
 */
@Component
public class CommitteeRegionSection implements RegionPageSection {

    /** How many meetings and public resolutions the section lists at most (the latest). */
    static final int LIMIT = 24;

    /** A meeting as the public sees it; the counts are of a held meeting only. */
    public record PublicMeeting(
            long id,
            String title,
            Instant startsAt,
            MeetingStatus status,
            @Nullable Long eventId,
            int present,
            int sitting,
            List<PublicDocument> documents) {

        PublicMeeting with(List<PublicDocument> documents) {
            return new PublicMeeting(id, title, startsAt, status, eventId, present, sitting, documents);
        }
    }

    /** A document of a public meeting marked public (the agenda's annexes): anyone may download it. */
    public record PublicDocument(long id, long meetingId, String title) {}

    /** An adopted resolution or opinion marked public. */
    public record PublicResolution(
            long id, ResolutionKind kind, int number, int year, String title, LocalDate adoptedOn) {}

    private final JdbcClient jdbc;
    private final TemplateEngine templates;
    private final Messages messages;
    private final Clock clock;

    CommitteeRegionSection(JdbcClient jdbc, TemplateEngine templates, Messages messages, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public int order() {
        // After the programme (20) and the events (30), before the postulates (40).
        return 35;
    }

    @Override
    public Optional<Content> render(Region region, Locale locale) {
        List<PublicMeeting> meetings = new ArrayList<>();
        List<PublicResolution> resolutions = new ArrayList<>();
        Map<Long, List<PublicDocument>> documents = new HashMap<>();
        jdbc.sql("""
                        (select 'M' as row_kind, m.id, m.title, m.starts_at, m.status, m.event_id,
                                case when m.public_meeting then m.event_id end as public_event,
                                (select count(*) from committee_attendance a
                                 where a.meeting_id = m.id and a.presence = 'PRESENT') as present,
                                (select count(*) from committee_membership s where s.committee_id = m.committee_id
                                   and s.term_start <= (m.starts_at at time zone 'Europe/Warsaw')::date
                                   and (s.term_end is null
                                        or s.term_end >= (m.starts_at at time zone 'Europe/Warsaw')::date)) as sitting,
                                null as kind, 0 as number, 0 as year, null::date as adopted_on
                         from committee_meeting m
                         where m.region_id = :region and m.status <> 'DRAFT' and m.starts_at >= :since
                         order by m.starts_at desc, m.id desc limit :limit)
                        union all
                        (select 'R', r.id, r.title, null, null, null, null, 0, 0, r.kind, r.number, r.year, r.adopted_on
                         from committee_resolution r
                         where r.region_id = :region and r.public_resolution
                         order by r.adopted_on desc, r.id desc limit :limit)
                        union all
                        (select 'D', d.id, d.title, null, null, d.meeting_id, null, 0, 0, null, 0, 0, null
                         from committee_document d join committee_meeting m on m.id = d.meeting_id
                         where m.region_id = :region and m.public_meeting and d.public_document
                           and m.status <> 'DRAFT' and m.starts_at >= :since
                         order by d.id limit :documents)
                        """)
                .param("region", region.id())
                .param("since", OffsetDateTime.now(clock).minusYears(1))
                .param("limit", LIMIT)
                .param("documents", LIMIT * 4)
                .query(rs -> {
                    String rowKind = rs.getString("row_kind");
                    if ("D".equals(rowKind)) {
                        // A document's row carries its meeting in the event_id column of the union.
                        long meeting = rs.getLong("event_id");
                        documents
                                .computeIfAbsent(meeting, m -> new ArrayList<>())
                                .add(new PublicDocument(rs.getLong("id"), meeting, rs.getString("title")));
                    } else if ("M".equals(rowKind)) {
                        meetings.add(new PublicMeeting(
                                rs.getLong("id"),
                                rs.getString("title"),
                                rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
                                MeetingStatus.valueOf(rs.getString("status")),
                                rs.getObject("public_event", Long.class),
                                rs.getInt("present"),
                                rs.getInt("sitting"),
                                List.of()));
                    } else {
                        resolutions.add(new PublicResolution(
                                rs.getLong("id"),
                                ResolutionKind.valueOf(rs.getString("kind")),
                                rs.getInt("number"),
                                rs.getInt("year"),
                                rs.getString("title"),
                                rs.getObject("adopted_on", LocalDate.class)));
                    }
                });
        meetings.replaceAll(meeting -> meeting.with(List.copyOf(documents.getOrDefault(meeting.id(), List.of()))));
        meetings.sort(Comparator.comparing(PublicMeeting::startsAt).reversed());
        resolutions.sort(Comparator.comparing(PublicResolution::adoptedOn).reversed());
        if (meetings.isEmpty() && resolutions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("messages", messages);
        model.put("locale", locale);
        model.put("region", region);
        model.put("meetings", meetings);
        model.put("resolutions", resolutions);
        return Optional.of(output -> templates.render("committees/composition/regionSection.jte", model, output));
    }
}
