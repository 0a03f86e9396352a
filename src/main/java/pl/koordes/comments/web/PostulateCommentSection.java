package pl.koordes.comments.web;

import gg.jte.Content;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.comments.internal.Subjects;
import pl.koordes.postulates.PostulatePageSection;
import pl.koordes.postulates.PostulateReference;

/**
 * The comments under a public postulate: the same list, form, proof of work and moderation as under an
 * article. The postulate's page calls sections only for postulates the visitor may see; a draft is left out
 * here as well, so that its page never offers a form the posting route would refuse.
 */
@Component
class PostulateCommentSection implements PostulatePageSection {

    private final CommentSection section;

    PostulateCommentSection(CommentSection section) {
        this.section = section;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Optional<Content> render(PostulateReference postulate, HttpServletRequest request) {
        if (!postulate.status().isPublic()) {
            return Optional.empty();
        }
        return section.render(Subjects.of(postulate), request);
    }
}
