package pl.koordes.advisory;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import pl.koordes.advisory.internal.AdvisoryPermissions;
import pl.koordes.advisory.internal.AdvisoryStore;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Advisory cases as other modules refer to them (a library document came from one): that it exists, its region
 * and its page. Nothing of its content for others: who may read a case is this module's question, asked on its
 * page, and {@link #openableBy} answers it for the choices of a form.
 */
@Component
public class AdvisoryCaseReferences {

    /**
     * A case as a reference.
     *
     * @param path its page, {@code /doradztwo/42}
     */
    public record CaseReference(long id, long regionId, String path) {}

    /** A case a person may open, as a form offers it: its number, region and title. */
    public record CaseChoice(long id, long regionId, String title) {}

    private final AdvisoryStore store;
    private final AdvisoryPermissions permissions;
    private final JdbcClient jdbc;

    AdvisoryCaseReferences(AdvisoryStore store, AdvisoryPermissions permissions, JdbcClient jdbc) {
        this.store = store;
        this.permissions = permissions;
        this.jdbc = jdbc;
    }

    /** The case with this id; one statement. */
    public Optional<CaseReference> find(long id) {
        return store.find(id).map(r -> new CaseReference(r.id(), r.regionId(), "/doradztwo/" + r.id()));
    }

    /**
     * The cases the person may open as their region's coordinator or committee member, or as an operator,
     * newest first, at most {@code limit}, and those of {@code alsoIds} the person may open wherever they stand;
     * one statement. An expert's assigned cases are not offered: experts link nothing to cases.
     */
    public List<CaseChoice> openableBy(@Nullable CurrentUser user, int limit, Set<Long> alsoIds) {
        if (user == null) {
            return List.of();
        }
        boolean all = permissions.isOperator(user);
        Set<Long> regions = new HashSet<>(user.regionsOf(Role.REGIONAL_COORDINATOR));
        regions.addAll(user.regionsOf(Role.COMMITTEE_MEMBER));
        if (!all && regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        (select id, region_id, title from advisory_request
                         where :all or region_id = any(cast(:regions as bigint[]))
                         order by id desc limit :limit)
                        union
                        (select id, region_id, title from advisory_request
                         where id = any(cast(:also as bigint[])) and (:all or region_id = any(cast(:regions as bigint[]))))
                        order by id desc""")
                .param("all", all)
                .param("regions", regions.toArray(Long[]::new))
                .param("also", alsoIds.toArray(Long[]::new))
                .param("limit", limit)
                .query((rs, n) -> new CaseChoice(rs.getLong("id"), rs.getLong("region_id"), rs.getString("title")))
                .list();
    }

    /** Whether the person may open the case as {@link #openableBy} offers it; one statement. */
    public boolean openable(@Nullable CurrentUser user, long id) {
        return store.find(id)
                .map(r -> user != null && permissions.actsForRegion(user, r.regionId()))
                .orElse(false);
    }
}
