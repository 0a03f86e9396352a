package pl.koordes.events.internal;

import java.time.Instant;
import java.util.Locale;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.web.UploadTypes;

/**
 * A material uploaded as a file, public or for the event's confirmed participants only.
 *
 * @param fileName the sanitised name it is downloaded under
 * @param contentType the type detected from its content when it was uploaded
 * @param storedFileId its bytes in the shared storage ({@code shared.files.StoredFiles})
 */
public record MaterialFile(
        long id,
        long eventId,
        String title,
        String fileName,
        String contentType,
        long size,
        boolean participantsOnly,
        Instant uploadedAt,
        long storedFileId) {

    public String href() {
        return "/wydarzenia/" + eventId + "/materialy/" + id;
    }

    /** "PDF", "DOCX"…: the short name of the type, for the list beside the title. */
    public String typeLabel() {
        UploadTypes.Type type = MaterialTypes.ACCEPTED.of(contentType);
        return type == null ? contentType : type.label();
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /**
     * The size as people read it: "820 kB", "1,4 MB" (decimal comma in Polish), in the binary units the
     * upload limit is given in, so that a file of "20 MB" is within a limit of 20 MB.
     */
    public String sizeText(Locale locale) {
        return Formats.fileSize(size, locale);
    }
}
