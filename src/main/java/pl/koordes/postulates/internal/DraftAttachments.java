package pl.koordes.postulates.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.postulates.PostulateAction;
import pl.koordes.postulates.PostulateChanged;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.UploadTypes;

/**
 * A draft's attachments: its region's drafters add and remove files while it is a draft ({@link DraftAccess}
 * says who, as for the draft itself), and whoever may see the postulate downloads them. Adding and removing
 * lock the postulate and publish {@link PostulateChanged} (the audit line).
 */
@Service
public class DraftAttachments {

    /** An attachment to send back. */
    public record AttachmentFile(
            long id, String fileName, String contentType, byte[] content, boolean publicPostulate) {}

    private final JdbcClient jdbc;
    private final PostulateStore store;
    private final DraftAccess access;
    private final PostulatePermissions permissions;
    private final PostulatesProperties settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DraftAttachments(
            JdbcClient jdbc,
            PostulateStore store,
            DraftAccess access,
            PostulatePermissions permissions,
            PostulatesProperties settings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.permissions = permissions;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
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
     * {@link PostulatesProperties#attachmentMaxSize()}) and type by content ({@link AttachmentTypes}).
     *
     * @return the new attachment's id
     * @throws Refused beside the {@code file} field when the file is not acceptable
     */
    @Transactional
    public long add(CurrentUser user, long id, UploadTypes.@Nullable Upload upload) {
        Postulate postulate = access.lockedDraft(user, id);
        UploadTypes.Type type;
        try {
            type = AttachmentTypes.ACCEPTED.check(
                    upload, settings.attachmentMaxSize().toBytes());
        } catch (UploadTypes.Unacceptable unacceptable) {
            throw Refused.field("file", "postulates.drafting.file." + unacceptable.reason());
        }
        if (upload == null) {
            throw Refused.field("file", "postulates.drafting.file.required");
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
        String fileName = AttachmentTypes.ACCEPTED.safeName(upload.originalName(), type);
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
                values(postulate, attachmentId, fileName, type.mime(), bytes.length)));
        return attachmentId;
    }

    /** One attachment of the person's region's draft (for the question before removing it). */
    @Transactional(readOnly = true)
    public PostulateView.Attachment ofDraft(CurrentUser user, long id, long attachmentId) {
        DraftAccess.onlyDraft(access.ofRegion(user, id));
        return attachment(id, attachmentId);
    }

    /** Removes an attachment of a draft; another postulate's attachment id is not found. */
    @Transactional
    public void remove(CurrentUser user, long id, long attachmentId) {
        Postulate postulate = access.lockedDraft(user, id);
        PostulateView.Attachment file = attachment(id, attachmentId);
        jdbc.sql("delete from postulates_attachment where id = :id")
                .param("id", attachmentId)
                .update();
        events.publishEvent(new PostulateChanged(
                PostulateAction.POSTULATE_ATTACHMENT_REMOVED,
                id,
                postulate.regionId(),
                values(postulate, file.id(), file.fileName(), file.contentType(), file.sizeBytes()),
                null));
    }

    private PostulateView.Attachment attachment(long id, long attachmentId) {
        return attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow(() -> new NotFound("postulate attachment", attachmentId));
    }

    private static Map<String, @Nullable Object> values(
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
}
