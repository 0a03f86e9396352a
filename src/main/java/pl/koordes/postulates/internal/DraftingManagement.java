package pl.koordes.postulates.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
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
import pl.koordes.shared.text.TextInput;

/**
 * Drafting: a region's coordinators and committee members write drafts (seen by that region only), the
 * coordinator submits one for co-signing and may later withdraw it. Every change locks the postulate,
 * records its public step where it has one and publishes {@link PostulateChanged} (its audit line).
 *
 * <p>Who may act is {@link PostulatePermissions}'s to say: a draft of another region does not exist for
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

    /** A file as the form sent it. */
    public record Upload(@Nullable String originalName, long size, InputStreamSource content) {}

    /** An attachment to send back. */
    public record AttachmentFile(
            long id, String fileName, String contentType, byte[] content, boolean publicPostulate) {}

    private final JdbcClient jdbc;
    private final PostulateStore store;
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
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        return checkRegion(user, postulate);
    }

    private Postulate checkRegion(CurrentUser user, Postulate postulate) {
        if (!permissions.canSee(user, postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", postulate.id());
        }
        if (!permissions.canDraft(user, postulate.regionId())) {
            throw new AccessDeniedException("Not this region's postulate");
        }
        return postulate;
    }

    /** A draft of the person's region, locked: 404/403 as {@link #ofRegion}, a conflict when no longer a draft. */
    private Postulate lockedDraft(CurrentUser user, long id) {
        Postulate postulate = checkRegion(user, store.lock(id).orElseThrow(() -> new NotFound("postulate", id)));
        if (postulate.status() != PostulateStatus.DRAFT) {
            throw Refused.conflict("postulates.drafting.notDraft");
        }
        return postulate;
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
        Postulate before = lockedDraft(user, id);
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
        Postulate before = lockedDraft(user, id);
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
        Postulate before = lockedDraft(user, id);
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
        Postulate before = store.lock(id).orElseThrow(() -> new NotFound("postulate", id));
        checkRegion(user, before);
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

    /** The draft's attachments (id, name, type, size) for its region's page. */
    @Transactional(readOnly = true)
    public List<PostulateView.Attachment> attachments(long id) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes from postulates_attachment
                        where postulate_id = :id order by id
                        """)
                .param("id", id)
                .query((rs, n) ->
                        new PostulateView.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /**
     * Adds a file to a draft after checking its name, size (at most
     * {@link PostulatesProperties#attachmentMaxSize()}) and type by content.
     *
     * @return the new attachment's id
     * @throws Refused beside the {@code file} field when the file is not acceptable
     */
    @Transactional
    public long addAttachment(CurrentUser user, long id, @Nullable Upload upload) {
        Postulate postulate = lockedDraft(user, id);
        AttachmentTypes.Type type = null;
        String reason = null;
        if (upload == null || upload.size() <= 0) {
            reason = "postulates.drafting.file.required";
        } else if (TextInput.fileNameTooLong(upload.originalName())) {
            reason = "postulates.drafting.file.nameTooLong";
        } else if (upload.size() > settings.attachmentMaxSize().toBytes()) {
            reason = "postulates.drafting.file.tooLarge";
        } else {
            try {
                type = AttachmentTypes.detect(upload.content(), upload.originalName());
                if (type == null) {
                    reason = "postulates.drafting.file.type";
                } else if (AttachmentTypes.contradicts(type, upload.originalName())) {
                    reason = "postulates.drafting.file.mismatch";
                }
            } catch (IOException | RuntimeException e) {
                reason = "postulates.drafting.file.unreadable";
            }
        }
        if (reason != null || type == null || upload == null) {
            throw Refused.field("file", reason == null ? "postulates.drafting.file.unreadable" : reason);
        }
        byte[] bytes;
        try (var in = upload.content().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, upload.size() + 1));
        } catch (IOException e) {
            throw Refused.field("file", "postulates.drafting.file.unreadable");
        }
        if (bytes.length != upload.size()) {
            throw Refused.field("file", "postulates.drafting.file.unreadable");
        }
        String fileName = AttachmentTypes.safeName(upload.originalName(), type);
        long attachmentId = jdbc.sql("""
                        insert into postulates_attachment (postulate_id, file_name, content_type, size_bytes, content,
                            uploaded_at, uploaded_by)
                        values (:postulate, :name, :type, :size, :content, :now, :by) returning id
                        """)
                .param("postulate", id)
                .param("name", fileName)
                .param("type", type.mime())
                .param("size", bytes.length)
                .param("content", bytes)
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("by", user.id())
                .query(Long.class)
                .single();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_ATTACHMENT_ADDED,
                id,
                postulate.regionId(),
                null,
                attachmentValues(postulate, attachmentId, fileName, type.mime(), bytes.length)));
        return attachmentId;
    }

    /** One attachment of the person's region's draft (for the question before removing it). */
    @Transactional(readOnly = true)
    public PostulateView.Attachment draftAttachment(CurrentUser user, long id, long attachmentId) {
        Postulate postulate = ofRegion(user, id);
        if (postulate.status() != PostulateStatus.DRAFT) {
            throw Refused.conflict("postulates.drafting.notDraft");
        }
        return attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound("postulate attachment", attachmentId));
    }

    /** Removes an attachment of a draft; another postulate's attachment id is not found. */
    @Transactional
    public void removeAttachment(CurrentUser user, long id, long attachmentId) {
        Postulate postulate = lockedDraft(user, id);
        PostulateView.Attachment file = attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound("postulate attachment", attachmentId));
        jdbc.sql("delete from postulates_attachment where id = :id")
                .param("id", attachmentId)
                .update();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_ATTACHMENT_REMOVED,
                id,
                postulate.regionId(),
                attachmentValues(postulate, file.id(), file.fileName(), file.contentType(), file.sizeBytes()),
                null));
    }

    private static Map<String, @Nullable Object> attachmentValues(
            Postulate postulate, long attachmentId, String fileName, String type, long size) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("title", postulate.title());
        values.put("attachment", attachmentId);
        values.put("fileName", fileName);
        values.put("contentType", type);
        values.put("size", size);
        return values;
    }

    /**
     * An attachment for download, visible exactly when its postulate is: to everyone for a public
     * postulate, to its region for a draft; not found otherwise (and for another postulate's id).
     */
    @Transactional(readOnly = true)
    public AttachmentFile forDownload(@Nullable CurrentUser user, long id, long attachmentId) {
        Postulate postulate = store.find(id).orElseThrow(() -> new NotFound("postulate", id));
        if (!permissions.canSee(user, postulate.status(), postulate.regionId())) {
            throw new NotFound("postulate", id);
        }
        return jdbc.sql("""
                        select id, file_name, content_type, content from postulates_attachment
                        where id = :attachment and postulate_id = :postulate
                        """)
                .param("attachment", attachmentId)
                .param("postulate", id)
                .query((rs, n) -> new AttachmentFile(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBytes(4),
                        postulate.status().isPublic()))
                .optional()
                .orElseThrow(() -> new NotFound("postulate attachment", attachmentId));
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
