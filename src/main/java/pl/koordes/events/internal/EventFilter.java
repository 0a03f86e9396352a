package pl.koordes.events.internal;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import pl.koordes.events.EventLevel;

/** The filters of the public lists; a null field does not filter. */
public record EventFilter(
        @Nullable EventType type,
        @Nullable EventLevel level,
        @Nullable Long regionId,
        @Nullable EventFormat format,
        @Nullable YearMonth month) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null);
    }
}
