package pl.koordes.postulates.internal;

import org.jspecify.annotations.Nullable;

/**
 * The public list's filters, each optional: a status or a group of statuses, the addressee, the region, a
 * KPRES area and the year of submission. Values come already checked (an unknown one is no filter).
 */
public record PublicFilter(
        @Nullable StatusFilter status,
        @Nullable Long addresseeId,
        @Nullable Long regionId,
        @Nullable String areaCode,
        @Nullable Integer year) {

    public static final PublicFilter NONE = new PublicFilter(null, null, null, null, null);

    public static PublicFilter region(long regionId) {
        return new PublicFilter(null, null, regionId, null, null);
    }
}
