package pl.koordes.comments;

import java.util.Map;
import pl.koordes.comments.internal.ModerationAction;
import pl.koordes.shared.audit.AuditAction;

/** An editor decided about a comment (approved, rejected or marked as spam); an audit line with the editor. */
public record CommentModerated(long commentId, long articleId, ModerationAction decision, CommentState before)
        implements CommentFact {

    @Override
    public AuditAction auditAction() {
        return CommentAction.of(decision);
    }

    @Override
    public Map<String, ?> auditBefore() {
        return Map.of("state", before.name());
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("state", decision.result().name());
    }
}
