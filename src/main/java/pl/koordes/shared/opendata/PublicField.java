package pl.koordes.shared.opendata;

/**
 * One field of a {@link PublicDataset}'s items.
 *
 * @param name the JSON name and CSV header (snake_case)
 * @param type what its values are
 * @param nullable whether an item may lack it (JSON null, empty CSV cell)
 * @param description what it means, in Polish
 */
public record PublicField(String name, Type type, boolean nullable, String description) {

    /** The kinds of values: each maps to one JSON type and one OpenAPI schema. */
    public enum Type {
        STRING,
        INTEGER,
        NUMBER,
        BOOLEAN,
        /** A day, ISO 8601 ({@code 2026-12-06}), as a {@code LocalDate}. */
        DATE,
        /** A moment, ISO 8601 with offset, as an {@code Instant} or {@code OffsetDateTime}. */
        DATE_TIME,
        /** An absolute address of a public page. */
        URL,
        /** A list of strings. */
        STRING_LIST
    }

    public static PublicField of(String name, Type type, String description) {
        return new PublicField(name, type, false, description);
    }

    public static PublicField optional(String name, Type type, String description) {
        return new PublicField(name, type, true, description);
    }
}
