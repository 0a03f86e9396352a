package pl.koordes.events.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import pl.koordes.events.MaterialDeleted;
import pl.koordes.events.MaterialUploaded;
import pl.koordes.shared.files.StoredFiles;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.text.TextInput;
import pl.koordes.shared.web.UploadTypes;
import pl.koordes.shared.web.UploadTypes.Upload;

/**
 * Materials uploaded as files: organisers upload and delete them ({@link MaterialUploaded} and
 * {@link MaterialDeleted}, published in the change's transaction, are its audit lines), anyone
 * downloads the public ones of a visible event, and only confirmed participants and the event's organisers
 * those for participants. The type is detected from the content ({@link MaterialTypes}); the bytes are kept in
 * the shared storage ({@link StoredFiles}: chunks, streamed back one at a time), this module keeps the row that
 * says which event the file belongs to and who may download it (deleting the row releases the bytes).
 */
@Service
public class MaterialFiles {

    private static final String COLUMNS = """
            id, event_id, title, file_name, content_type, size_bytes, participants_only, uploaded_at, stored_file_id
            """;

    private final JdbcClient jdbc;
    private final EventCatalogue catalogue;
    private final EventPermissions permissions;
    private final EventRegistrations registrations;
    private final EventsProperties settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final StoredFiles storage;

    MaterialFiles(
            JdbcClient jdbc,
            EventCatalogue catalogue,
            EventPermissions permissions,
            EventRegistrations registrations,
            EventsProperties settings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            StoredFiles storage) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.catalogue = catalogue;
        this.permissions = permissions;
        this.registrations = registrations;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
    }

    /** The files of an event, in upload order; the caller shows each to whom {@link #mayDownload} allows. */
    public List<MaterialFile> of(long eventId) {
        return jdbc.sql("select " + COLUMNS + " from event_file where event_id = :id order by id")
                .param("id", eventId)
                .query(MaterialFiles::file)
                .list();
    }

    /**
     * Stores an uploaded file for the event after checking the title, the size (at most
     * {@link EventsProperties#materialMaxSize()}) and the type by content.
     *
     * @return the new file's id
     * @throws Refused with the title's and the file's reasons when either is not acceptable
     * @throws AccessDeniedException when the person does not manage the event
     */
    public long upload(
            CurrentUser user, long eventId, @Nullable String title, boolean participantsOnly, @Nullable Upload upload) {
        managed(user, eventId);
        List<Refused.Reason> reasons = new ArrayList<>();
        String normalised = TextInput.normalise(title);
        String cleanTitle = normalised == null ? "" : normalised;
        if (cleanTitle.isEmpty()) {
            reasons.add(new Refused.Reason("title", "events.files.title.required"));
        } else if (TextInput.length(cleanTitle) > 300) {
            reasons.add(new Refused.Reason("title", "events.files.title.tooLong"));
        } else if (TextInput.unprintable(cleanTitle, false)) {
            reasons.add(new Refused.Reason("title", "events.files.title.unprintable"));
        }
        UploadTypes.Type type = null;
        try {
            type = MaterialTypes.ACCEPTED.check(
                    upload, settings.materialMaxSize().toBytes());
        } catch (UploadTypes.Unacceptable unacceptable) {
            reasons.add(new Refused.Reason("file", "events.files.file." + unacceptable.reason()));
        }
        if (!reasons.isEmpty() || type == null || upload == null) {
            throw Refused.all(
                    reasons.isEmpty() ? List.of(new Refused.Reason("file", "events.files.file.unreadable")) : reasons);
        }
        UploadTypes.Type accepted = type;
        String fileName = MaterialTypes.ACCEPTED.safeName(upload.originalName(), accepted);
        Long id = transactions.execute(status -> {
            // The part changed under us or was cut short: store nothing rather than a damaged file (the refusal
            // rolls the transaction back).
            long stored = storage.store(upload, fileName, accepted)
                    .orElseThrow(() -> Refused.field("file", "events.files.file.unreadable"));
            long fileId = jdbc.sql("""
                            insert into event_file (event_id, title, file_name, content_type, size_bytes, participants_only,
                                uploaded_by, stored_file_id)
                            values (:event, :title, :name, :type, :size, :only, :by, :stored) returning id
                            """)
                    .param("event", eventId)
                    .param("title", cleanTitle)
                    .param("name", fileName)
                    .param("type", accepted.mime())
                    .param("size", upload.size())
                    .param("only", participantsOnly)
                    .param("by", user.id())
                    .param("stored", stored)
                    .query(Long.class)
                    .single();
            events.publishEvent(new MaterialUploaded(
                    eventId, fileId, cleanTitle, fileName, accepted.mime(), upload.size(), participantsOnly));
            return fileId;
        });
        return Objects.requireNonNull(id);
    }

    /**
     * Deletes one of the event's files. An id of another event's file is not found (404), whoever asks.
     *
     * @throws AccessDeniedException when the person does not manage the event
     */
    public void delete(CurrentUser user, long eventId, long fileId) {
        managed(user, eventId);
        transactions.executeWithoutResult(status -> {
            MaterialFile file = jdbc.sql(
                            "select " + COLUMNS + " from event_file where id = :id and event_id = :event for update")
                    .param("id", fileId)
                    .param("event", eventId)
                    .query(MaterialFiles::file)
                    .optional()
                    .orElseThrow(() -> new NotFound("material file", fileId));
            jdbc.sql("delete from event_file where id = :id")
                    .param("id", fileId)
                    .update();
            events.publishEvent(new MaterialDeleted(
                    eventId,
                    file.id(),
                    file.title(),
                    file.fileName(),
                    file.contentType(),
                    file.size(),
                    file.participantsOnly()));
        });
    }

    /**
     * The file if this person may download it: not found (404) for an unknown id, another event's file or an
     * event they may not see; {@link AccessDeniedException} for a participants-only file and someone who is
     * not a confirmed participant nor an organiser of the event (sign-in for visitors, 403 otherwise).
     */
    public MaterialFile forDownload(@Nullable CurrentUser user, long eventId, long fileId) {
        Event event = catalogue
                .find(eventId)
                .filter(e -> permissions.canView(user, e))
                .orElseThrow(() -> new NotFound("event", eventId));
        MaterialFile file = jdbc.sql("select " + COLUMNS + " from event_file where id = :id and event_id = :event")
                .param("id", fileId)
                .param("event", eventId)
                .query(MaterialFiles::file)
                .optional()
                .orElseThrow(() -> new NotFound("material file", fileId));
        if (!mayDownload(user, event, file)) {
            throw new AccessDeniedException("Material for participants only");
        }
        return file;
    }

    /** Public files: anyone who may see the event; for participants: confirmed participants and organisers. */
    public boolean mayDownload(@Nullable CurrentUser user, Event event, MaterialFile file) {
        if (!permissions.canView(user, event)) {
            return false;
        }
        if (!file.participantsOnly() || permissions.canManage(user, event)) {
            return true;
        }
        return user != null
                && registrations
                        .own(user, event.id())
                        .map(r -> r.status() == RegistrationStatus.CONFIRMED)
                        .orElse(false);
    }

    private Event managed(CurrentUser user, long eventId) {
        Event event = catalogue.find(eventId).orElseThrow(() -> new NotFound("event", eventId));
        if (!permissions.canManage(user, event)) {
            throw new AccessDeniedException("Not this organiser's event");
        }
        return event;
    }

    private static MaterialFile file(ResultSet rs, int row) throws SQLException {
        Timestamp at = rs.getTimestamp("uploaded_at");
        return new MaterialFile(
                rs.getLong("id"),
                rs.getLong("event_id"),
                rs.getString("title"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size_bytes"),
                rs.getBoolean("participants_only"),
                at.toInstant(),
                rs.getLong("stored_file_id"));
    }
}
