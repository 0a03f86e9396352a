package pl.koordes.surveys;

import java.util.Arrays;
import java.util.Optional;

/** What answered a need: an event (events module) or an advice session (advisory module); the names are stored. */
public enum NeedLinkKind {
    EVENT("wydarzenie"),
    ADVICE("porada");

    private final String slug;

    NeedLinkKind(String slug) {
        this.slug = slug;
    }

    /** The word in addresses ({@code /potrzeby/7/powiazania/wydarzenie/42/usun}). */
    public String slug() {
        return slug;
    }

    /** The kind whose address word this is, or empty for anything else. */
    public static Optional<NeedLinkKind> ofSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
