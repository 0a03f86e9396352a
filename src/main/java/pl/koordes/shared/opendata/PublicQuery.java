package pl.koordes.shared.opendata;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a client asked of a {@link PublicDataset}, already checked by the API: a page within bounds and
 * filters the dataset declared. A dataset only reads them.
 *
 * @param page the page, counted from 1
 * @param size items a page holds (1–100)
 * @param regionId only this region's items, or all
 * @param firstDay only items dated on or after this day (Europe/Warsaw), or no lower bound
 * @param lastDay only items dated on or before this day, or no upper bound
 */
public record PublicQuery(
        int page,
        int size,
        @Nullable Long regionId,
        @Nullable LocalDate firstDay,
        @Nullable LocalDate lastDay) {

    /** How many items come before this page: the SQL offset. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
