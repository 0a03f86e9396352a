package pl.koordes.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A person's membership in a committee for a term; no end date means open-ended. */
public record CommitteeMember(
        long id,
        String fullName,
        @Nullable String organisation,
        Sector sector,
        CommitteeFunction function,
        LocalDate termStart,
        @Nullable LocalDate termEnd) {

    /** One row of a select of {@code id, full_name, organisation, sector, function, term_start, term_end}. */
    public static CommitteeMember of(ResultSet rs, int row) throws SQLException {
        return new CommitteeMember(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getString("organisation"),
                Sector.valueOf(rs.getString("sector")),
                CommitteeFunction.valueOf(rs.getString("function")),
                rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class));
    }
}
