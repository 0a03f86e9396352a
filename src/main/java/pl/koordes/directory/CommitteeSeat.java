package pl.koordes.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A person's membership of a committee, as other modules see it: who, appointed from which kind of body,
 * for which dates, and the account it is linked to (to answer invitations and read internal matters).
 * The contact address is for the committee's own invitations; never shown publicly.
 *
 * @param functionKey the message key naming the function in the member's own form
 * @param termEnd null when open-ended
 * @param accountId null when not linked to an account
 */
public record CommitteeSeat(
        long id,
        long committeeId,
        String fullName,
        @Nullable String organisation,
        BodyKind bodyKind,
        String functionKey,
        LocalDate termStart,
        @Nullable LocalDate termEnd,
        @Nullable Long accountId,
        @Nullable String email) {

    /** Whether the person was a member on the day. */
    public boolean sitsOn(LocalDate day) {
        return !day.isBefore(termStart) && (termEnd == null || !day.isAfter(termEnd));
    }

    static CommitteeSeat of(ResultSet rs, int row) throws SQLException {
        String function = "committee.function." + rs.getString("function");
        String form = rs.getString("function_form");
        return new CommitteeSeat(
                rs.getLong("id"),
                rs.getLong("committee_id"),
                rs.getString("full_name"),
                rs.getString("organisation"),
                BodyKind.valueOf(rs.getString("body_kind")),
                "UNSPECIFIED".equals(form) ? function : function + "." + form,
                rs.getObject("term_start", LocalDate.class),
                rs.getObject("term_end", LocalDate.class),
                rs.getObject("account_id", Long.class),
                rs.getString("email"));
    }
}
