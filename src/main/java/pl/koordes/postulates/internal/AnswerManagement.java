package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Directory;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;

/**
 * The operator's forwarding and merging and the addressee's answers. Each change locks the postulate
 * first ({@link PostulateStore#lock}), so concurrent changes of one postulate wait for each other: two
 * people of the institution answering at once get versions 1 and 2 (or the second is told someone
 * answered meanwhile), never two versions 1. Every change records its timeline step and its audit line in
 * its transaction, and queues its messages there too.
 */
@Service
@Transactional
public class AnswerManagement {

    private final PostulateStore store;
    private final PostulateSteps steps;
    private final Directory directory;
    private final AnswerMail mail;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AnswerManagement(
            PostulateStore store,
            PostulateSteps steps,
            Directory directory,
            AnswerMail mail,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.steps = steps;
        this.directory = directory;
        this.mail = mail;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Today in Warsaw: the day deadlines are counted from. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Formats.ZONE));
    }

    /**
     * Forwards a submitted postulate to its addressee (corrected if the operator chose another) with the
     * answer deadline; co-signing closes now if it was still open.
     */
    public void forward(long id, ForwardForm form, long by) {
        Postulate before = visible(store.lock(id).orElseThrow(() -> new NotFound("postulate", id)));
        if (before.status() != PostulateStatus.SUBMITTED) {
            throw Refused.conflict("postulates.answers.forward.notSubmitted");
        }
        LocalDate due = form.forwardDue();
        Long addresseeId = form.forwardAddressee();
        if (due == null || !due.isAfter(today())) {
            throw Refused.field("forwardDue", "postulates.answers.forward.due.future");
        }
        CentralInstitution addressee = (addresseeId == null
                        ? Optional.<CentralInstitution>empty()
                        : directory.centralInstitution(addresseeId))
                .orElseThrow(() -> Refused.field("forwardAddressee", "postulates.answers.forward.addressee.invalid"));
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        update postulates_postulate set status = 'FORWARDED', forwarded_at = :now, forwarded_by = :by,
                            answer_due = :due, addressee_id = :addressee,
                            signing_closes_at = least(coalesce(signing_closes_at, :now), :now),
                            updated_at = :now, row_version = row_version + 1
                        where id = :id""")
                .param("now", Timestamp.from(now))
                .param("by", by)
                .param("due", due)
                .param("addressee", addressee.id())
                .param("id", id)
                .update();
        Postulate after = store.find(id).orElseThrow();
        steps.record(id, StepKind.FORWARDED, PostulateSteps.Step.institution(addressee.id(), due.toString()));
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_FORWARDED, id, after.regionId(), before.auditValues(), after.auditValues()));
        mail.forwarded(after, addressee, due);
    }

    /**
     * Merges a duplicate into another postulate: the duplicate leads there from now on, and the target
     * gains its co-signatures (regions not yet signing it, the duplicate's own region too), endorsements
     * and followers.
     */
    public void merge(long id, long targetId, long by) {
        if (targetId == id) {
            throw Refused.field("mergeTarget", "postulates.answers.merge.target.self");
        }
        // Locked in the order of their ids, so two opposite merges at once cannot deadlock.
        Postulate first = store.lock(Math.min(id, targetId)).orElse(null);
        Postulate second = store.lock(Math.max(id, targetId)).orElse(null);
        Postulate source = id < targetId ? first : second;
        Postulate target = id < targetId ? second : first;
        if (source == null) {
            throw new NotFound("postulate", id);
        }
        checkMerge(source, target, targetId);
        target = Objects.requireNonNull(target);
        Instant now = Instant.now(clock);
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                        update postulates_postulate set status = 'MERGED', merged_into_id = :target, merged_at = :now,
                            signing_closes_at = least(coalesce(signing_closes_at, :now), :now),
                            updated_at = :now, row_version = row_version + 1
                        where id = :id""").param("target", targetId).param("now", at).param("id", id).update();
        // The duplicate's region signs the target, then every region that co-signed the duplicate; one
        // active signature per region (the partial unique index decides, whoever else signs meanwhile).
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                        select :target, :region, :by, :now where :region <> :targetRegion
                        on conflict do nothing""")
                .param("target", targetId)
                .param("region", source.regionId())
                .param("targetRegion", target.regionId())
                .param("by", by)
                .param("now", at)
                .update();
        jdbc.sql("""
                        insert into postulates_signature (postulate_id, region_id, signed_by, signed_at)
                        select :target, s.region_id, s.signed_by, s.signed_at from postulates_signature s
                        where s.postulate_id = :source and s.withdrawn_at is null and s.region_id <> :targetRegion
                        on conflict do nothing""")
                .param("target", targetId)
                .param("source", id)
                .param("targetRegion", target.regionId())
                .update();
        jdbc.sql("""
                        insert into postulates_endorsement (postulate_id, account_id, endorsed_at)
                        select :target, account_id, endorsed_at from postulates_endorsement where postulate_id = :source
                        on conflict do nothing""").param("target", targetId).param("source", id).update();
        jdbc.sql("""
                        insert into postulates_follower (postulate_id, account_id, since)
                        select :target, account_id, since from postulates_follower where postulate_id = :source
                        on conflict do nothing""").param("target", targetId).param("source", id).update();
        jdbc.sql("update postulates_postulate set updated_at = :now, row_version = row_version + 1 where id = :id")
                .param("now", at)
                .param("id", targetId)
                .update();
        steps.record(id, StepKind.MERGED, PostulateSteps.Step.postulate(targetId));
        steps.record(targetId, StepKind.MERGED_IN, PostulateSteps.Step.postulate(id));
        Postulate merged = store.find(id).orElseThrow();
        Map<String, @Nullable Object> sourceAfter = new LinkedHashMap<>(merged.auditValues());
        sourceAfter.put("mergedInto", targetId);
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_MERGED, id, source.regionId(), source.auditValues(), sourceAfter));
        Map<String, @Nullable Object> targetAfter = new LinkedHashMap<>(target.auditValues());
        targetAfter.put("mergedIn", id);
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_MERGED, targetId, target.regionId(), target.auditValues(), targetAfter));
    }

    /**
     * Checks a merge without making it (the question before it): the duplicate may be merged, and the
     * target exists, is public, not merged or withdrawn, and would not lead back to the duplicate.
     *
     * @return the target
     */
    @Transactional(readOnly = true)
    public Postulate checkMerge(long id, long targetId) {
        if (targetId == id) {
            throw Refused.field("mergeTarget", "postulates.answers.merge.target.self");
        }
        Postulate source = visible(store.find(id).orElseThrow(() -> new NotFound("postulate", id)));
        Postulate target = store.find(targetId).orElse(null);
        checkMerge(source, target, targetId);
        return Objects.requireNonNull(target);
    }

    private void checkMerge(Postulate source, @Nullable Postulate target, long targetId) {
        visible(source);
        if (source.status() != PostulateStatus.SUBMITTED && source.status() != PostulateStatus.FORWARDED) {
            throw Refused.conflict("postulates.answers.merge.notMergeable");
        }
        if (target == null || target.status() == PostulateStatus.DRAFT) {
            throw Refused.field("mergeTarget", "postulates.answers.merge.target.notFound");
        }
        if (target.status() == PostulateStatus.MERGED || target.status() == PostulateStatus.WITHDRAWN) {
            throw Refused.field("mergeTarget", "postulates.answers.merge.target.closed");
        }
        if (store.mergedTarget(targetId) == source.id()) {
            throw Refused.field("mergeTarget", "postulates.answers.merge.target.cycle");
        }
    }

    /**
     * The addressee's answer, or a correction of the latest one, as a new version.
     *
     * @return the version saved
     */
    public int answer(long id, AnswerForm form, AnswerFiles.@Nullable Document document, long by) {
        Postulate before = visible(store.lock(id).orElseThrow(() -> new NotFound("postulate", id)));
        int latest = latestVersion(id);
        boolean correction = form.isCorrection();
        if (correction) {
            if (latest == 0) {
                throw Refused.conflict("postulates.answers.answer.nothingToCorrect");
            }
        } else if (!before.status().awaitsAnswer()) {
            throw Refused.conflict(
                    before.status().answered()
                            ? "postulates.answers.answer.alreadyAnswered"
                            : "postulates.answers.answer.notForwarded");
        }
        if (!before.status().awaitsAnswer() && !before.status().answered()) {
            throw Refused.conflict("postulates.answers.answer.notForwarded");
        }
        int seen = form.seenVersion() == null ? 0 : form.seenVersion();
        if (seen != latest) {
            throw Refused.conflict("postulates.answers.answer.changed");
        }
        AnswerForm.AnswerStatus status = form.answerStatus();
        if (status == null) {
            throw Refused.field("answerStatus", "postulates.answers.answer.status.required");
        }
        LocalDate newDue = status == AnswerForm.AnswerStatus.IN_ANALYSIS ? form.answerNewDue() : null;
        if (status == AnswerForm.AnswerStatus.IN_ANALYSIS && (newDue == null || !newDue.isAfter(today()))) {
            throw Refused.field("answerNewDue", "postulates.answers.answer.newDue.future");
        }
        Instant now = Instant.now(clock);
        Timestamp at = Timestamp.from(now);
        int version = latest + 1;
        jdbc.sql("""
                        insert into postulates_answer (postulate_id, version, institution_id, status, body, new_due,
                            correction, answered_by, answered_at, file_name, file_type, file_size, file_content)
                        values (:id, :version, :institution, :status, :body, :newDue, :correction, :by, :at,
                            :fileName, :fileType, :fileSize, :content)""")
                .param("id", id)
                .param("version", version)
                .param("institution", before.addresseeId())
                .param("status", status.name())
                .param("body", form.text())
                .param("newDue", newDue)
                .param("correction", correction)
                .param("by", by)
                .param("at", at)
                .param("fileName", document == null ? null : document.name())
                .param("fileType", document == null ? null : document.type())
                .param("fileSize", document == null ? null : (long) document.content().length)
                .param("content", document == null ? null : document.content())
                .update();
        jdbc.sql("""
                        update postulates_postulate set status = :status,
                            first_answered_at = coalesce(first_answered_at, :at), last_answered_at = :at,
                            answer_due = coalesce(:newDue, answer_due), updated_at = :at, row_version = row_version + 1
                        where id = :id""")
                .param("status", status.name())
                .param("at", at)
                .param("newDue", newDue)
                .param("id", id)
                .update();
        String detail = newDue == null ? status.name() : status.name() + " " + newDue;
        steps.record(
                id,
                correction ? StepKind.ANSWER_CORRECTED : StepKind.ANSWERED,
                PostulateSteps.Step.institution(before.addresseeId(), detail));
        Postulate after = store.find(id).orElseThrow();
        events.publishEvent(new PostulateChanged(
                correction ? PostulateAction.POSTULATE_ANSWER_CORRECTED : PostulateAction.POSTULATE_ANSWERED,
                id,
                after.regionId(),
                before.auditValues(),
                after.auditValues()));
        CentralInstitution addressee = directory
                .centralInstitution(after.addresseeId())
                .orElseGet(() -> new CentralInstitution(after.addresseeId(), "—", null));
        mail.answered(after, addressee, "postulates.status." + status.name());
        return version;
    }

    /** The latest answer's version, 0 when there is none. */
    @Transactional(readOnly = true)
    public int latestVersion(long id) {
        return jdbc.sql("select coalesce(max(version), 0) from postulates_answer where postulate_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /** A draft is the region's own: to the operator and the institutions it does not exist. */
    private static Postulate visible(Postulate postulate) {
        if (postulate.status() == PostulateStatus.DRAFT) {
            throw new NotFound("postulate", postulate.id());
        }
        return postulate;
    }
}
