package pl.koordes.comments;

import pl.koordes.shared.audit.AuditAction;

/**
 * An editor changed a comment's text (to take out personal data, say) or the team's reply under it.
 * The audit line names the comment only: the texts may be the very personal data taken out.
 */
public record CommentEdited(long commentId, long articleId, CommentAction action) implements CommentFact {

    @Override
    public AuditAction auditAction() {
        return action;
    }
}
