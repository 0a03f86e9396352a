package pl.koordes.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.InstitutionKind;

/** An institution with its contact details; any contact field may be unknown. */
public record Institution(
        long id,
        InstitutionKind kind,
        String name,
        @Nullable String street,
        @Nullable String postalCode,
        @Nullable String city,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String website) {

    /** The columns {@code id, kind, name, street, postal_code, city, email, phone, website}, in any select. */
    public static final String COLUMNS = "id, kind, name, street, postal_code, city, email, phone, website";

    /** One row of a select of {@link #COLUMNS}. */
    public static Institution of(ResultSet rs, int row) throws SQLException {
        return new Institution(
                rs.getLong("id"),
                InstitutionKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("street"),
                rs.getString("postal_code"),
                rs.getString("city"),
                rs.getString("email"),
                rs.getString("phone"),
                rs.getString("website"));
    }

    public boolean hasContact() {
        return street != null || email != null || phone != null || website != null;
    }
}
