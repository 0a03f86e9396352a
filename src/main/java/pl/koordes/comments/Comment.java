package pl.koordes.comments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A comment as the pages show it. The author's e-mail never leaves the module: only whether there is one.
 *
 * @param subject what it hangs under; {@code articleId} is that subject's id (an article's or a postulate's)
 * @param flags why the spam checks asked for a person to look (keys such as {@code NO_PROOF_OF_WORK})
 * @param reports reports not yet looked at by an editor, from visitors and signed-in people alike
 * @param signedInReports those of them made by signed-in accounts (only these hide a comment)
 * @param reply the editorial team's answer shown under the comment, or null
 */
public record Comment(
        long id,
        CommentSubject subject,
        long articleId,
        String title,
        String body,
        String signature,
        boolean hasEmail,
        String language,
        CommentState state,
        List<String> flags,
        int reports,
        int signedInReports,
        Instant createdAt,
        @Nullable Instant publishedAt,
        @Nullable Instant moderatedAt,
        @Nullable String moderatedBy,
        @Nullable Instant editedAt,
        @Nullable String reply,
        @Nullable String replyBy,
        @Nullable Instant repliedAt) {

    /** The same comment with other texts, as an editor typed them into the edit form. */
    public Comment withTexts(String title, String body, String signature) {
        return new Comment(
                id,
                subject,
                articleId,
                title,
                body,
                signature,
                hasEmail,
                language,
                state,
                flags,
                reports,
                signedInReports,
                createdAt,
                publishedAt,
                moderatedAt,
                moderatedBy,
                editedAt,
                reply,
                replyBy,
                repliedAt);
    }

    /** Whether readers reported it and no editor has looked since. */
    public boolean reported() {
        return reports > 0;
    }

    /** The content as lines, so templates can escape each and break between them. */
    public List<String> bodyLines() {
        return body.lines().toList();
    }

    public List<String> replyLines() {
        return reply == null ? List.of() : reply.lines().toList();
    }
}
