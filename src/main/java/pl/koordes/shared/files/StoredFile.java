package pl.koordes.shared.files;

import java.time.Instant;
import java.util.Locale;
import pl.koordes.shared.i18n.Formats;

/**
 * A file kept in the shared storage.
 *
 * @param fileName the sanitised name it is downloaded under
 * @param contentType the type detected from its content when it was stored
 */
public record StoredFile(long id, String fileName, String contentType, long size, Instant storedAt) {

    /** A picture, which the browser may show instead of downloading. */
    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** The size as people read it: "820 kB", "1,4 MB" (decimal comma in Polish). */
    public String sizeText(Locale locale) {
        return Formats.fileSize(size, locale);
    }
}
