package pl.koordes.committees.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.web.UploadTypes;

/**
 * Attachments of a resolution (the signed scan, annexes): PDF, DOCX, ODT, XLSX, ODS, PNG, JPEG, up to 10 MB, the
 * type decided by the content ({@link UploadTypes}); adding and removing one is audited on the resolution.
 */
@Service
public class ResolutionAttachments {

    /** The accepted types. */
    public static final UploadTypes ACCEPTED = UploadTypes.of(
            "zalacznik",
            UploadTypes.PDF,
            UploadTypes.DOCX,
            UploadTypes.ODT,
            UploadTypes.XLSX,
            UploadTypes.ODS,
            UploadTypes.PNG,
            UploadTypes.JPEG);

    /** The largest attachment, in bytes. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final ResolutionStore store;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    ResolutionAttachments(JdbcClient jdbc, ResolutionStore store, ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Stores the file as an attachment of the region's resolution.
     *
     * @return the attachment's id
     * @throws Refused beside the {@code file} field: none, too large, a name too long, a type not accepted
     */
    @Transactional
    public long add(long userId, long regionId, long resolutionId, @Nullable MultipartFile file) {
        store.find(regionId, resolutionId, true).orElseThrow(() -> new NotFound("committee resolution", resolutionId));
        UploadTypes.Upload upload = UploadTypes.Upload.of(file);
        UploadTypes.Type type;
        byte[] data;
        try {
            type = ACCEPTED.check(upload, MAX_BYTES);
            data = Objects.requireNonNull(file).getBytes();
        } catch (UploadTypes.Unacceptable unacceptable) {
            throw Refused.field("file", "committees.resolutions.file." + unacceptable.reason());
        } catch (IOException unreadable) {
            throw Refused.field("file", "committees.resolutions.file.unreadable");
        }
        if (upload == null) {
            throw Refused.field("file", "committees.resolutions.file.required");
        }
        String name = ACCEPTED.safeName(upload.originalName(), type);
        long id = jdbc.sql("""
                        insert into committee_resolution_attachment (resolution_id, file_name, file_type, size_bytes,
                            file_data, uploaded_by, uploaded_at)
                        values (:r, :name, :type, :size, :data, :by, :now) returning id
                        """)
                .param("r", resolutionId)
                .param("name", name)
                .param("type", type.mime())
                .param("size", data.length)
                .param("data", data)
                .param("by", userId)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ATTACHMENT_ADDED,
                CommitteeChanged.RESOLUTION,
                resolutionId,
                regionId,
                null,
                ResolutionManagement.attachmentValues(id, name, data.length)));
        return id;
    }

    /** Removes an attachment of the region's resolution. */
    @Transactional
    public void remove(long regionId, long resolutionId, long attachmentId) {
        store.find(regionId, resolutionId, true).orElseThrow(() -> new NotFound("committee resolution", resolutionId));
        ResolutionStore.Attachment attachment = store.attachment(resolutionId, attachmentId)
                .orElseThrow(() -> new NotFound("committee attachment", attachmentId));
        jdbc.sql("delete from committee_resolution_attachment where id = :a")
                .param("a", attachmentId)
                .update();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_ATTACHMENT_REMOVED,
                CommitteeChanged.RESOLUTION,
                resolutionId,
                regionId,
                ResolutionManagement.attachmentValues(attachmentId, attachment.fileName(), attachment.sizeBytes()),
                null));
    }
}
