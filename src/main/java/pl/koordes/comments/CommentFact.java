package pl.koordes.comments;

import pl.koordes.shared.audit.Audited;

/** An audited fact about one comment: the audit log names the comment as what changed. */
interface CommentFact extends Audited {

    long commentId();

    @Override
    default String auditTargetType() {
        return "comment";
    }

    @Override
    default Object auditTargetId() {
        return commentId();
    }
}
