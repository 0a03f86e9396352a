package pl.koordes.comments;

/** Where a comment stands; only APPROVED comments are public. */
public enum CommentState {
    /** Waiting for an editor. */
    PENDING,
    /** Public. */
    APPROVED,
    /** Refused by an editor. */
    REJECTED,
    /** Spam: never shown, kept so that the same text is recognised again. */
    SPAM,
    /** Reported by visitors often enough to be taken down until an editor decides. */
    HIDDEN
}
