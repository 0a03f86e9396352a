package pl.koordes.postulates;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A postulate as other modules see it (comments hang under it, an event's agenda lists it).
 *
 * @param path its address on this site, {@code /postulaty/42}
 * @param submittedAt when its region submitted it, or null for a draft
 */
public record PostulateReference(
        long id,
        String title,
        String path,
        long regionId,
        long addresseeId,
        PostulateStatus status,
        @Nullable Instant submittedAt) {}
