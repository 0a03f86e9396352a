package pl.koordes.committees.internal;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.shared.personaldata.PersonalData;

/**
 * The committee memberships linked to a person's account ({@code committee_membership.account_id}): which
 * committee, as whom, from which kind of body, for which term, and the contact the committee writes to.
 * Erasure unlinks them: the membership is the public record of a statutory body's composition (the directory's),
 * and stays without the account.
 */
@Component
class MembershipPersonalData implements PersonalData {

    private final JdbcClient jdbc;

    MembershipPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "committeeMemberships";
    }

    @Override
    public Object export(Person person) {
        Long account = person.accountId();
        if (account == null) {
            return Map.of();
        }
        var result = PersonalData.row();
        result.put(
                "memberships",
                jdbc.sql("""
                        select m.id, c.name as committee, m.full_name, m.organisation, m.function, m.body_kind,
                               m.term_start, m.term_end, m.email, m.phone
                        from committee_membership m join committee c on c.id = m.committee_id
                        where m.account_id = :a order by m.term_start, m.id
                        """)
                        .param("a", account)
                        .query((rs, n) -> {
                            var row = PersonalData.row();
                            row.put("membership", rs.getLong("id"));
                            row.put("committee", rs.getString("committee"));
                            row.put("fullName", rs.getString("full_name"));
                            row.put("organisation", rs.getString("organisation"));
                            row.put("function", rs.getString("function"));
                            row.put("bodyKind", rs.getString("body_kind"));
                            row.put("termStart", date(rs.getObject("term_start", LocalDate.class)));
                            row.put("termEnd", date(rs.getObject("term_end", LocalDate.class)));
                            row.put("email", rs.getString("email"));
                            row.put("phone", rs.getString("phone"));
                            return row;
                        })
                        .list());
        return result;
    }

    @Override
    public void erase(Person person) {
        Long account = person.accountId();
        if (account != null) {
            jdbc.sql("update committee_membership set account_id = null where account_id = :a")
                    .param("a", account)
                    .update();
        }
    }

    private static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
