package pl.koordes.postulates.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.accounts.RoleHolders;
import pl.koordes.directory.Directory;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresArea;
import pl.koordes.monitoring.KpresAreas;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.postulates.PostulateStatus;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.i18n.Language;
import pl.koordes.shared.i18n.Messages;
import pl.koordes.shared.mail.Mailer;
import pl.koordes.shared.notice.NoticeRequested;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Drafting: a region's coordinators and committee members write drafts (seen by that region only), the
 * coordinator submits one for co-signing and may later withdraw it (the draft's files: {@link DraftAttachments}). Every change locks the postulate,
 * records its public step where it has one and publishes {@link PostulateChanged} (its audit line).
 *
 * <p>Who may act is {@link PostulatePermissions}'s to say ({@link DraftAccess}): a draft of another region does not exist for
 * the person (404), a public postulate of another region is forbidden to change (403).
 */
@Service
public class DraftingManagement {

    /** The notice kind of "a new postulate awaits review". */
    static final String NOTICE_SUBMITTED = "postulate-submitted";

    static final String MAIL_SUBMITTED = "postulates/drafting/mail/postulateSubmitted";

    /** A row of a region's list. */
    public record RegionRow(
            long id,
            String title,
            PostulateStatus status,
            Instant createdAt,
            @Nullable Instant submittedAt,
            int cosignatures,
            long overdueDays) {

        public String href() {
            return Postulate.path(id);
        }

        public String statusKey() {
            return "postulates.status." + status.name();
        }
    }

    private final JdbcClient jdbc;
    private final PostulateStore store;
    private final DraftAccess access;
    private final PostulateSteps steps;
    private final PostulatePermissions permissions;
    private final PostulatesProperties settings;
    private final Directory directory;
    private final KpresAreas areas;
    private final RoleHolders holders;
    private final Mailer mailer;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftingManagement(
            JdbcClient jdbc,
            PostulateStore store,
            DraftAccess access,
            PostulateSteps steps,
            PostulatePermissions permissions,
            PostulatesProperties settings,
            Directory directory,
            KpresAreas areas,
            RoleHolders holders,
            Mailer mailer,
            Messages messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.steps = steps;
        this.permissions = permissions;
        this.settings = settings;
        this.directory = directory;
        this.areas = areas;
        this.holders = holders;
        this.mailer = mailer;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** The region's postulates, drafts first, then the newest submitted; one statement. */
    @Transactional(readOnly = true)
    public List<RegionRow> regionList(long regionId) {
        LocalDate today = LocalDate.now(clock.withZone(Formats.ZONE));
        return jdbc.sql("""
                        select p.id, p.title, p.status, p.created_at, p.submitted_at, p.answer_due,
                               (select count(*) from postulates_signature s
                                where s.postulate_id = p.id and s.withdrawn_at is null) as cosignatures
                        from postulates_postulate p
                        where p.region_id = :region
                        order by (p.status = 'DRAFT') desc, p.submitted_at desc nulls last, p.id desc
                        """)
                .param("region", regionId)
                .query((rs, n) -> {
                    PostulateStatus status = PostulateStatus.valueOf(rs.getString("status"));
                    LocalDate due = rs.getObject("answer_due", LocalDate.class);
                    long overdue = status.awaitsAnswer() && due != null && today.isAfter(due)
                            ? today.toEpochDay() - due.toEpochDay()
                            : 0;
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Timestamp submitted = rs.getTimestamp("submitted_at");
                    return new RegionRow(
                            rs.getLong("id"),
                            rs.getString("title"),
                            status,
                            created,
                            submitted == null ? null : submitted.toInstant(),
                            rs.getInt("cosignatures"),
                            overdue);
                })
                .list();
    }

    /** The postulate if the person may work on it for its region (its drafts and its submitted ones). */
    @Transactional(readOnly = true)
    public Postulate ofRegion(CurrentUser user, long id) {
        return access.ofRegion(user, id);
    }

    /**
     * Creates a draft for the region.
     *
     * @return the new postulate's id
     */
    @Transactional
    public long create(CurrentUser user, long regionId, DraftForm form) {
        if (!permissions.canDraft(user, regionId)) {
            throw new AccessDeniedException("Not this region's drafter");
        }
        List<String> codes = checked(form);
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        insert into postulates_postulate (region_id, addressee_id, title, problem, proposal, justification,
                            status, created_by, created_at, updated_at)
                        values (:region, :addressee, :title, :problem, :proposal, :justification, 'DRAFT', :by, :now, :now)
                        returning id
                        """)
                .param("region", regionId)
                .param("addressee", form.addressee())
                .param("title", form.titleText())
                .param("problem", form.problemText())
                .param("proposal", form.proposalText())
                .param("justification", form.justificationText())
                .param("by", user.id())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        writeAreas(id, codes);
        steps.record(id, StepKind.DRAFTED, now, PostulateSteps.Step.NONE);
        Postulate created = store.find(id).orElseThrow();
        events.publishEvent(
                new PostulateChanged(PostulateAction.POSTULATE_DRAFTED, id, regionId, null, created.auditValues()));
        return id;
    }

    /**
     * Saves the draft's new text, if nobody saved it since the form was read.
     *
     * @throws Refused a conflict when the draft changed meanwhile (the form's version is not the current one)
     *     or is no longer a draft; beside the addressee or the areas when they are not acceptable
     */
    @Transactional
    public void update(CurrentUser user, long id, DraftForm form) {
        Postulate before = access.lockedDraft(user, id);
        if (form.version() == null || form.version() != before.rowVersion()) {
            throw Refused.conflict("postulates.drafting.stale");
        }
        List<String> codes = checked(form);
        jdbc.sql("""
                        update postulates_postulate set title = :title, problem = :problem, proposal = :proposal,
                            justification = :justification, addressee_id = :addressee,
                            row_version = row_version + 1, updated_at = :now
                        where id = :id
                        """)
                .param("title", form.titleText())
                .param("problem", form.problemText())
                .param("proposal", form.proposalText())
                .param("justification", form.justificationText())
                .param("addressee", form.addressee())
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .update();
        jdbc.sql("delete from postulates_area where postulate_id = :id")
                .param("id", id)
                .update();
        writeAreas(id, codes);
        Postulate after = store.find(id).orElseThrow();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_UPDATED, id, before.regionId(), before.auditValues(), after.auditValues()));
    }

    /** Deletes a draft with its attachments. */
    @Transactional
    public Postulate delete(CurrentUser user, long id) {
        Postulate before = access.lockedDraft(user, id);
        jdbc.sql("delete from postulates_postulate where id = :id")
                .param("id", id)
                .update();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_DELETED, id, before.regionId(), before.auditValues(), null));
        return before;
    }

    /**
     * Submits a draft: co-signing opens for {@link PostulatesProperties#signingDays()} days and the operators
     * are told (e-mail and a notice) that a new postulate awaits their review.
     *
     * @throws AccessDeniedException when the person is not a coordinator of its region (committee members draft only)
     */
    @Transactional
    public void submit(CurrentUser user, long id) {
        Postulate before = access.lockedDraft(user, id);
        if (!permissions.canSubmit(user, before.regionId())) {
            throw new AccessDeniedException("Only the region's coordinator submits");
        }
        if (before.title().isBlank()
                || before.problem().isBlank()
                || before.proposal().isBlank()) {
            throw Refused.because("postulates.drafting.submit.incomplete");
        }
        Instant now = Instant.now(clock);
        Instant closes = now.plus(Duration.ofDays(settings.signingDays()));
        jdbc.sql("""
                        update postulates_postulate set status = 'SUBMITTED', submitted_at = :now, submitted_by = :by,
                            signing_closes_at = :closes, updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("by", user.id())
                .param("closes", Timestamp.from(closes))
                .param("id", id)
                .update();
        steps.record(id, StepKind.SUBMITTED, now, PostulateSteps.Step.region(before.regionId()));
        Postulate after = store.find(id).orElseThrow();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_SUBMITTED, id, before.regionId(), before.auditValues(), after.auditValues()));
        tellOperators(after, now);
    }

    private void tellOperators(Postulate postulate, Instant now) {
        Region region = directory.region(postulate.regionId()).orElseThrow();
        for (RoleHolders.Holder holder : holders.active(List.of(Role.EDITOR, Role.ADMINISTRATOR), null)) {
            Language language = Language.fromCode(holder.language());
            String regionName = region.name(language.locale());
            Map<String, Object> model = new HashMap<>();
            model.put("draftingTitle", postulate.title());
            model.put("draftingRegion", regionName);
            model.put("path", postulate.href());
            mailer.send(holder.email(), language.locale(), MAIL_SUBMITTED, model);
            events.publishEvent(NoticeRequested.of(
                    holder.accountId(),
                    NOTICE_SUBMITTED,
                    messages.get(
                            language.locale(), "postulates.drafting.notice.submitted", regionName, postulate.title()),
                    postulate.href(),
                    now));
        }
    }

    /**
     * Withdraws a submitted, forwarded or "in analysis" postulate of the person's region, with the reason
     * the public reads. Followers are told by whoever listens to {@link PostulateChanged}.
     */
    @Transactional
    public void withdraw(CurrentUser user, long id, String reason) {
        Postulate before = access.checkRegion(user, store.lock(id).orElseThrow(() -> new NotFound("postulate", id)));
        if (!permissions.canSubmit(user, before.regionId())) {
            throw new AccessDeniedException("Only the region's coordinator withdraws");
        }
        if (!permissions.canWithdraw(user, before.status(), before.regionId())) {
            throw Refused.conflict("postulates.drafting.withdraw.notNow");
        }
        Instant now = Instant.now(clock);
        jdbc.sql("""
                        update postulates_postulate set status = 'WITHDRAWN', withdrawn_at = :now,
                            withdrawal_reason = :reason, updated_at = :now, row_version = row_version + 1
                        where id = :id
                        """)
                .param("now", Timestamp.from(now))
                .param("reason", reason)
                .param("id", id)
                .update();
        steps.record(id, StepKind.WITHDRAWN, now, PostulateSteps.Step.region(before.regionId()));
        Postulate after = store.find(id).orElseThrow();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_WITHDRAWN, id, before.regionId(), before.auditValues(), after.auditValues()));
    }

    /** The regions the person drafts for, in Polish order. */
    @Transactional(readOnly = true)
    public List<Region> draftingRegions(CurrentUser user) {
        return directory.regions().stream()
                .filter(region -> permissions.canDraft(user, region.id()))
                .toList();
    }

    private List<String> checked(DraftForm form) {
        List<Refused.Reason> reasons = new ArrayList<>();
        if (form.addressee() == null
                || directory.centralInstitution(form.addressee()).isEmpty()) {
            reasons.add(new Refused.Reason("addressee", "postulates.drafting.addressee.unknown"));
        }
        Set<String> known = areas.all().stream().map(KpresArea::code).collect(Collectors.toSet());
        List<String> codes = form.areaCodes();
        if (!known.containsAll(codes)) {
            reasons.add(new Refused.Reason("areas", "postulates.drafting.areas.unknown"));
        }
        if (!reasons.isEmpty()) {
            throw Refused.all(reasons);
        }
        return codes;
    }

    private void writeAreas(long id, List<String> codes) {
        for (String code : codes) {
            jdbc.sql("insert into postulates_area (postulate_id, area_code) values (:id, :code)")
                    .param("id", id)
                    .param("code", code)
                    .update();
        }
    }
}
