package pl.koordes.content;

import java.time.Instant;

/**
 * A published article as other modules see it (comments hang under it, notifications link to it).
 *
 * @param path the article's address on this site, e.g. {@code /aktualnosci/ekonomia-spoleczna-w-regionach}
 */
public record ArticleReference(long id, String slug, String title, String path, Instant publishedAt) {}
