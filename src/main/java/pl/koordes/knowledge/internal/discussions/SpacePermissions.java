package pl.koordes.knowledge.internal.discussions;

import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import pl.koordes.shared.search.SearchAudience;
import pl.koordes.shared.security.CurrentUser;
import pl.koordes.shared.security.Role;

/**
 * Who may read and moderate each space; one place for controllers, templates, mail and search. Whoever may
 * read a space may write in it (threads and replies), unless a thread is locked.
 *
 * <ul>
 *   <li>The network: every regional coordinator (any region), editors and administrators; editors and
 *       administrators moderate.
 *   <li>A committee's space: the region's committee members and the region's coordinators (a role held for the
 *       whole country covers every region), and administrators; the region's coordinators (the committee's
 *       secretary) and administrators moderate. Editors do not read committee spaces.
 *   <li>A thematic group: the roles and the people it names, editors and administrators; editors and
 *       administrators moderate and change who may read it.
 * </ul>
 */
@Component
public class SpacePermissions {

    /** Members named in groups are looked up by the caller; {@code member} says whether this person is one. */
    public boolean canRead(@Nullable CurrentUser user, Space space, boolean member) {
        if (user == null) {
            return false;
        }
        return switch (space.kind()) {
            case NETWORK -> user.has(Role.REGIONAL_COORDINATOR) || user.has(Role.EDITOR) || user.administrator();
            case COMMITTEE -> {
                long region = java.util.Objects.requireNonNull(space.regionId());
                yield user.administrator()
                        || user.has(Role.REGIONAL_COORDINATOR, region)
                        || user.has(Role.COMMITTEE_MEMBER, region);
            }
            case GROUP ->
                user.has(Role.EDITOR)
                        || user.administrator()
                        || member
                        || space.roles().stream().anyMatch(user::has);
        };
    }

    /** Hiding and restoring posts, locking threads. */
    public boolean canModerate(@Nullable CurrentUser user, Space space) {
        if (user == null) {
            return false;
        }
        return switch (space.kind()) {
            case NETWORK, GROUP -> user.has(Role.EDITOR) || user.administrator();
            case COMMITTEE ->
                user.administrator()
                        || user.has(Role.REGIONAL_COORDINATOR, java.util.Objects.requireNonNull(space.regionId()));
        };
    }

    /** Opening groups and changing who may read them. */
    public boolean canManageGroups(@Nullable CurrentUser user) {
        return user != null && (user.has(Role.EDITOR) || user.administrator());
    }

    /**
     * Whether the header offers "Dyskusje": those whose roles give them the network or a committee space, and
     * editors. Decided from the roles alone (no statement on every page); a person who reads only a group as a
     * named member reaches it from the notice, the e-mail or {@code /dyskusje}.
     */
    public boolean hasSpaceByRole(@Nullable CurrentUser user) {
        return user != null
                && (user.has(Role.REGIONAL_COORDINATOR)
                        || user.has(Role.COMMITTEE_MEMBER)
                        || user.has(Role.EDITOR)
                        || user.administrator());
    }

    /**
     * The search audience of the space's posts: exactly who {@link #canRead} admits.
     *
     * @param members the group's named members
     */
    public Set<String> audience(Space space, Iterable<Long> members) {
        Set<String> audience = new LinkedHashSet<>();
        audience.add(SearchAudience.role(Role.ADMINISTRATOR));
        switch (space.kind()) {
            case NETWORK -> {
                audience.add(SearchAudience.role(Role.REGIONAL_COORDINATOR));
                audience.add(SearchAudience.role(Role.EDITOR));
            }
            case COMMITTEE -> {
                long region = java.util.Objects.requireNonNull(space.regionId());
                audience.addAll(SearchAudience.role(Role.REGIONAL_COORDINATOR, region));
                audience.addAll(SearchAudience.role(Role.COMMITTEE_MEMBER, region));
            }
            case GROUP -> {
                audience.add(SearchAudience.role(Role.EDITOR));
                space.roles().forEach(role -> audience.add(SearchAudience.role(role)));
                members.forEach(id -> audience.add(SearchAudience.account(id)));
            }
        }
        return audience;
    }
}
