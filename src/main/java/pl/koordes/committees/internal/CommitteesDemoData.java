package pl.koordes.committees.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
import pl.koordes.committees.Presence;
import pl.koordes.committees.internal.CommitteesDemoTexts.MeetingSpec;
import pl.koordes.committees.internal.CommitteesDemoTexts.MemberSpec;
import pl.koordes.committees.internal.CommitteesDemoTexts.ResolutionSpec;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.CommitteeTerm;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.shared.database.DemoData;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.time.PolishHolidays;

/**
 * The committees of małopolskie and śląskie at work over the past year: six meetings (one cancelled), one
 * convened and one in preparation; answers and attendance; in małopolskie a member absent without excuse three
 * times in a row, flagged and waiting for the marshal (in śląskie such a flag decided: kept); a member who joined
 * mid-way and one whose term ended; numbered resolutions, public and internal, with votes, presence and an
 * attachment; an opinion on the draft update of the region's programme; minutes adopted in two versions and
 * minutes sent for remarks. Every other committee gets the body kinds its members' sectors suggest. Dates are
 * relative to the day the demo loads.
 */
@Component
@Order(140)
@ConditionalOnBooleanProperty("koordes.site.demo")
class CommitteesDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommitteesDemoData.class);
    private static final ZoneId WARSAW = ZoneId.of("Europe/Warsaw");

    private final JdbcClient jdbc;
    private final Directory directory;
    private final RoleHolders holders;
    private final DemoData demoData;
    private final Clock clock;

    CommitteesDemoData(JdbcClient jdbc, Directory directory, RoleHolders holders, DemoData demoData, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.holders = holders;
        this.demoData = demoData;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoData.claim("committees")) {
            return;
        }
        // The directory's demo members come after the migration that set body kinds from sectors; a regional
        // public-benefit council delegates the foundation of the demo.
        jdbc.sql("""
                update committee_membership set body_kind = case sector
                    when 'PUBLIC_REGIONAL' then 'MARSHAL_OFFICE' when 'PUBLIC_STATE' then 'VOIVODE'
                    when 'LOCAL_GOVERNMENT' then 'LOCAL_GOVERNMENT' when 'SOCIAL_ECONOMY' then 'SOCIAL_ECONOMY_ENTITY'
                    when 'NGO' then 'PUBLIC_BENEFIT_COUNCIL' when 'COOPERATIVE' then 'COOPERATIVE_UNION'
                    when 'SCIENCE' then 'RESEARCH' when 'TRADE_UNION' then 'TRADE_UNION'
                    when 'EMPLOYERS' then 'EMPLOYERS' else 'OTHER' end
                where body_kind = 'OTHER'
                """).update();
        LocalDate today = LocalDate.now(clock.withZone(WARSAW));
        for (Region region : directory.regions()) {
            boolean malopolskie = "malopolskie".equals(region.slug());
            if (malopolskie || "slaskie".equals(region.slug())) {
                directory
                        .committee(region.id(), today)
                        .ifPresent(committee -> load(region, committee, malopolskie, today));
            }
        }
        log.info("Loaded the committees' demo data for małopolskie and śląskie");
    }

    private void load(Region region, CommitteeTerm committee, boolean malopolskie, LocalDate today) {
        @Nullable
        Long coordinator = holders.active(List.of(Role.REGIONAL_COORDINATOR), region.id()).stream()
                .findFirst()
                .map(RoleHolders.Holder::accountId)
                .orElse(null);
        List<LocalDate> dates = CommitteesDemoTexts.PAST.stream()
                .map(spec -> PolishHolidays.workingDayUntil(today.minusDays(spec.daysAgo())))
                .toList();
        long absentee = member(
                committee,
                malopolskie ? CommitteesDemoTexts.ABSENT_MALOPOLSKIE : CommitteesDemoTexts.ABSENT_SLASKIE,
                committee.termStart(),
                null,
                null);
        member(
                committee,
                malopolskie ? CommitteesDemoTexts.JOINED_MALOPOLSKIE : CommitteesDemoTexts.JOINED_SLASKIE,
                today.minusDays(120),
                null,
                null);
        member(
                committee,
                malopolskie ? CommitteesDemoTexts.ENDED_MALOPOLSKIE : CommitteesDemoTexts.ENDED_SLASKIE,
                committee.termStart(),
                today.minusDays(180),
                null);
        @Nullable Long linkedAccount = malopolskie ? committeeAccount(region) : null;
        if (malopolskie) {
            member(committee, CommitteesDemoTexts.LINKED_MALOPOLSKIE, committee.termStart(), null, linkedAccount);
        }
        jdbc.sql("""
                update committee_membership m set email = 'czlonek' || m.id || '@rkres-' || :slug || '.example'
                where m.committee_id = :committee and m.email is null
                """)
                .param("slug", region.slug())
                .param("committee", committee.id())
                .update();
        List<CommitteeSeat> seats = directory.seats(committee.id());

        List<Long> meetings = new ArrayList<>();
        Map<Long, List<Long>> present = new HashMap<>();
        for (int k = 0; k < CommitteesDemoTexts.PAST.size(); k++) {
            MeetingSpec spec = CommitteesDemoTexts.PAST.get(k);
            LocalDate day = dates.get(k);
            boolean cancelled = k == CommitteesDemoTexts.CANCELLED;
            long meeting = meeting(region, committee, spec, day, cancelled ? "CANCELLED" : "HELD", coordinator);
            meetings.add(meeting);
            if (cancelled) {
                continue;
            }
            List<Long> here = new ArrayList<>();
            for (int i = 0; i < seats.size(); i++) {
                CommitteeSeat seat = seats.get(i);
                if (!seat.sitsOn(day)) {
                    continue;
                }
                Presence presence = seat.id() == absentee
                        ? absenteePresence(malopolskie, k)
                        : (i + k) % 7 == 3 ? Presence.EXCUSED : Presence.PRESENT;
                if (presence == Presence.EXCUSED) {
                    answer(
                            meeting,
                            seat.id(),
                            "EXCUSED",
                            CommitteesDemoTexts.EXCUSE,
                            day.minusDays(3),
                            seat.accountId());
                }
                if (presence == Presence.PRESENT) {
                    here.add(seat.id());
                }
                jdbc.sql("""
                        insert into committee_attendance (meeting_id, membership_id, presence, recorded_by, recorded_at)
                        values (:m, :s, :p, :by, :at)
                        """)
                        .param("m", meeting)
                        .param("s", seat.id())
                        .param("p", presence.name())
                        .param("by", coordinator)
                        .param("at", at(day.plusDays(1), 9))
                        .update();
            }
            present.put(meeting, here);
        }
        flag(absentee, malopolskie, meetings, dates, coordinator);

        long convened = meeting(
                region,
                committee,
                CommitteesDemoTexts.CONVENED,
                PolishHolidays.workingDayFrom(today.plusDays(20)),
                "CONVENED",
                coordinator);
        for (int i = 0; i < seats.size(); i++) {
            CommitteeSeat seat = seats.get(i);
            if (seat.sitsOn(today) && seat.id() != absentee) {
                boolean excused = i == 1;
                answer(
                        convened,
                        seat.id(),
                        excused ? "EXCUSED" : "ATTENDING",
                        excused ? CommitteesDemoTexts.EXCUSE : null,
                        today.minusDays(2),
                        seat.accountId());
            }
        }
        jdbc.sql("""
                insert into committee_document (meeting_id, title, file_name, file_type, size_bytes, file_data,
                    uploaded_by, uploaded_at)
                values (:m, :title, 'plan-pracy-projekt.txt', 'text/plain', :size, :data, :by, :at)
                """)
                .param("m", convened)
                .param("title", CommitteesDemoTexts.DOCUMENT_TITLE)
                .param("size", bytes(CommitteesDemoTexts.DOCUMENT_TITLE).length)
                .param("data", bytes(CommitteesDemoTexts.DOCUMENT_TITLE))
                .param("by", coordinator)
                .param("at", at(today.minusDays(5), 10))
                .update();
        meeting(
                region,
                committee,
                CommitteesDemoTexts.DRAFT,
                PolishHolidays.workingDayFrom(today.plusDays(75)),
                "DRAFT",
                coordinator);

        CommitteesDemoResolutions resolutions = new CommitteesDemoResolutions(jdbc, region, committee, coordinator);
        for (ResolutionSpec spec : CommitteesDemoTexts.RESOLUTIONS) {
            long meeting = meetings.get(spec.meeting());
            resolutions.add(spec, meeting, dates.get(spec.meeting()), present.getOrDefault(meeting, List.of()), null);
        }
        int last = CommitteesDemoTexts.PAST.size() - 1;
        long lastMeeting = meetings.get(last);
        resolutions.add(
                new ResolutionSpec(
                        last, "OPINION", CommitteesDemoTexts.OPINION_TITLE, CommitteesDemoTexts.OPINION_BODY, true),
                lastMeeting,
                dates.get(last),
                present.getOrDefault(lastMeeting, List.of()),
                programmeDraft(region));
        CommitteeSeat remarking = seats.stream()
                .filter(seat -> linkedAccount != null && linkedAccount.equals(seat.accountId()))
                .findFirst()
                .orElse(seats.getFirst());
        resolutions.minutes(meetings.get(last - 1), dates.get(last - 1), meetings.get(last), today, remarking);
    }

    /** małopolskie: absent at the 2nd, 4th and 5th (the 3rd cancelled between), excused at the last; śląskie: absent at the first three held. */
    private static Presence absenteePresence(boolean malopolskie, int meeting) {
        if (malopolskie) {
            return switch (meeting) {
                case 0 -> Presence.PRESENT;
                case 1, 3, 4 -> Presence.ABSENT;
                default -> Presence.EXCUSED;
            };
        }
        return meeting <= 3 ? Presence.ABSENT : Presence.PRESENT;
    }

    /** The flag the three-absences rule raises for the absent member; in śląskie decided (kept) by the marshal. */
    private void flag(
            long absentee,
            boolean malopolskie,
            List<Long> meetings,
            List<LocalDate> dates,
            @Nullable Long coordinator) {
        List<Integer> streak = malopolskie ? List.of(1, 3, 4) : List.of(0, 1, 3);
        LocalDate raised = dates.get(streak.getLast()).plusDays(1);
        jdbc.sql("""
                insert into committee_absence_flag (membership_id, meeting_ids, raised_at, decision, decision_note,
                    decided_on, decided_by, decided_at)
                values (:s, :ids, :raised, :decision, :note, :on, :by, :at)
                """)
                .param("s", absentee)
                .param("ids", streak.stream().map(meetings::get).toArray(Long[]::new))
                .param("raised", at(raised, 9))
                .param("decision", malopolskie ? null : "KEPT")
                .param("note", malopolskie ? null : CommitteesDemoTexts.KEPT_NOTE)
                .param("on", malopolskie ? null : raised.plusDays(20))
                .param("by", malopolskie ? null : coordinator)
                .param("at", malopolskie ? null : at(raised.plusDays(21), 12))
                .update();
    }

    private long member(
            CommitteeTerm committee,
            MemberSpec spec,
            LocalDate start,
            @Nullable LocalDate end,
            @Nullable Long account) {
        return jdbc.sql("""
                        insert into committee_membership (committee_id, full_name, organisation, sector, function,
                            function_form, term_start, term_end, body_kind, account_id)
                        values (:committee, :name, :organisation, :sector, 'MEMBER', :form, :start, :end, :kind,
                            :account)
                        returning id
                        """)
                .param("committee", committee.id())
                .param("name", spec.fullName())
                .param("organisation", spec.organisation())
                .param("sector", spec.sector())
                .param("form", spec.form())
                .param("start", start)
                .param("end", end)
                .param("kind", spec.bodyKind())
                .param("account", account)
                .query(Long.class)
                .single();
    }

    private long meeting(
            Region region,
            CommitteeTerm committee,
            MeetingSpec spec,
            LocalDate day,
            String status,
            @Nullable Long coordinator) {
        boolean convened = !"DRAFT".equals(status);
        boolean held = "HELD".equals(status);
        boolean online = spec.daysAgo() % 60 == 30;
        return jdbc.sql("""
                        insert into committee_meeting (committee_id, region_id, title, starts_at, ends_at, place,
                            online_url, agenda, status, public_meeting, cancel_reason, convened_at, convened_by,
                            attendance_recorded_at, attendance_recorded_by, created_by, created_at, updated_at)
                        values (:committee, :region, :title, :starts, :ends, :place, :online, :agenda, :status,
                            :public, :reason, :convenedAt, :convenedBy, :recordedAt, :recordedBy, :by, :created,
                            :created)
                        returning id
                        """)
                .param("committee", committee.id())
                .param("region", region.id())
                .param("title", spec.title())
                .param("starts", at(day, 10))
                .param("ends", at(day, 13))
                .param("place", online ? null : "Sala konferencyjna ROPS, " + region.seat())
                .param("online", online ? "https://spotkania.example/rkres-" + region.slug() : null)
                .param("agenda", CommitteesDemoTexts.agenda(spec.title()))
                .param("status", status)
                .param("public", spec.publicMeeting())
                .param("reason", "CANCELLED".equals(status) ? CommitteesDemoTexts.CANCEL_REASON : null)
                .param("convenedAt", convened ? at(day.minusDays(14), 12) : null)
                .param("convenedBy", convened ? coordinator : null)
                .param("recordedAt", held ? at(day.plusDays(1), 9) : null)
                .param("recordedBy", held ? coordinator : null)
                .param("by", coordinator)
                .param("created", at(day.minusDays(convened ? 21 : 3), 9))
                .query(Long.class)
                .single();
    }

    private void answer(
            long meeting,
            long membership,
            String answer,
            @Nullable String reason,
            LocalDate day,
            @Nullable Long account) {
        jdbc.sql("""
                insert into committee_meeting_answer (meeting_id, membership_id, answer, reason, answered_by, answered_at)
                values (:m, :s, :a, :r, :by, :at)
                """)
                .param("m", meeting)
                .param("s", membership)
                .param("a", answer)
                .param("r", reason)
                .param("by", account)
                .param("at", at(day, 15))
                .update();
    }

    /** The demo committee member's account of the region (komitet.malopolskie@). */
    private @Nullable Long committeeAccount(Region region) {
        return holders.active(List.of(Role.COMMITTEE_MEMBER), region.id()).stream()
                .findFirst()
                .map(RoleHolders.Holder::accountId)
                .orElse(null);
    }

    /** The region's draft update of its programme (the monitoring demo has one in małopolskie and śląskie). */
    private @Nullable Long programmeDraft(Region region) {
        return jdbc.sql("""
                        select v.id from monitoring_programme_version v
                        join monitoring_programme p on p.id = v.programme_id
                        where p.region_id = :region and v.status = 'DRAFT' order by v.id limit 1
                        """)
                .param("region", region.id())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(WARSAW).toOffsetDateTime();
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
