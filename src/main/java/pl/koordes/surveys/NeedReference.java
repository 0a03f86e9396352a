package pl.koordes.surveys;

import org.jspecify.annotations.Nullable;

/**
 * A need as other modules see it (an advisory request's page lists the needs it answers).
 *
 * @param regionId the region, or null for a national need
 * @param path its address on this site, {@code /potrzeby/7} (signed-in staff only)
 */
public record NeedReference(long id, String topic, @Nullable Long regionId, NeedStatus status, String path) {

    /** The address of a need's page. */
    public static String path(long id) {
        return "/potrzeby/" + id;
    }
}
