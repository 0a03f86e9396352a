package pl.koordes.knowledge.internal.discussions;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.shared.security.Role;

/**
 * Reads the spaces, the people a group names, and who may read a space (for mentions and e-mail). The reader
 * condition in SQL is the same rule as {@link SpacePermissions#canRead}, for people who are not signed in now.
 */
@Repository
@Transactional(readOnly = true)
public class SpaceStore {

    /** A person who may read a space: whom a mention may name and to whom mail may go. */
    public record Reader(long accountId, String displayName, String email, String language) {}

    /** A person a group names. */
    public record Member(long accountId, String displayName, String email) {}

    private final JdbcClient jdbc;

    SpaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Space> bySlug(String slug) {
        return jdbc.sql("select " + Space.COLUMNS + " from discussion_space s where s.slug = :slug")
                .param("slug", slug)
                .query(Space::of)
                .optional();
    }

    public Optional<Space> byId(long id) {
        return jdbc.sql("select " + Space.COLUMNS + " from discussion_space s where s.id = :id")
                .param("id", id)
                .query(Space::of)
                .optional();
    }

    /** Every space: the network first, then committees by region, then groups by name (a few dozen). */
    public List<Space> all() {
        return jdbc.sql("select " + Space.COLUMNS + """
                         from discussion_space s left join region g on g.id = s.region_id
                        order by case s.kind when 'NETWORK' then 0 when 'COMMITTEE' then 1 else 2 end,
                                 g.name_pl, s.name, s.id
                        """).query(Space::of).list();
    }

    /** The groups the person is named in. */
    public Set<Long> groupsNaming(long accountId) {
        return Set.copyOf(jdbc.sql("select space_id from discussion_space_member where account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .list());
    }

    public boolean names(long spaceId, long accountId) {
        return jdbc.sql("select exists (select 1 from discussion_space_member where space_id = :s and account_id = :a)")
                .param("s", spaceId)
                .param("a", accountId)
                .query(Boolean.class)
                .single();
    }

    /** The people a group names, by name. */
    public List<Member> members(long spaceId) {
        return jdbc.sql("""
                        select a.id, a.display_name, a.email from discussion_space_member m
                        join account a on a.id = m.account_id
                        where m.space_id = :s order by a.display_name, a.id
                        """)
                .param("s", spaceId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public List<Long> memberIds(long spaceId) {
        return jdbc.sql("select account_id from discussion_space_member where space_id = :s order by account_id")
                .param("s", spaceId)
                .query(Long.class)
                .list();
    }

    /** Every active account that may read the space. */
    public List<Reader> readers(Space space) {
        return reading(space, "select a.id, a.display_name, a.email, a.language from account a where ", null)
                .query((rs, n) -> new Reader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /**
     * The readers of the space who follow it or the thread with {@code delivery} ({@code IMMEDIATE} or
     * {@code DAILY}), but not {@code except} (the author of the post they would be told of).
     */
    public List<Reader> followers(Space space, long threadId, long except, String delivery) {
        return reading(
                        space,
                        "select a.id, a.display_name, a.email, a.language from account a where a.id <> :except and"
                                + " exists (select 1 from discussion_subscription f where f.account_id = a.id"
                                + " and f.delivery = :delivery and (f.space_id = :space or f.thread_id = :thread))"
                                + " and ",
                        threadId)
                .param("except", except)
                .param("delivery", delivery)
                .query((rs, n) -> new Reader(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Whether {@code accountId} may read the space now (an active account with a reading role or membership). */
    public boolean reads(Space space, long accountId) {
        return reading(space, "select a.id from account a where a.id = :who and ", null)
                .param("who", accountId)
                .query(Long.class)
                .optional()
                .isPresent();
    }

    /** The statement with the reader condition of the space appended and bound. */
    private JdbcClient.StatementSpec reading(Space space, String select, @Nullable Long threadId) {
        List<String> anyRegion = new ArrayList<>(List.of(Role.ADMINISTRATOR.name()));
        List<String> ofRegion = new ArrayList<>();
        switch (space.kind()) {
            case NETWORK -> anyRegion.addAll(List.of(Role.REGIONAL_COORDINATOR.name(), Role.EDITOR.name()));
            case COMMITTEE -> ofRegion.addAll(List.of(Role.REGIONAL_COORDINATOR.name(), Role.COMMITTEE_MEMBER.name()));
            case GROUP -> {
                anyRegion.add(Role.EDITOR.name());
                space.roles().forEach(role -> anyRegion.add(role.name()));
            }
        }
        return jdbc.sql(select + """
                        a.status = 'ACTIVE' and (
                          exists (select 1 from role_assignment r where r.account_id = a.id
                                  and (r.role = any(cast(:anyRegion as text[]))
                                       or (r.role = any(cast(:ofRegion as text[]))
                                           and (r.region_id is null or r.region_id = :region))))
                          or exists (select 1 from discussion_space_member m where m.space_id = :space
                                     and m.account_id = a.id))
                        order by a.display_name, a.id
                        """)
                .param("anyRegion", anyRegion.toArray(String[]::new))
                .param("ofRegion", ofRegion.toArray(String[]::new))
                .param("region", space.regionId() == null ? -1L : space.regionId())
                .param("space", space.id())
                .param("thread", threadId == null ? -1L : threadId);
    }
}
