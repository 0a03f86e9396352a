package pl.koordes.knowledge.web.discussions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import pl.koordes.knowledge.internal.discussions.DiscussionPost;
import pl.koordes.knowledge.internal.discussions.DiscussionProperties;
import pl.koordes.knowledge.internal.discussions.DiscussionThread;
import pl.koordes.knowledge.internal.discussions.PostForm;
import pl.koordes.knowledge.internal.discussions.PostLibraryLinks;
import pl.koordes.knowledge.internal.discussions.Space;
import pl.koordes.knowledge.internal.discussions.SpacePaths;
import pl.koordes.knowledge.internal.discussions.SpacePermissions;
import pl.koordes.knowledge.internal.discussions.ThreadManagement;
import pl.koordes.knowledge.internal.discussions.ThreadStore;
import pl.koordes.shared.i18n.Formats;
import pl.koordes.shared.text.Markdown;
import pl.koordes.shared.web.FormErrors;
import pl.koordes.shared.web.Paged;

/**
 * The thread's page, for its own address and for a reply shown again with errors: one page of posts rendered
 * through the sanitiser, what the reader may do with each, and the reply form.
 */
@Component
class ThreadPage {

    private final ThreadStore threads;
    private final ThreadManagement management;
    private final SpacePermissions permissions;
    private final DiscussionProperties properties;
    private final Markdown markdown;
    private final PostLibraryLinks links;

    ThreadPage(
            ThreadStore threads,
            ThreadManagement management,
            SpacePermissions permissions,
            DiscussionProperties properties,
            Markdown markdown,
            PostLibraryLinks links) {
        this.threads = threads;
        this.management = management;
        this.permissions = permissions;
        this.properties = properties;
        this.markdown = markdown;
        this.links = links;
    }

    String show(
            Model model,
            pl.koordes.shared.security.CurrentUser user,
            Space space,
            DiscussionThread thread,
            int pageNumber,
            PostForm form,
            FormErrors errors) {
        Paged<DiscussionPost> posts = threads.posts(thread, pageNumber);
        Map<Long, String> openable = links.openable(
                user,
                posts.items().stream()
                        .filter(p -> !p.hidden())
                        .flatMap(p -> p.documents().stream())
                        .toList());
        List<PostView> views = posts.items().stream()
                .map(p -> new PostView(
                        p,
                        p.hidden() ? "" : markdown.toHtml(p.body()),
                        p.quotedPostId() == null || p.quotedPosition() == null
                                ? null
                                : SpacePaths.post(space.slug(), thread.id(), p.quotedPostId(), p.quotedPosition()),
                        management.editable(user, p),
                        shown(p, openable)))
                .toList();
        boolean[] following = threads.following(user.id(), space.id(), thread.id());
        boolean moderator = permissions.canModerate(user, space);
        model.addAttribute("space", space);
        model.addAttribute("thread", thread);
        model.addAttribute("posts", posts);
        model.addAttribute("views", views);
        model.addAttribute("canModerate", moderator);
        // A reply refused because the thread was locked meanwhile is shown again with its text.
        model.addAttribute("canReply", !thread.locked() || moderator || errors.any());
        model.addAttribute("followingSpace", following[0]);
        model.addAttribute("followingThread", following[1]);
        model.addAttribute("editMinutes", properties.editMinutes());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "knowledge/discussions/thread";
    }

    /** The post's documents the reader may open, in the post's order; none for a hidden post. */
    private static Map<Long, String> shown(DiscussionPost post, Map<Long, String> openable) {
        Map<Long, String> shown = new LinkedHashMap<>();
        if (!post.hidden()) {
            post.documents().stream().filter(openable::containsKey).forEach(id -> shown.put(id, openable.get(id)));
        }
        return shown;
    }

    /** The reply form, empty or quoting a shown post of the thread (its author, time and text as a Markdown quote). */
    PostForm replyForm(DiscussionThread thread, @Nullable Long quote) {
        if (quote == null) {
            return PostForm.empty();
        }
        DiscussionPost quoted = threads.post(thread.id(), quote).orElse(null);
        if (quoted == null || quoted.hidden()) {
            return PostForm.empty();
        }
        StringBuilder text = new StringBuilder("> **")
                .append(Objects.requireNonNullElse(quoted.authorName(), "—"))
                .append("**, ")
                .append(Formats.dateTime(quoted.createdAt()))
                .append(":\n>\n");
        for (String line : quoted.body().split("\n", -1)) {
            text.append('>').append(line.isEmpty() ? "" : " " + line).append('\n');
        }
        return new PostForm(text.append('\n').toString(), "", quoted.id(), null);
    }
}
