package pl.koordes.comments;

import pl.koordes.comments.internal.ModerationAction;
import pl.koordes.shared.audit.AuditAction;

/** What editors (and, by reporting, signed-in readers) do to comments, as the audit log names it; constant names are stored, so add rather than rename. */
public enum CommentAction implements AuditAction {
    COMMENT_APPROVED,
    COMMENT_REJECTED,
    COMMENT_MARKED_SPAM,
    COMMENT_EDITED,
    COMMENT_REPLIED,
    BANNED_PHRASE_ADDED,
    BANNED_PHRASE_REMOVED,
    COMMENT_HIDDEN_BY_REPORTS;

    /** The audit action of a moderator's decision. */
    static CommentAction of(ModerationAction decision) {
        return switch (decision) {
            case APPROVE -> COMMENT_APPROVED;
            case REJECT -> COMMENT_REJECTED;
            case SPAM -> COMMENT_MARKED_SPAM;
        };
    }
}
