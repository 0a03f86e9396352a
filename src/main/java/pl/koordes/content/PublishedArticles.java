package pl.koordes.content;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Looks up articles that the public can read now: published, publication date reached. */
public interface PublishedArticles {

    Optional<ArticleReference> findById(long id);

    Optional<ArticleReference> findBySlug(String slug);

    /** Every one of these ids that is a published article, in one query. */
    Map<Long, ArticleReference> findByIds(Collection<Long> ids);
}
