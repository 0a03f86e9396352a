package pl.koordes.shared.personaldata;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one module keeps about a person, for the rights of the GDPR: the copy of everything held (art. 15
 * and 20) and erasure (art. 17). Every module that stores personal data has one bean implementing this;
 * the accounts module calls them all, so a new module's data cannot be left out of either by forgetting a
 * call somewhere else.
 */
public interface PersonalData {

    /** Whose data: the account (if any) and the proven address and name it had. */
    record Person(@Nullable Long accountId, String email, String displayName) {}

    /** The section's name in the download, e.g. {@code eventRegistrations}. */
    String section();

    /** Everything the module keeps about the person, as JSON-ready values (maps, lists, text, numbers). */
    Object export(Person person);

    /**
     * Removes or anonymises every record of the person, in the erasure's transaction: nothing that names
     * them (address, name, free texts they wrote about themselves) stays, and nothing more is sent to them.
     * Records others rely on (a seat count, a statistic) may stay without the person in them.
     */
    void erase(Person person);

    /** A LIKE pattern finding the value anywhere in a text (its wildcards and backslashes escaped). */
    static String anywhere(String value) {
        return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** A moment as the export writes it (ISO-8601, UTC), or null. */
    static @Nullable String time(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant().toString();
    }

    /** A JSON-ready row: insertion order kept, nulls allowed. */
    static Map<String, @Nullable Object> row() {
        return new LinkedHashMap<>();
    }
}
