package pl.koordes.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import pl.koordes.directory.BodyKind;

/**
 * A person's membership in a committee for a term; no end date means open-ended.
 *
 * @param bodyKind the kind of body the Act names that the member was appointed from
 */
public record CommitteeMember(
        long id,
        String fullName,
        @Nullable String organisation,
        Sector sector,
        CommitteeFunction function,
        FunctionForm functionForm,
        LocalDate termStart,
        @Nullable LocalDate termEnd,
        BodyKind bodyKind) {

    /**
     * One row of a select of {@code id, full_name, organisation, sector, function, function_form,
     * term_start, term_end, body_kind}.
     */
    public static CommitteeMember of(ResultSet rs, int row) throws SQLException {
        return new CommitteeMember(
                rs.getLong("id"),
                rs.getString("full_name"),
                rs.getString("organisation"),
                Sector.valueOf(rs.getString("sector")),
                CommitteeFunction.valueOf(rs.getString("function")),
                FunctionForm.valueOf(rs.getString("function_form")),
                rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class),
                BodyKind.valueOf(rs.getString("body_kind")));
    }

    /** The message key naming the member's function in the member's own form. */
    public String functionKey() {
        String key = "committee.function." + function.name();
        return functionForm == FunctionForm.UNSPECIFIED ? key : key + "." + functionForm.name();
    }
}
