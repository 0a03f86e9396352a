package pl.koordes.comments;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;

/**
 * Enough signed-in readers reported a public comment that it is hidden until an editor decides; an audit line
 * with the reporter whose report tipped the count.
 *
 * @param signedInReports the unsettled reports of signed-in accounts that hid it
 */
public record CommentHidden(long commentId, long articleId, int signedInReports) implements CommentFact {

    @Override
    public AuditAction auditAction() {
        return CommentAction.COMMENT_HIDDEN_BY_REPORTS;
    }

    @Override
    public Map<String, ?> auditBefore() {
        return Map.of("state", CommentState.APPROVED.name());
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("state", CommentState.HIDDEN.name(), "signedInReports", signedInReports);
    }
}
