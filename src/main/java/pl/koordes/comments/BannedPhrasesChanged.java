package pl.koordes.comments;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/** An editor added a phrase to the banned list or took one off; an audit line with the editor. */
public record BannedPhrasesChanged(
        CommentAction action, @Nullable Long phraseId, String phrase) implements Audited {

    @Override
    public AuditAction auditAction() {
        return action;
    }

    @Override
    public String auditTargetType() {
        return "banned_phrase";
    }

    @Override
    public @Nullable Object auditTargetId() {
        return phraseId;
    }

    @Override
    public @Nullable Map<String, ?> auditBefore() {
        return action == CommentAction.BANNED_PHRASE_REMOVED ? Map.of("phrase", phrase) : null;
    }

    @Override
    public @Nullable Map<String, ?> auditAfter() {
        return action == CommentAction.BANNED_PHRASE_ADDED ? Map.of("phrase", phrase) : null;
    }
}
