package pl.koordes.comments;

/** What a comment hangs under: an article of the portal or a public postulate (stored by name). */
public enum CommentSubject {
    ARTICLE,
    POSTULATE
}
