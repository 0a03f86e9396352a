package pl.koordes.monitoring.internal;

import static pl.koordes.monitoring.internal.ProgrammeChanges.fingerprint;
import static pl.koordes.monitoring.internal.ProgrammeChanges.versionSnapshot;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.monitoring.MonitoringAction;
import pl.koordes.monitoring.MonitoringChanged;
import pl.koordes.monitoring.internal.ProgrammeForms.AdoptForm;
import pl.koordes.monitoring.internal.ProgrammeForms.DetailsForm;
import pl.koordes.monitoring.internal.ProgrammeForms.OpinionForm;
import pl.koordes.monitoring.internal.ProgrammeViews.Version;
import pl.koordes.shared.outcome.Refused;

/**
 * Changes to regional programmes' versions: creating one, starting an update (a draft copied from the
 * current version with every goal's and action's lineage, mappings, indicators and targets), the draft's
 * details, the committee's opinion, adopting and discarding it; the draft's content changes in
 * {@link ProgrammeContentManagement}. Only a draft changes; every change checks the draft's
 * {@code row_version} as the person saw it and raises it, and publishes {@link MonitoringChanged} with the
 * values before and after ({@link ProgrammeChanges}).
 */
@Service
public class ProgrammeManagement {

    private final JdbcClient jdbc;
    private final ProgrammeStore store;
    private final ProgrammeChanges changes;
    private final Clock clock;

    ProgrammeManagement(JdbcClient jdbc, ProgrammeStore store, ProgrammeChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    // Programmes and versions

    /** A region without a programme gets one, with a first draft version; answers the draft's id. */
    @Transactional
    public long createProgramme(long regionId, long userId, DetailsForm form) {
        if (store.programmeOf(regionId).isPresent()) {
            throw Refused.conflict("monitoring.programmes.exists");
        }
        long programmeId = jdbc.sql("insert into monitoring_programme (region_id) values (:r) returning id")
                .param("r", regionId)
                .query(Long.class)
                .single();
        changes.publish(
                MonitoringAction.MONITORING_PROGRAMME_CREATED,
                "programme",
                programmeId,
                regionId,
                null,
                Map.of("region", regionId));
        long versionId = jdbc.sql("""
                        insert into monitoring_programme_version
                            (programme_id, number, status, name, period_start, period_end, rationale, created_by)
                        values (:p, 1, 'DRAFT', :name, :start, :end, :rationale, :by) returning id""")
                .param("p", programmeId)
                .param("name", form.name())
                .param("start", form.periodStart())
                .param("end", form.periodEnd())
                .param("rationale", form.rationale())
                .param("by", userId)
                .query(Long.class)
                .single();
        changes.publish(
                MonitoringAction.MONITORING_VERSION_DRAFTED,
                "programme-version",
                versionId,
                regionId,
                null,
                versionSnapshot(1, VersionStatus.DRAFT, form.name(), form.periodStart(), form.periodEnd(), null, null));
        return versionId;
    }

    /** Starts an update: a draft copying the current version whole. Answers the draft's id. */
    @Transactional
    public long startUpdate(long regionId, long userId, String rationale) {
        List<Version> versions = store.versions(regionId);
        if (ProgrammeStore.withStatus(versions, VersionStatus.DRAFT).isPresent()) {
            throw Refused.conflict("monitoring.programmes.draftExists");
        }
        Version current = ProgrammeStore.withStatus(versions, VersionStatus.CURRENT)
                .orElseThrow(() -> Refused.because("monitoring.programmes.noCurrent"));
        int number = versions.stream().mapToInt(Version::number).max().orElse(0) + 1;
        long draft = jdbc.sql("""
                        insert into monitoring_programme_version
                            (programme_id, number, status, name, period_start, period_end, rationale, created_by)
                        values (:p, :n, 'DRAFT', :name, :start, :end, :rationale, :by) returning id""")
                .param("p", current.programmeId())
                .param("n", number)
                .param("name", current.name())
                .param("start", current.periodStart())
                .param("end", current.periodEnd())
                .param("rationale", rationale)
                .param("by", userId)
                .query(Long.class)
                .single();
        copyContent(current.id(), draft);
        Map<String, @Nullable Object> after = versionSnapshot(
                number, VersionStatus.DRAFT, current.name(), current.periodStart(), current.periodEnd(), null, null);
        after.put("copiedFrom", current.number());
        changes.publish(MonitoringAction.MONITORING_VERSION_DRAFTED, "programme-version", draft, regionId, null, after);
        return draft;
    }

    /** Copies goals, actions, mappings, indicators and targets, keeping each goal's and action's lineage. */
    private void copyContent(long from, long to) {
        jdbc.sql("""
                        insert into monitoring_goal (version_id, lineage, position, name, description)
                        select :to, lineage, position, name, description from monitoring_goal where version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_action (goal_id, lineage, position, name, description)
                        select ng.id, a.lineage, a.position, a.name, a.description
                        from monitoring_action a
                        join monitoring_goal og on og.id = a.goal_id
                        join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        where og.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_action_direction (action_id, direction_id)
                        select na.id, ad.direction_id
                        from monitoring_action_direction ad
                        join monitoring_action oa on oa.id = ad.action_id
                        join monitoring_goal og on og.id = oa.goal_id
                        join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        join monitoring_action na on na.goal_id = ng.id and na.lineage = oa.lineage
                        where og.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_version_indicator
                            (version_id, indicator_id, goal_id, position, name, unit, baseline, baseline_year,
                             improvement, time_rule, source, national_indicator_id, region_rule)
                        select :to, vi.indicator_id, ng.id, vi.position, vi.name, vi.unit, vi.baseline, vi.baseline_year,
                               vi.improvement, vi.time_rule, vi.source, vi.national_indicator_id, vi.region_rule
                        from monitoring_version_indicator vi
                        left join monitoring_goal og on og.id = vi.goal_id
                        left join monitoring_goal ng on ng.version_id = :to and ng.lineage = og.lineage
                        where vi.version_id = :from""").param("to", to).param("from", from).update();
        jdbc.sql("""
                        insert into monitoring_target (version_id, indicator_id, year, value)
                        select :to, indicator_id, year, value from monitoring_target where version_id = :from""").param("to", to).param("from", from).update();
    }

    @Transactional
    public void updateDetails(Version draft, DetailsForm form) {
        changes.lock(draft, form.rowVersion());
        jdbc.sql("""
                        update monitoring_programme_version
                        set name = :name, period_start = :start, period_end = :end, rationale = :rationale
                        where id = :id""")
                .param("name", form.name())
                .param("start", form.periodStart())
                .param("end", form.periodEnd())
                .param("rationale", form.rationale())
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> before = versionSnapshot(draft);
        before.put("rationale", fingerprint(draft.rationale()));
        Map<String, @Nullable Object> after = versionSnapshot(
                draft.number(), draft.status(), form.name(), form.periodStart(), form.periodEnd(), null, null);
        after.put("rationale", fingerprint(form.rationale()));
        changes.publish(
                MonitoringAction.MONITORING_VERSION_UPDATED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                before,
                after);
    }

    @Transactional
    public void recordOpinion(Version draft, OpinionForm form) {
        changes.lock(draft, form.rowVersion());
        jdbc.sql("""
                        update monitoring_programme_version set committee_opinion = :o, committee_opinion_date = :d
                        where id = :id""")
                .param("o", form.opinion())
                .param("d", form.opinionDate())
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        before.put("number", draft.number());
        before.put("opinion", fingerprint(draft.committeeOpinion()));
        before.put("opinionDate", Objects.toString(draft.committeeOpinionDate(), null));
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        after.put("number", draft.number());
        after.put("opinion", fingerprint(form.opinion()));
        after.put("opinionDate", Objects.toString(form.opinionDate(), null));
        changes.publish(
                MonitoringAction.MONITORING_COMMITTEE_OPINION_RECORDED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                before,
                after);
    }

    /** The draft becomes current, the current one superseded; every version stays readable. */
    @Transactional
    public void adopt(Version draft, AdoptForm form) {
        changes.lock(draft, form.rowVersion());
        List<Version> versions = store.versions(draft.regionId());
        Version current =
                ProgrammeStore.withStatus(versions, VersionStatus.CURRENT).orElse(null);
        if (current != null) {
            jdbc.sql(
                            "update monitoring_programme_version set status = 'SUPERSEDED', row_version = row_version + 1 where id = :id")
                    .param("id", current.id())
                    .update();
        }
        jdbc.sql("""
                        update monitoring_programme_version
                        set status = 'CURRENT', resolution_number = :n, resolution_date = :d, adopted_at = :at
                        where id = :id""")
                .param("n", form.resolutionNumber())
                .param("d", form.resolutionDate())
                .param("at", OffsetDateTime.now(clock))
                .param("id", draft.id())
                .update();
        Map<String, @Nullable Object> after = versionSnapshot(
                draft.number(),
                VersionStatus.CURRENT,
                draft.name(),
                draft.periodStart(),
                draft.periodEnd(),
                form.resolutionNumber(),
                Objects.toString(form.resolutionDate(), null));
        if (current != null) {
            after.put("superseded", current.number());
        }
        changes.publish(
                MonitoringAction.MONITORING_VERSION_ADOPTED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                versionSnapshot(draft),
                after);
    }

    /**
     * Deletes the draft with everything in it; a programme that had only this draft goes with it, and so do
     * indicators no version and no value uses any more.
     */
    @Transactional
    public void discard(Version draft) {
        changes.lock(draft, draft.rowVersion());
        jdbc.sql("delete from monitoring_programme_version where id = :id")
                .param("id", draft.id())
                .update();
        jdbc.sql("""
                        delete from monitoring_programme p where p.id = :p
                        and not exists (select 1 from monitoring_programme_version v where v.programme_id = p.id)""").param("p", draft.programmeId()).update();
        changes.dropUnused(draft.regionId());
        changes.publish(
                MonitoringAction.MONITORING_VERSION_DISCARDED,
                "programme-version",
                draft.id(),
                draft.regionId(),
                versionSnapshot(draft),
                null);
    }
}
