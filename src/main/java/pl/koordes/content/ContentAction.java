package pl.koordes.content;

import pl.koordes.shared.audit.AuditAction;

/** What editors do to the site's content, as the audit log names it; constant names are stored, so add rather than rename. */
public enum ContentAction implements AuditAction {
    ARTICLE_PUBLISHED,
    SITE_PAGE_CREATED
}
