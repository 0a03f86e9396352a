package pl.koordes.comments.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import pl.koordes.comments.CommentSubject;
import pl.koordes.content.ArticleReference;
import pl.koordes.content.PublishedArticles;
import pl.koordes.postulates.PostulateReference;
import pl.koordes.postulates.PublicPostulates;

/**
 * Finds what comments hang under through the owning modules' APIs: published articles (content) and
 * public postulates (postulates). Anything else (a draft, an unpublished article, an unknown id) is absent.
 */
@Component
public class Subjects {

    private final PublishedArticles articles;
    private final PublicPostulates postulates;

    Subjects(PublishedArticles articles, PublicPostulates postulates) {
        this.articles = articles;
        this.postulates = postulates;
    }

    public static Subject of(ArticleReference article) {
        return new Subject(CommentSubject.ARTICLE, article.id(), article.title(), article.path());
    }

    public static Subject of(PostulateReference postulate) {
        return new Subject(CommentSubject.POSTULATE, postulate.id(), postulate.title(), postulate.path());
    }

    public Optional<Subject> find(CommentStore.Key key) {
        return switch (key.subject()) {
            case ARTICLE -> articles.findById(key.id()).map(Subjects::of);
            case POSTULATE -> postulates.findPublic(key.id()).map(Subjects::of);
        };
    }

    /** The subjects that are public, by key; two statements at most, whatever the number of keys. */
    public Map<CommentStore.Key, Subject> findAll(Collection<CommentStore.Key> keys) {
        Map<CommentStore.Key, Subject> found = new HashMap<>();
        List<Long> articleIds = ids(keys, CommentSubject.ARTICLE);
        if (!articleIds.isEmpty()) {
            articles.findByIds(articleIds).values().forEach(a -> {
                Subject s = of(a);
                found.put(s.key(), s);
            });
        }
        List<Long> postulateIds = ids(keys, CommentSubject.POSTULATE);
        if (!postulateIds.isEmpty()) {
            postulates.findByIds(postulateIds).values().forEach(p -> {
                Subject s = of(p);
                found.put(s.key(), s);
            });
        }
        return found;
    }

    private static List<Long> ids(Collection<CommentStore.Key> keys, CommentSubject kind) {
        return keys.stream()
                .filter(k -> k.subject() == kind)
                .map(CommentStore.Key::id)
                .distinct()
                .toList();
    }
}
