package pl.koordes.knowledge.web.discussions;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.knowledge.internal.discussions.DiscussionPost;

/**
 * A post as the thread page shows it.
 *
 * @param html its Markdown rendered through the sanitiser (empty when hidden)
 * @param quotedHref where the post it quotes is shown, if it quotes one
 * @param editable whether the reader may still edit it (their own, within the time allowed)
 * @param documents the library documents it points to that the reader may open, id to title, in the post's order
 */
public record PostView(
        DiscussionPost post, String html, @Nullable String quotedHref, boolean editable, Map<Long, String> documents) {}
