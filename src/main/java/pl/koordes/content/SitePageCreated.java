package pl.koordes.content;

import java.util.Map;
import pl.koordes.shared.audit.AuditAction;
import pl.koordes.shared.audit.Audited;

/** An editor created a static page at this address; an audit line with the editor. */
public record SitePageCreated(long pageId, String slug, String title) implements Audited {

    @Override
    public AuditAction auditAction() {
        return ContentAction.SITE_PAGE_CREATED;
    }

    @Override
    public String auditTargetType() {
        return "page";
    }

    @Override
    public Object auditTargetId() {
        return pageId;
    }

    @Override
    public Map<String, ?> auditAfter() {
        return Map.of("slug", slug, "title", title);
    }
}
