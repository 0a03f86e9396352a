package pl.koordes.knowledge.internal.discussions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import pl.koordes.knowledge.DiscussionAction;
import pl.koordes.knowledge.DiscussionChanged;
import pl.koordes.shared.outcome.NotFound;
import pl.koordes.shared.outcome.Refused;
import pl.koordes.shared.security.Role;
import pl.koordes.shared.web.Slugs;

/**
 * Thematic groups (opened and changed by editors, {@link SpacePermissions#canManageGroups}) and following a space
 * or a thread. A change of who may read a group puts its posts into the search index again with the new audience,
 * in the same transaction. Every change is audited.
 */
@Service
public class SpaceManagement {

    private final JdbcClient jdbc;
    private final SpaceStore spaces;
    private final DiscussionSearch search;
    private final ApplicationEventPublisher publisher;

    SpaceManagement(JdbcClient jdbc, SpaceStore spaces, DiscussionSearch search, ApplicationEventPublisher publisher) {
        this.jdbc = jdbc;
        this.spaces = spaces;
        this.search = search;
        this.publisher = publisher;
    }

    /** Opens a group; returns its slug. */
    @Transactional
    public String open(long editorId, SpaceGroupForm form) {
        List<Long> members = accounts(form);
        String base = "grupa-" + Slugs.of(form.nameText());
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        String slug = base;
        for (int n = 2; spaces.bySlug(slug).isPresent(); n++) {
            slug = base + "-" + n;
        }
        long id = jdbc.sql("""
                        insert into discussion_space (kind, slug, name, description, created_by)
                        values ('GROUP', :slug, :name, :description, :by) returning id
                        """)
                .param("slug", slug)
                .param("name", form.nameText())
                .param("description", form.descriptionText())
                .param("by", editorId)
                .query(Long.class)
                .single();
        saveReaders(id, form.roleList(), members);
        publisher.publishEvent(new DiscussionChanged(
                DiscussionAction.DISCUSSION_GROUP_OPENED,
                DiscussionChanged.SPACE,
                id,
                id,
                null,
                values(form.nameText(), form.roleList(), members)));
        return slug;
    }

    /** Saves a group's settings read at {@code form.version()}; a change made meanwhile is a conflict. */
    @Transactional
    public void change(Space group, SpaceGroupForm form) {
        if (!group.group()) {
            throw new NotFound("discussion group", group.slug());
        }
        List<Long> members = accounts(form);
        List<Long> membersBefore = spaces.memberIds(group.id());
        int changed = jdbc.sql("""
                        update discussion_space set name = :name, description = :description, updated_at = now(),
                            row_version = row_version + 1
                        where id = :id and row_version = :version
                        """)
                .param("name", form.nameText())
                .param("description", form.descriptionText())
                .param("id", group.id())
                .param("version", form.version() == null ? -1 : form.version())
                .update();
        if (changed == 0) {
            throw Refused.conflict("knowledge.discussions.stale");
        }
        jdbc.sql("delete from discussion_space_role where space_id = :id")
                .param("id", group.id())
                .update();
        jdbc.sql("delete from discussion_space_member where space_id = :id")
                .param("id", group.id())
                .update();
        saveReaders(group.id(), form.roleList(), members);
        publisher.publishEvent(new DiscussionChanged(
                DiscussionAction.DISCUSSION_GROUP_CHANGED,
                DiscussionChanged.SPACE,
                group.id(),
                group.id(),
                values(group.name(), group.roles().stream().sorted().toList(), membersBefore),
                values(form.nameText(), form.roleList(), members)));
        search.refreshSpace(spaces.byId(group.id()).orElseThrow());
    }

    /** Follows the space ({@code threadId} null) or one of its threads with an e-mail per post. */
    @Transactional
    public void follow(long accountId, Space space, @Nullable Long threadId, boolean follow) {
        follow(accountId, space, threadId, follow, false);
    }

    /**
     * Follows the space ({@code threadId} null) or one of its threads, with an e-mail per post or ({@code daily})
     * in the person's daily digest, or stops following it; following twice the same way changes nothing, following
     * the other way changes the delivery (audited with before and after).
     */
    @Transactional
    public void follow(long accountId, Space space, @Nullable Long threadId, boolean follow, boolean daily) {
        record Existing(long id, String delivery) {}
        String where = threadId == null ? "space_id = :space" : "thread_id = :thread";
        Existing existing = jdbc.sql(
                        "select id, delivery from discussion_subscription where account_id = :a and " + where)
                .param("a", accountId)
                .param("space", space.id())
                .param("thread", threadId == null ? -1L : threadId)
                .query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElse(null);
        String delivery = daily ? "DAILY" : "IMMEDIATE";
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("threadId", threadId);
        values.put("delivery", existing == null || follow ? delivery : existing.delivery());
        if (follow && existing != null && !existing.delivery().equals(delivery)) {
            jdbc.sql("update discussion_subscription set delivery = :d where id = :id")
                    .param("d", delivery)
                    .param("id", existing.id())
                    .update();
            Map<String, @Nullable Object> before = new LinkedHashMap<>(values);
            before.put("delivery", existing.delivery());
            publisher.publishEvent(new DiscussionChanged(
                    DiscussionAction.DISCUSSION_SUBSCRIBED,
                    DiscussionChanged.SUBSCRIPTION,
                    existing.id(),
                    space.id(),
                    before,
                    values));
        } else if (follow && existing == null) {
            long id = jdbc.sql("""
                            insert into discussion_subscription (account_id, space_id, thread_id, delivery)
                            values (:a, :space, :thread, :delivery) returning id
                            """)
                    .param("a", accountId)
                    .param("space", threadId == null ? space.id() : null)
                    .param("thread", threadId)
                    .param("delivery", delivery)
                    .query(Long.class)
                    .single();
            publisher.publishEvent(new DiscussionChanged(
                    DiscussionAction.DISCUSSION_SUBSCRIBED,
                    DiscussionChanged.SUBSCRIPTION,
                    id,
                    space.id(),
                    null,
                    values));
        } else if (!follow && existing != null) {
            jdbc.sql("delete from discussion_subscription where id = :id")
                    .param("id", existing.id())
                    .update();
            publisher.publishEvent(new DiscussionChanged(
                    DiscussionAction.DISCUSSION_UNSUBSCRIBED,
                    DiscussionChanged.SUBSCRIPTION,
                    existing.id(),
                    space.id(),
                    values,
                    null));
        }
    }

    /** The active accounts the form names by address; an address of nobody is refused beside the field. */
    private List<Long> accounts(SpaceGroupForm form) {
        List<Long> ids = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String address : form.addresses()) {
            jdbc.sql("select id from account where lower(email) = :email and status = 'ACTIVE'")
                    .param("email", address)
                    .query(Long.class)
                    .optional()
                    .ifPresentOrElse(ids::add, () -> unknown.add(address));
        }
        if (!unknown.isEmpty()) {
            throw Refused.field("members", "knowledge.discussions.group.members.unknown");
        }
        if (ids.size() > 500) {
            throw Refused.field("members", "knowledge.discussions.group.members.tooMany");
        }
        return ids;
    }

    private void saveReaders(long spaceId, List<Role> roles, List<Long> members) {
        for (Role role : roles) {
            jdbc.sql("insert into discussion_space_role (space_id, role) values (:s, :r)")
                    .param("s", spaceId)
                    .param("r", role.name())
                    .update();
        }
        for (Long member : members) {
            jdbc.sql("insert into discussion_space_member (space_id, account_id) values (:s, :a)")
                    .param("s", spaceId)
                    .param("a", member)
                    .update();
        }
    }

    /** What an audit line keeps of a group: its name, roles and how many people it names (not who). */
    private static Map<String, @Nullable Object> values(String name, List<Role> roles, List<Long> members) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("roles", String.join(", ", roles.stream().map(Role::name).toList()));
        values.put("members", members.size());
        return values;
    }
}
