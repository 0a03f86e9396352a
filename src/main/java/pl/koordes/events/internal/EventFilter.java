package pl.koordes.events.internal;

import pl.koordes.events.EventLevel;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** The filters of the public lists; a null field does not filter. */
public record EventFilter(@Nullable EventType type, @Nullable EventLevel level, @Nullable Long regionId,
        @Nullable EventFormat format, @Nullable YearMonth month) {

    public static EventFilter none() {
        return new EventFilter(null, null, null, null, null);
    }
}
