package pl.koordes.knowledge.web.discussions;

import org.jspecify.annotations.Nullable;
import pl.koordes.knowledge.internal.discussions.DiscussionPost;

/**
 * A post as the thread page shows it.
 *
 * @param html its Markdown rendered through the sanitiser (empty when hidden)
 * @param quotedHref where the post it quotes is shown, if it quotes one
 * @param editable whether the reader may still edit it (their own, within the time allowed)
 */
public record PostView(
        DiscussionPost post, String html, @Nullable String quotedHref, boolean editable) {}
