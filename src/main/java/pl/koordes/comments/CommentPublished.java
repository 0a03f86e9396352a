package pl.koordes.comments;

/**
 * A comment became public under its article: accepted at once (post-moderation) or approved by an
 * editor. Published in the transaction of the change, for whoever tells people about new comments.
 */
public record CommentPublished(long commentId, long articleId) {}
