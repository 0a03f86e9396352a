package pl.koordes.committees.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.ResolutionKind;
import pl.koordes.directory.CommitteeSeat;
import pl.koordes.directory.CommitteeTerm;
import pl.koordes.directory.Directory;
import pl.koordes.monitoring.ProgrammeDrafts;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * The secretary's work on resolutions and opinions: adding one with the next number of its region, kind and year,
 * editing it (read at a row version: a change made meanwhile is a conflict) and removing it. Numbers are given under
 * a transaction-scoped advisory lock of the region, kind and year, so that secretaries adding at once wait for each
 * other and each gets the next number (the unique constraint stays the last guard). Every change is audited
 * ({@link CommitteeChanged}). Who may do it is the controller's question ({@link CommitteePermissions#canManage}).
 */
@Service
public class ResolutionManagement {

    private final JdbcClient jdbc;
    private final ResolutionStore store;
    private final Directory directory;
    private final ProgrammeDrafts drafts;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ResolutionManagement(
            JdbcClient jdbc,
            ResolutionStore store,
            Directory directory,
            ProgrammeDrafts drafts,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.directory = directory;
        this.drafts = drafts;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Today in Europe/Warsaw. */
    public LocalDate today() {
        return clock.instant().atZone(Formats.ZONE).toLocalDate();
    }

    /**
     * Adds a resolution or opinion of the region's committee with the next number of its kind and year.
     *
     * @return its id
     */
    @Transactional
    public long add(long userId, long regionId, ResolutionForm form) {
        ResolutionKind kind = Objects.requireNonNull(form.kind());
        LocalDate adoptedOn = Objects.requireNonNull(form.adoptedOn());
        CommitteeTerm committee = checked(regionId, form, null);
        int year = adoptedOn.getYear();
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(:region, :key)) locked")
                .param("region", (int) regionId)
                .param("key", kind.ordinal() * 10_000 + year)
                .query(Integer.class)
                .single();
        int number = jdbc.sql("""
                        select coalesce(max(number), 0) + 1 from committee_resolution
                        where region_id = :region and kind = :kind and year = :year
                        """)
                .param("region", regionId)
                .param("kind", kind.name())
                .param("year", year)
                .query(Integer.class)
                .single();
        long id = jdbc.sql("""
                        insert into committee_resolution (committee_id, region_id, meeting_id, kind, number, year, title,
                            body, adopted_on, votes_for, votes_against, votes_abstaining, public_resolution,
                            programme_version_id, created_by, created_at, updated_at)
                        values (:committee, :region, :meeting, :kind, :number, :year, :title, :body, :adopted, :for,
                            :against, :abstaining, :public, :programme, :by, :now, :now)
                        returning id
                        """)
                .param("committee", committee.id())
                .param("region", regionId)
                .param("meeting", form.meetingId())
                .param("kind", kind.name())
                .param("number", number)
                .param("year", year)
                .param("title", form.titleText())
                .param("body", form.bodyText())
                .param("adopted", adoptedOn)
                .param("for", form.votesFor())
                .param("against", form.votesAgainst())
                .param("abstaining", form.votesAbstaining())
                .param("public", form.publicChosen())
                .param("programme", form.programmeVersionId())
                .param("by", userId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        savePresent(id, form.presentIdList());
        Resolution after = found(regionId, id);
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_RESOLUTION_ADDED,
                CommitteeChanged.RESOLUTION,
                id,
                regionId,
                null,
                after.auditValues(form.presentIdList().size())));
        return id;
    }

    /**
     * Saves the form over a resolution read at {@code form.version()}. Its kind and year stay (they make its
     * number): a date in another year is refused.
     *
     * @throws Refused a conflict when it changed since the form was read
     */
    @Transactional
    public void update(long regionId, long id, ResolutionForm form) {
        Resolution before = jdbc.sql("select " + Resolution.COLUMNS + " from committee_resolution r"
                        + " where r.id = :id and r.region_id = :region for update")
                .param("id", id)
                .param("region", regionId)
                .query(Resolution::of)
                .optional()
                .orElseThrow(() -> new NotFound("committee resolution", id));
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("committees.resolutions.stale");
        }
        if (form.kind() != before.kind()) {
            throw Refused.field("kind", "committees.resolutions.kind.fixed");
        }
        if (Objects.requireNonNull(form.adoptedOn()).getYear() != before.year()) {
            throw Refused.field("adoptedOn", "committees.resolutions.adoptedOn.year");
        }
        checked(regionId, form, before.programmeVersionId());
        int presentBefore = store.present(id).size();
        jdbc.sql("""
                        update committee_resolution set meeting_id = :meeting, title = :title, body = :body,
                            adopted_on = :adopted, votes_for = :for, votes_against = :against,
                            votes_abstaining = :abstaining, public_resolution = :public, programme_version_id = :programme,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("meeting", form.meetingId())
                .param("title", form.titleText())
                .param("body", form.bodyText())
                .param("adopted", form.adoptedOn())
                .param("for", form.votesFor())
                .param("against", form.votesAgainst())
                .param("abstaining", form.votesAbstaining())
                .param("public", form.publicChosen())
                .param("programme", form.programmeVersionId())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        jdbc.sql("delete from committee_resolution_presence where resolution_id = :r")
                .param("r", id)
                .update();
        savePresent(id, form.presentIdList());
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_RESOLUTION_UPDATED,
                CommitteeChanged.RESOLUTION,
                id,
                regionId,
                before.auditValues(presentBefore),
                found(regionId, id).auditValues(form.presentIdList().size())));
    }

    /** Removes a resolution with its attachments and presence; its number is not given again. */
    @Transactional
    public Resolution remove(long regionId, long id) {
        Resolution before = found(regionId, id);
        int present = store.present(id).size();
        jdbc.sql("delete from committee_resolution where id = :id")
                .param("id", id)
                .update();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_RESOLUTION_REMOVED,
                CommitteeChanged.RESOLUTION,
                id,
                regionId,
                before.auditValues(present),
                null));
        return before;
    }

    /** The members who sat on the region's committee on the day: whom the vote may count. */
    public List<CommitteeSeat> sittingOn(long regionId, LocalDate day) {
        return directory
                .committee(regionId, day)
                .map(c -> directory.seats(c.id()).stream()
                        .filter(s -> s.sitsOn(day))
                        .toList())
                .orElse(List.of());
    }

    /**
     * The committee the resolution belongs to (the one whose term covers its date), after checking the meeting,
     * the members present and the programme draft against the database.
     */
    private CommitteeTerm checked(long regionId, ResolutionForm form, @Nullable Long programmeBefore) {
        LocalDate day = Objects.requireNonNull(form.adoptedOn());
        if (day.isAfter(today())) {
            throw Refused.field("adoptedOn", "committees.resolutions.adoptedOn.future");
        }
        CommitteeTerm committee = directory
                .committee(regionId, day)
                .filter(c -> c.covers(day))
                .orElseThrow(() -> Refused.field("adoptedOn", "committees.resolutions.adoptedOn.noTerm"));
        if (form.meetingId() != null && store.heldOn(regionId, form.meetingId()).isEmpty()) {
            throw Refused.field("meetingId", "committees.resolutions.meeting.unknown");
        }
        Set<Long> sitting = directory.seats(committee.id()).stream()
                .filter(s -> s.sitsOn(day))
                .map(CommitteeSeat::id)
                .collect(Collectors.toSet());
        if (!sitting.containsAll(form.presentIdList())) {
            throw Refused.field("presentIds", "committees.resolutions.present.notSitting");
        }
        Long programme = form.programmeVersionId();
        if (programme != null
                && !programme.equals(programmeBefore)
                && drafts.draft(regionId).map(d -> d.id() != programme).orElse(true)) {
            throw Refused.field("programmeVersionId", "committees.resolutions.programme.unknown");
        }
        return committee;
    }

    private void savePresent(long id, List<Long> present) {
        for (Long membership : present) {
            jdbc.sql("insert into committee_resolution_presence (resolution_id, membership_id) values (:r, :m)")
                    .param("r", id)
                    .param("m", membership)
                    .update();
        }
    }

    private Resolution found(long regionId, long id) {
        return store.find(regionId, id, true).orElseThrow(() -> new NotFound("committee resolution", id));
    }

    /** The values an audit line keeps of an attachment. */
    static Map<String, @Nullable Object> attachmentValues(long attachmentId, String fileName, int size) {
        return Map.of("attachmentId", attachmentId, "fileName", fileName, "sizeBytes", size);
    }
}
