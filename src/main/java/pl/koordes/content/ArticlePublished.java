package pl.koordes.content;

import java.time.Instant;
import java.util.Map;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/**
 * An editor published an article: saved as published a new article or one that was a draft. Published
 * in the transaction of the save; an audit line with the editor. A publication scheduled for later is
 * published (and audited) when the editor schedules it: nothing runs when its time comes, the article
 * simply becomes visible then, so a listener that announces it must wait until {@code publishedAt}.
 *
 * @param publishedAt when the article is public from; later than the save for a scheduled publication
 */
public record ArticlePublished(long articleId, String slug, String title, Instant publishedAt) implements Audited {

    @Override
    public AuditAction auditAction() {
        return ContentAction.ARTICLE_PUBLISHED;
    }

    @Override
    public String auditTargetType() {
        return "article";
    }

    @Override
    public Object auditTargetId() {
        return articleId;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("title", title, "publishedAt", publishedAt.toString());
    }
}
