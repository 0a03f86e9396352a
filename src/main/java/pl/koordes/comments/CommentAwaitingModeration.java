package pl.koordes.comments;

/**
 * A visitor's comment was kept and waits for an editor (pre-moderation, or a spam check asked for a
 * person to look). Not published for comments the honeypot caught: those are spam, never shown.
 */
public record CommentAwaitingModeration(long commentId, long articleId) {}
