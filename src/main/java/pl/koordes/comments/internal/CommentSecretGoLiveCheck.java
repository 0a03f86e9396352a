package pl.koordes.comments.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import pl.koordes.shared.golive.GoLiveCheck;

/**
 * The comments' key before launch: without {@code koordes.comments.secret} each start (and each node)
 * makes a key of its own, so a comment form opened before a restart or served by another node is refused.
 */
@Component
class CommentSecretGoLiveCheck implements GoLiveCheck {

    private final CommentsProperties properties;

    CommentSecretGoLiveCheck(CommentsProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Item> items() {
        String secret = properties.secret();
        boolean set = secret != null && !secret.isBlank();
        return List.of(Item.of(
                70,
                "comments.golive.secret.title",
                set,
                set ? "comments.golive.secret.state.set" : "comments.golive.secret.state.random",
                "comments.golive.secret.advice"));
    }
}
