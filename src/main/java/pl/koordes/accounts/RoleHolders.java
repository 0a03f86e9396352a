package pl.koordes.accounts;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.security.Role;

/**
 * Who holds a role, for modules that write to the people doing a job (a region's coordinators, the
 * operators) rather than to one person: active accounts only, with the language they read mail in.
 */
@Service
public class RoleHolders {

    /** An active account holding the role: where to write and in which language ({@code pl}, {@code en}). */
    public record Holder(long accountId, String email, String language) {}

    private final JdbcClient jdbc;

    RoleHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active accounts holding any of the roles; with a region, only those holding it for that region
     * (a regional role) — a role held without a region (an editor's) counts for every region.
     */
    @Transactional(readOnly = true)
    public List<Holder> active(List<Role> roles, @Nullable Long regionId) {
        return jdbc.sql("""
                        select distinct a.id, a.email, a.language from account a
                        join role_assignment r on r.account_id = a.id
                        where a.status = 'ACTIVE' and r.role in (:roles)
                          and (cast(:region as bigint) is null or r.region_id is null or r.region_id = :region)
                        order by a.id
                        """)
                .param("roles", roles.stream().map(Role::name).toList())
                .param("region", regionId)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** The active accounts holding the central-institution role for this institution. */
    @Transactional(readOnly = true)
    public List<Holder> ofInstitution(long institutionId) {
        return jdbc.sql("""
                        select distinct a.id, a.email, a.language from account a
                        join role_assignment r on r.account_id = a.id
                        where a.status = 'ACTIVE' and r.role = 'CENTRAL_INSTITUTION' and r.institution_id = :institution
                        order by a.id
                        """)
                .param("institution", institutionId)
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
