package pl.koordes.postulates.internal;

import java.util.List;
import java.util.Locale;
import pl.koordes.directory.CentralInstitution;
import pl.koordes.directory.Region;
import pl.koordes.monitoring.KpresArea;

/**
 * A postulate with the names its page shows: its region, its addressee, its areas and its attachments.
 *
 * @param overdueDays days past the answer deadline today, 0 when not late
 */
public record PostulateView(
        Postulate postulate,
        Region region,
        CentralInstitution addressee,
        List<KpresArea> areas,
        List<Attachment> attachments,
        long overdueDays) {

    /** An attachment's facts without its content. */
    public record Attachment(long id, String fileName, String contentType, long sizeBytes) {}

    public String statusKey() {
        return "postulates.status." + postulate.status().name();
    }

    public String regionName(Locale locale) {
        return region.name(locale);
    }
}
