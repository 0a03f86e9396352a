package pl.koordes.comments.internal;

import org.jspecify.annotations.Nullable;
import pl.koordes.comments.CommentState;

/** What an editor decides about comments in the queue. */
public enum ModerationAction {
    APPROVE(CommentState.APPROVED),
    REJECT(CommentState.REJECTED),
    SPAM(CommentState.SPAM);

    private final CommentState result;

    ModerationAction(CommentState result) {
        this.result = result;
    }

    public CommentState result() {
        return result;
    }

    /** The action named in a form, or null for anything else. */
    public static @Nullable ModerationAction parse(@Nullable String name) {
        for (ModerationAction action : values()) {
            if (action.name().equalsIgnoreCase(name)) {
                return action;
            }
        }
        return null;
    }
}
