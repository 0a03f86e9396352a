package pl.koordes.knowledge.internal.library;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may open a library document, in one place: the page, the file, the list, what links to it and the search
 * entry all use these tokens, so none of them can show what another would refuse. A public document: anyone. An
 * internal one: editors and administrators, the coordinators of its region (who may edit it), and those chosen:
 *
 * <ul>
 *   <li>roles only: every holder of a chosen role;
 *   <li>regions only: the coordinators and committee members of a chosen region (and those holding the role
 *       nationwide);
 *   <li>both: holders of a chosen role for a chosen region (a role not bound to a region covers every region).
 * </ul>
 */
public final class LibraryAudience {

    /** The regional roles a choice of regions alone lets read. */
    static final Set<Role> REGIONAL_READERS = Set.of(Role.REGIONAL_COORDINATOR, Role.COMMITTEE_MEMBER);

    private LibraryAudience() {}

    /** The tokens of who may open a document with these settings. */
    public static Set<String> of(
            boolean publicDocument, @Nullable Long regionId, Collection<Role> roles, Collection<Long> regions) {
        Set<String> tokens = new LinkedHashSet<>();
        if (publicDocument) {
            tokens.add(SearchAudience.PUBLIC);
            return Collections.unmodifiableSet(tokens);
        }
        tokens.add(SearchAudience.role(Role.EDITOR));
        tokens.add(SearchAudience.role(Role.ADMINISTRATOR));
        if (regionId != null) {
            tokens.addAll(SearchAudience.role(Role.REGIONAL_COORDINATOR, regionId));
        }
        if (regions.isEmpty()) {
            roles.forEach(role -> tokens.add(SearchAudience.role(role)));
        } else {
            Collection<Role> chosen = roles.isEmpty() ? REGIONAL_READERS : roles;
            for (Role role : chosen) {
                for (long region : regions) {
                    tokens.addAll(SearchAudience.role(role, region));
                }
            }
        }
        return Collections.unmodifiableSet(tokens);
    }

    /** Whether the visitor (null: anonymous) may open the document. */
    public static boolean mayOpen(@Nullable CurrentUser user, LibraryDocument document) {
        return !Collections.disjoint(document.audience(), SearchAudience.of(user));
    }
}
