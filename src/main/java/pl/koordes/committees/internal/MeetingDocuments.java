package pl.koordes.committees.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.committees.CommitteeAction;
import pl.koordes.committees.CommitteeChanged;
import pl.koordes.committees.MeetingStatus;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.web.UploadTypes;

/**
 * A meeting's documents, kept in PostgreSQL: the secretary adds them (PDF, office documents and pictures up to
 * {@link #MAX_BYTES}, the type proven by the content) and removes them; each is internal unless marked public.
 * Adding and removing lock the meeting and are audited.
 */
@Service
public class MeetingDocuments {

    /** The largest document accepted: 10 MB. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** The accepted types. */
    public static final UploadTypes ACCEPTED = UploadTypes.of(
            "dokument",
            UploadTypes.PDF,
            UploadTypes.DOC,
            UploadTypes.DOCX,
            UploadTypes.ODT,
            UploadTypes.XLSX,
            UploadTypes.ODS,
            UploadTypes.PPTX,
            UploadTypes.PNG,
            UploadTypes.JPEG,
            UploadTypes.TXT);

    private final JdbcClient jdbc;
    private final MeetingManagement meetings;
    private final MeetingQueries queries;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    MeetingDocuments(
            JdbcClient jdbc,
            MeetingManagement meetings,
            MeetingQueries queries,
            ApplicationEventPublisher publisher,
            Clock clock) {
        this.jdbc = jdbc;
        this.meetings = meetings;
        this.queries = queries;
        this.publisher = publisher;
        this.clock = clock;
    }

    /**
     * Adds a document to a meeting that is not cancelled.
     *
     * @return the document's id
     * @throws Refused beside {@code file} when the file is not acceptable
     */
    @Transactional
    public long add(
            CurrentUser user,
            CommitteeSpace space,
            long meetingId,
            DocumentForm form,
            UploadTypes.@Nullable Upload upload) {
        Meeting meeting = meetings.locked(space, meetingId);
        if (meeting.status() == MeetingStatus.CANCELLED) {
            throw Refused.conflict("committees.meetings.notChangeable");
        }
        UploadTypes.Type type;
        try {
            type = ACCEPTED.check(upload, MAX_BYTES);
        } catch (UploadTypes.Unacceptable unacceptable) {
            throw Refused.field("file", "committees.meetings.file." + unacceptable.reason());
        }
        UploadTypes.Upload file = Objects.requireNonNull(upload);
        byte[] bytes;
        try (var in = file.content().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, file.size() + 1));
        } catch (IOException e) {
            throw Refused.field("file", "committees.meetings.file.unreadable");
        }
        if (bytes.length != file.size()) {
            throw Refused.field("file", "committees.meetings.file.unreadable");
        }
        String fileName = ACCEPTED.safeName(file.originalName(), type);
        long id = jdbc.sql("""
                        insert into committee_document (meeting_id, title, file_name, file_type, size_bytes, file_data,
                            public_document, uploaded_by, uploaded_at)
                        values (:meeting, :title, :name, :type, :size, :data, :public, :by, :now) returning id
                        """)
                .param("meeting", meetingId)
                .param("title", Objects.requireNonNull(form.title()).strip())
                .param("name", fileName)
                .param("type", type.mime())
                .param("size", bytes.length)
                .param("data", bytes)
                .param("public", Boolean.TRUE.equals(form.publicDocument()))
                .param("by", user.id())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_DOCUMENT_ADDED,
                CommitteeChanged.MEETING,
                meetingId,
                space.region().id(),
                null,
                values(id, form.title(), fileName, bytes.length, Boolean.TRUE.equals(form.publicDocument()))));
        return id;
    }

    /** Removes a document of the meeting; another meeting's document is not found. */
    @Transactional
    public void remove(CurrentUser user, CommitteeSpace space, long meetingId, long documentId) {
        meetings.locked(space, meetingId);
        MeetingQueries.Document document = queries.document(meetingId, documentId)
                .orElseThrow(() -> new NotFound("committee document", documentId));
        jdbc.sql("delete from committee_document where id = :id")
                .param("id", documentId)
                .update();
        publisher.publishEvent(new CommitteeChanged(
                CommitteeAction.COMMITTEE_DOCUMENT_REMOVED,
                CommitteeChanged.MEETING,
                meetingId,
                space.region().id(),
                values(
                        document.id(),
                        document.title(),
                        document.fileName(),
                        document.size(),
                        document.publicDocument()),
                null));
    }

    private static Map<String, @Nullable Object> values(
            long id, @Nullable String title, String fileName, int size, boolean publicDocument) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("document", id);
        values.put("title", title);
        values.put("fileName", fileName);
        values.put("sizeBytes", size);
        values.put("publicDocument", publicDocument);
        return values;
    }
}
